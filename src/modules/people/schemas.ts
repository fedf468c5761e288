import { z } from "zod";
import { type FormResult, keepValues, optionalText, requiredText } from "../../http/forms.ts";
import { availabilities, jobFamilies, ProfileVisibilities, type SkillLevel } from "./domain/profile-choices.ts";
import { type SkillCategory, skillCategories } from "./domain/skill-vocabulary.ts";

const jobFamilyKeys = Object.keys(jobFamilies) as [keyof typeof jobFamilies, ...(keyof typeof jobFamilies)[]];
const availabilityKeys = Object.keys(availabilities) as [keyof typeof availabilities, ...(keyof typeof availabilities)[]];
const categoryKeys = skillCategories.map((category) => category.key) as [SkillCategory, ...SkillCategory[]];

const chooseOrganisation = "Choisissez une organisation de la liste, ou « Mon organisation n’est pas dans la liste ».";

/**
 * Step 1 « Votre organisation et votre métier » (and the same section of the edit page). The
 * organisation is chosen in the list or, when it is missing, written: at least one of the two (both
 * when the closest one in the list is chosen and the exact one written).
 */
export const organisationAndJobSchema = z
  .object({
    givenName: requiredText("votre prénom", 100),
    usualName: requiredText("votre nom", 100),
    organisationId: optionalText(36).pipe(z.uuid({ error: chooseOrganisation }).optional()),
    unlistedOrganisation: optionalText(200),
    jobFamily: z.enum(jobFamilyKeys, { error: "Choisissez votre métier." }),
  })
  .superRefine((value, context) => {
    if (!value.organisationId && !value.unlistedOrganisation) {
      context.addIssue({ code: "custom", path: ["unlistedOrganisation"], message: "Écrivez le nom de votre organisation, ou choisissez-la dans la liste." });
    }
  });
export type OrganisationAndJob = z.infer<typeof organisationAndJobSchema>;

/** The name of the field holding a member's level for one skill. */
export function levelFieldName(skillId: string): string {
  return `niveau-${skillId}`;
}
const levelField = /^niveau-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const levelValues = ["0", "1", "2", "3"] as const;
const levelMessage = "Choisissez un niveau parmi « — », « Curieux·se », « Je connais » et « Expert·e ».";

const skillsFixedSchema = z.object({
  learningWishes: optionalText(1000),
  proposedName: optionalText(80),
  proposedCategory: optionalText(40),
  proposedLevel: optionalText(1),
});

/** What the vocabulary already holds under a proposed name (name or synonym, accents and case ignored). */
export type ProposalMatch = { status: "accepted"; name: string; category: SkillCategory } | { status: "proposed" } | null;

/** The answer to a proposal the vocabulary already has: which skill to choose, and where it is. */
export function alreadyInVocabularyMessage(proposedName: string, skill: { name: string; category: SkillCategory }): string {
  const category = skillCategories.find((candidate) => candidate.key === skill.category)?.label ?? skill.category;
  return `«\u00a0${proposedName}\u00a0» est déjà dans la liste, sous le nom «\u00a0${skill.name}\u00a0» (${category})\u00a0: choisissez votre niveau sur cette ligne.`;
}

/** The error of the whole skills group (no skill chosen): shown at the top of the group. */
export const skillsGroupField = "levels";
export const noSkillChosenMessage = "Choisissez votre niveau pour au moins une compétence, ou proposez-en une.";

export type SkillsAndWishes = {
  /** Levels chosen, by skill id; 0 (« — ») removes the skill from the profile. */
  levels: Map<string, 0 | SkillLevel>;
  learningWishes: string | undefined;
  proposal: { name: string; category: SkillCategory; level: SkillLevel } | undefined;
};

/**
 * Step 2 « Vos compétences et envies »: one radio group per skill (`niveau-<id>`), the wishes and an
 * optional proposal. Fields that are not levels of a skill id are ignored; a level outside 0–3 is
 * refused at its skill. `match` is what the vocabulary holds under the proposed name: a skill already
 * in the list is refused first, naming it, instead of asking for the category and level of a proposal
 * that cannot be made (the category of a pending proposal is already known).
 */
