import { z } from "zod";
import { optionalText } from "../../http/forms.ts";
import { domainPattern } from "./domain/public-domains.ts";

export const addEmailDomainSchema = z.object({
  domain: z
    .string({ error: "Indiquez un nom de domaine." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez un nom de domaine.")
    .max(253, "Un nom de domaine ne dépasse pas 253 caractères.")
    .transform((value) => value.replace(/^@/, ""))
    .pipe(z.string().regex(domainPattern, "Indiquez un nom de domaine valide, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »).")),
  organisationId: optionalText(36).pipe(z.uuid({ error: "Choisissez une organisation de la liste." }).optional()),
});
