import { z } from "zod";
import { requiredText } from "../../http/forms.ts";
import { ContactTopics } from "./domain/topics.ts";

/** The honeypot: a field people never see (hidden by the page's style); a bot that fills every field fills it. */
export const honeypotField = "site_web";

const topic = z.enum(Object.values(ContactTopics), { error: "Choisissez le sujet de votre message dans la liste." });

const email = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .min(1, "Indiquez votre adresse électronique.")
  .max(254, "L’adresse électronique ne peut pas dépasser 254 caractères.")
  .pipe(z.email({ error: "Indiquez une adresse électronique valide, au format prenom.nom@exemple.fr." }))
  .transform((value) => value.toLowerCase());

/** A signed-in member's message: the answer goes to the address of their account. */
export const memberMessageSchema = z.object({
  name: requiredText("votre nom", 120),
  topic,
  body: requiredText("votre message", 5000),
});

/** A visitor's message: the same, with the address to answer. */
export const visitorMessageSchema = memberMessageSchema.extend({ email });

export type MemberMessageInput = z.infer<typeof memberMessageSchema>;

/** The programme team's answer, mailed to the sender and kept in the thread. */
export const replySchema = z.object({ body: requiredText("votre réponse", 10_000) });
