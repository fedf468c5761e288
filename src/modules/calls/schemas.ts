import { z } from "zod";
import { acrossFields, optionalText, requiredText } from "../../http/forms.ts";
import { parseParisDateTime } from "../content/api.ts";
import { uuidPattern } from "../../shared/uuid.ts";

const uuid = (message: string) => z.string({ error: message }).uuid(message);
const parisDateTime = (label: string) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .transform((value, context) => {
      const date = parseParisDateTime(value);
      if (!date) {
        context.addIssue({ code: "custom", message: `Indiquez ${label} au format jj/mm/aaaa hh:mm.` });
        return z.NEVER;
      }
      return date;
    });

export const openCallSchema = z
  .object({
    seasonId: uuid("Choisissez la saison."),
    title: requiredText("le titre de l’appel", 200),
    opensAt: parisDateTime("la date et l’heure d’ouverture"),
    closesAt: parisDateTime("la date et l’heure de clôture"),
  })
  .refine((call) => call.closesAt.getTime() > call.opensAt.getTime(), acrossFields("closesAt", "La clôture doit suivre l’ouverture."));

export const licences = ["Licence Ouverte 2.0", "MIT", "EUPL 1.2", "Apache 2.0", "GPL 3.0", "AGPL 3.0"] as const;
/** Rows of the « compétences recherchées » table, enough without JavaScript. */
export const skillRows = 4;

const proposalTexts = {
  problem: "le problème à résoudre",
  needHolders: "qui a le besoin",
  expectedImpact: "l’impact attendu",
  successIndicators: "les indicateurs de succès",
  dataSources: "les sources de données",
  dataAccess: "comment accéder aux données",
  deliverable: "le livrable",
  milestones: "les jalons de la saison",
  upkeep: "qui maintiendra le résultat après la saison",
} as const;
export type ProposalTextField = keyof typeof proposalTexts;
export const proposalTextFields = Object.keys(proposalTexts) as ProposalTextField[];

function skillsFrom(body: Record<string, unknown>) {
  const rows: { skillId: string; level: number; required: boolean; row: number }[] = [];
  for (let row = 0; row < skillRows; row++) {
    const skillId = typeof body[`skill${row}`] === "string" ? (body[`skill${row}`] as string) : "";
    if (!skillId) continue;
    rows.push({ skillId, level: Number(body[`skillLevel${row}`] ?? 2), required: body[`skillRequired${row}`] !== "optional", row });
  }
  return rows;
}

function organisationIdsFrom(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
  return [...new Set(values.filter((item): item is string => typeof item === "string" && item !== ""))];
}


/**
 * The proposal form. A draft needs only its title; « Déposer » needs every field of the framing template
 * (the code repository stays optional: it may not exist yet).
 */
export function proposalSchema(intent: "draft" | "submit") {
  const text = (field: ProposalTextField) => (intent === "submit" ? requiredText(proposalTexts[field], 5000) : optionalText(5000).transform((value) => value ?? ""));
  return z
    .preprocess(
      (body) => {
        const record = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
        return { ...record, skills: skillsFrom(record), participatingOrganisationIds: organisationIdsFrom(record.participatingOrganisationIds) };
      },
      z.object({
        title: requiredText("le titre de la proposition", 200),
        problem: text("problem"),
        needHolders: text("needHolders"),
        expectedImpact: text("expectedImpact"),
        successIndicators: text("successIndicators"),
        dataSources: text("dataSources"),
        dataAccess: text("dataAccess"),
        deliverable: text("deliverable"),
        milestones: text("milestones"),
        upkeep: text("upkeep"),
        codeRepository: optionalText(500).refine((value) => value === undefined || /^https:\/\/[^\s]+\.[^\s]+/.test(value), "Indiquez l’adresse du dépôt de code, commençant par https://."),
        codeLicence:
          intent === "submit"
            ? z.enum(licences, { error: "Choisissez la licence du code." })
            : z
                .union([z.enum(licences), z.literal("")], { error: "Choisissez une licence de la liste." })
                .optional()
                .transform((value) => value || undefined),
        sponsorOrganisationId:
          intent === "submit"
            ? uuid("Choisissez l’organisation qui porte la proposition.")
            : z
                .union([z.string().uuid("Choisissez une organisation de la liste."), z.literal("")])
                .optional()
                .transform((value) => value || undefined),
        participatingOrganisationIds: z.array(z.string().regex(uuidPattern, "Choisissez des organisations de la liste.")).max(50, "Choisissez au plus 50 organisations."),
        skills: z
          .array(
            z.object({
              skillId: z.string().regex(uuidPattern, "Choisissez une compétence de la liste."),
              level: z.number().int().min(1, "Choisissez le niveau attendu.").max(3, "Choisissez le niveau attendu."),
              required: z.boolean(),
              row: z.number(),
            }),
          )
          .min(intent === "submit" ? 1 : 0, "Indiquez au moins une compétence recherchée."),
        version: z.coerce.number().int().min(0).optional(),
        answer: optionalText(2000),
      }),
    )
    .transform((form) => ({ ...form, skills: form.skills.map(({ skillId, level, required }) => ({ skillId, level, required })) }));
}
export type ProposalForm = z.infer<ReturnType<typeof proposalSchema>>;

export const supportSchema = z.object({
  statement: requiredText("en une ligne pourquoi votre organisation a le même besoin", 280).refine((value) => !/[\r\n]/.test(value), "Écrivez une seule ligne."),
});

const score = (label: string) => z.coerce.number({ error: `Notez le critère «\u00a0${label}\u00a0» de 0 à 3.` }).int(`Notez le critère «\u00a0${label}\u00a0» de 0 à 3.`).min(0, `Notez le critère «\u00a0${label}\u00a0» de 0 à 3.`).max(3, `Notez le critère «\u00a0${label}\u00a0» de 0 à 3.`);
const required = <T extends z.ZodType>(label: string, schema: T) => z.preprocess((value) => (value === "" || value === undefined ? undefined : value), z.any().refine((value) => value !== undefined, `Notez le critère «\u00a0${label}\u00a0» de 0 à 3.`).pipe(schema));

export const reviewSchema = z.object({
  commonInterest: required("Intérêt commun", score("Intérêt commun")),
  immediateNeed: required("Besoin immédiat", score("Besoin immédiat")),
  openness: required("Ouverture", score("Ouverture")),
  comment: optionalText(5000).transform((value) => value ?? ""),
  privateNote: optionalText(5000).transform((value) => value ?? null),
});

/** The checkbox « Je déclare un conflit d’intérêts » (ADR 0025): checked or not, whatever else is posted. */
const conflictDeclared = z.unknown().optional().transform((value) => value === "oui");

export const informationRequestSchema = z.object({ question: requiredText("la question posée à l’auteur ou l’autrice", 2000), conflictDeclared });

export const decisionSchema = z.object({
  decision: z.enum(["select", "decline", "reconsider"], { error: "Choisissez la décision." }),
  reason: requiredText("la raison de la décision", 2000),
  conflictDeclared,
});
