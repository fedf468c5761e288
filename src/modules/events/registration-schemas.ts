import { z } from "zod";
import { requiredText } from "../../http/forms.ts";

/** A person's name or organisation as typed: no markup (it goes into mails and the reception's access list). */
function plainText(label: string, max: number) {
  return requiredText(label, max).refine((value) => !/[<>\p{Cc}]/u.test(value), "Ce champ ne peut contenir ni «\u00a0<\u00a0» ni «\u00a0>\u00a0» ni caractère de contrôle.");
}

/** Who a visitor of a public event is: what the confirmation mail and the building's access list need. */
export const visitorSchema = z.object({
  email: z
    .string({ error: "Indiquez votre adresse électronique." })
    .trim()
    .min(1, "Indiquez votre adresse électronique.")
    .max(254, "L’adresse électronique ne peut pas dépasser 254 caractères.")
    .pipe(z.email({ error: "Indiquez une adresse électronique valide, au format prenom.nom@exemple.fr." }))
    .transform((email) => email.toLowerCase()),
  givenName: plainText("votre prénom", 100),
  usualName: plainText("votre nom", 100),
  organisationName: plainText("votre organisation", 200),
});
export type VisitorIdentity = z.infer<typeof visitorSchema>;

/** A visitor's confirmation link: 32 random bytes in base64url. */
export const confirmationTokenPattern = /^[\w-]{43}$/;