export function parseSkillsAndWishes(body: unknown, match: ProposalMatch = null): FormResult<SkillsAndWishes> {
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const levels = new Map<string, 0 | SkillLevel>();
  for (const [key, value] of Object.entries(fields)) {
    const skillId = levelField.exec(key)?.[1];
    if (!skillId) continue;
    const level = z.enum(levelValues).safeParse(value);
    if (level.success) levels.set(skillId, Number(level.data) as 0 | SkillLevel);
    else errors[key] = levelMessage;
  }
  const fixed = skillsFixedSchema.safeParse(fields);
  if (!fixed.success) {
    for (const issue of fixed.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
  }
  const trimmed = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
  const [proposedName, proposedCategory, proposedLevel] = [trimmed(fields.proposedName), trimmed(fields.proposedCategory), trimmed(fields.proposedLevel)];
  if (proposedName && !errors.proposedName) {
    if (match?.status === "accepted") {
      errors.proposedName = alreadyInVocabularyMessage(proposedName, match);
    } else {
      if (match?.status !== "proposed" && !categoryKeys.includes(proposedCategory as SkillCategory)) {
        errors.proposedCategory = "Choisissez la catégorie de la compétence que vous proposez.";
      }
      if (!proposedLevel || !["1", "2", "3"].includes(proposedLevel)) errors.proposedLevel = "Choisissez votre niveau pour la compétence que vous proposez.";
    }
  }
  if (!proposedName && ![...levels.values()].some((level) => level > 0)) errors[skillsGroupField] = noSkillChosenMessage;
  if (!fixed.success || Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  const { learningWishes } = fixed.data;
  return {
    ok: true,
    data: {
      levels,
      learningWishes,
      proposal: proposedName ? { name: proposedName, category: proposedCategory as SkillCategory, level: Number(proposedLevel) as SkillLevel } : undefined,
    },
  };
}

const forgeUrlMessage = "Indiquez l’adresse de votre page en https://, par exemple github.com/votre-identifiant ou https://gitlab.com/votre-identifiant.";
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: forgeUrlMessage });

/**
 * `github.com/moi` as people type it becomes `https://github.com/moi`; an address with another scheme
 * (`http:`, `javascript:`…) is kept as typed, and refused.
 */
export function withHttpsScheme(address: string): string {
  if (address.startsWith("//")) return `https:${address}`;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(address) && !/^[^/:]+:\d+(\/|$)/.test(address);
  return hasScheme ? address : `https://${address}`;
}
/** A Matrix user id as Tchap shows it: `@localpart:server` (localpart in Matrix's allowed characters). */
const tchapIdPattern = /^@[a-z0-9._=/+-]+:[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/;

const presentationFields = {
  availability: z.enum(availabilityKeys, { error: "Choisissez votre disponibilité." }),
  bio: optionalText(600),
  forgeUrl: optionalText(300)
    .transform((value) => (value ? withHttpsScheme(value) : undefined))
    .pipe(httpsUrl.optional()),
  tchapId: optionalText(255)
    .transform((value) => value?.toLowerCase())
    .pipe(z.string().regex(tchapIdPattern, "Indiquez votre identifiant Tchap sous la forme @nom:serveur, par exemple @prenom.nom-insee.fr:agent.finances.tchap.gouv.fr.").optional()),
  managerName: optionalText(200),
  managerEmail: optionalText(254)
    .transform((value) => value?.toLowerCase())
    .pipe(z.email({ error: "Indiquez une adresse électronique valide, par exemple prenom.nom@ministere.gouv.fr." }).optional()),
  visibility: z.enum([ProfileVisibilities.members, ProfileVisibilities.programmeTeam], { error: "Choisissez qui peut voir votre profil." }),
};

/** Step 3 « Vous présenter » in the wizard: the charter must be accepted to join. */
export const presentationWithCharterSchema = z.object({
  ...presentationFields,
  charter: z.literal("oui", { error: "Acceptez la charte du programme pour rejoindre la communauté." }),
});
/** The same section on the edit page of a profile that already accepted the charter. */
export const presentationSchema = z.object(presentationFields);
export type Presentation = z.infer<typeof presentationSchema>;

/** The programme team's edit of a skill: name, category, synonyms (comma or line separated). */
export const skillEditSchema = z.object({
  name: requiredText("le nom de la compétence", 80),
  category: z.enum(categoryKeys, { error: "Choisissez une catégorie." }),
  synonyms: optionalText(2000)
    .transform((value) => splitSynonyms(value ?? ""))
    .pipe(
      z
        .array(z.string().max(60, "Un synonyme ne peut pas dépasser 60 caractères."))
        .max(40, "Indiquez au plus 40 synonymes."),
    ),
});
export type SkillEdit = z.infer<typeof skillEditSchema>;

export const skillMergeSchema = z.object({
  targetId: z.uuid({ error: "Choisissez la compétence avec laquelle fusionner." }),
});

/** Synonyms typed by the team, one per comma or line, without duplicates (case and accents ignored). */
export function splitSynonyms(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const synonym = raw.trim().replace(/\s+/g, " ");
    const key = synonym.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (!synonym || seen.has(key)) continue;
    seen.add(key);
    result.push(synonym);
  }
  return result;
}

export const skillIdParamsSchema = z.object({ id: z.uuid() });
/** A profile's address: what `slugify` writes (lower-case ASCII, digits, hyphens); anything else is no profile. */
export const profileSlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/) });
