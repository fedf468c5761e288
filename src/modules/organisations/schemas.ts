import { z } from "zod";
import { optionalText, requiredText } from "../../http/forms.ts";
import { checkSiren, checkSiret, compactDigits } from "./domain/identifiers.ts";
import { organisationKindValues } from "./domain/organisation-kinds.ts";
import { domainPattern } from "./domain/public-domains.ts";

const invalidDomain = "Indiquez un nom de domaine valide, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »).";

export const addEmailDomainSchema = z.object({
  domain: z
    .string({ error: "Indiquez un nom de domaine." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez un nom de domaine.")
    .max(253, "Un nom de domaine ne dépasse pas 253 caractères.")
    .transform((value) => value.replace(/^@/, ""))
    .pipe(z.string().regex(domainPattern, invalidDomain)),
  organisationId: optionalText(36).pipe(z.uuid({ error: "Choisissez une organisation de la liste." }).optional()),
});

/** An identifier typed with spaces or dots; empty becomes undefined. */
function optionalNumber(check: (digits: string) => { ok: true } | { ok: false; message: string }) {
  return optionalText(40)
    .transform((value) => (value ? compactDigits(value) : undefined))
    .superRefine((value, context) => {
      if (value === undefined) return;
      const result = check(value);
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    });
}

/** The domains field: one per line (commas and spaces accepted too), lower-cased, without a leading @. */
const domainListSchema = z
  .string({ error: "Ce champ doit être un texte." })
  .max(5000, "Ce champ ne peut pas dépasser 5000 caractères.")
  .optional()
  .transform((value) => [...new Set((value ?? "").split(/[\s,;]+/).map((domain) => domain.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
  .superRefine((domains, context) => {
    const wrong = domains.find((domain) => domain.length > 253 || !domainPattern.test(domain));
    if (wrong) context.addIssue({ code: "custom", message: `« ${wrong.slice(0, 80)} » n’est pas un nom de domaine valide : un domaine par ligne, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »).` });
    if (domains.length > 50) context.addIssue({ code: "custom", message: "Une organisation a au plus 50 domaines." });
  });

export const organisationFormSchema = z.object({
  name: requiredText("le nom de l’organisation", 300),
  acronym: optionalText(40),
  kind: z.enum(organisationKindValues, { error: "Choisissez le type : ministère, organisme ou service." }),
  parentId: optionalText(36).pipe(z.uuid({ error: "Choisissez une organisation de la liste." }).optional()),
  siren: optionalNumber(checkSiren),
  siret: optionalNumber(checkSiret),
  domains: domainListSchema,
});
export type OrganisationForm = z.infer<typeof organisationFormSchema>;

/** The organisation to keep, chosen on the merge page (`?cible=` then the confirmation form). */
export const mergeFormSchema = z.object({
  cible: z.uuid({ error: "Choisissez l’organisation à garder dans la liste." }),
});
