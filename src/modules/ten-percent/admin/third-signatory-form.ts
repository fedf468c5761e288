import { z } from "zod";
import { requiredText } from "../../../http/forms.ts";
import { thirdSignatoryKinds } from "../domain/agreement-states.ts";

/** Refused when the address is not a public body's (the rule of sign-in, as for the manager's address). */
export const publicBodySignatoryError = "Indiquez une adresse professionnelle d’un organisme public.";

/** The form setting a third signatory; `ministries`: the ids of the organisations of kind ministry. */
export function thirdSignatorySchema(ministries: ReadonlySet<string>) {
  return z.object({
    ministryId: z.string({ error: "Choisissez le ministère." }).refine((value) => ministries.has(value), "Choisissez le ministère dans la liste."),
    kind: z.enum(thirdSignatoryKinds, { error: "Choisissez le rôle du ou de la signataire." }),
    name: requiredText("le nom du ou de la signataire", 200),
    email: z
      .string({ error: "Indiquez l’adresse électronique du ou de la signataire." })
      .trim()
      .min(1, "Indiquez l’adresse électronique du ou de la signataire.")
      .max(254, "L’adresse électronique ne peut pas dépasser 254\u00a0caractères.")
      .pipe(z.email({ error: "Indiquez une adresse électronique valide, au format prenom.nom@ministere.gouv.fr." }))
      .transform((value) => value.toLowerCase()),
  });
}
