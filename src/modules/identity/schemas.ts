import { z } from "zod";
import { optionalText, requiredText } from "../../http/forms.ts";
import { emailSchema } from "./domain/email-address.ts";

export const signInSchema = z.object({
  email: emailSchema,
  retour: z.string().max(500).optional(),
});

export const magicLinkSchema = z.object({
  jeton: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "Ce lien de connexion est incomplet. Copiez-le en entier depuis le courriel."),
});

/** A person's name: no markup, no line break (control characters are refused by every text field). */
function personName(label: string) {
  return requiredText(label, 100).refine((value) => !/[<>\p{Cc}]/u.test(value), "Ce champ ne peut contenir ni «\u00a0<\u00a0» ni «\u00a0>\u00a0» ni caractère de contrôle.");
}

export const accountSchema = z.object({
  givenName: personName("votre prénom"),
  usualName: personName("votre nom"),
  organisationId: optionalText(36).pipe(z.uuid({ error: "Choisissez une organisation de la liste." }).optional()),
});

export const sessionParamsSchema = z.object({ id: z.uuid() });
