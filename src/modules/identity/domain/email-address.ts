import { z } from "zod";

export const maxEmailLength = 254;

/** E-mail addresses are compared lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function domainOf(email: string): string {
  return normaliseEmail(email).split("@").pop() ?? "";
}

export const emailSchema = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .min(1, "Indiquez votre adresse électronique.")
  .max(maxEmailLength, `L’adresse électronique ne peut pas dépasser ${maxEmailLength} caractères.`)
  .pipe(z.email({ error: "Indiquez une adresse électronique valide, au format prenom.nom@ministere.gouv.fr." }))
  .transform(normaliseEmail);
