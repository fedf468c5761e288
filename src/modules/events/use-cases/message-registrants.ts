import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { type AttendanceMode, isAttendanceMode } from "../domain/event-kinds.ts";
import { modesOffered } from "../domain/registration-rules.ts";
import { findEventById } from "../repository.ts";
import { listRegistrationsOfEvent, type TeamRegistration } from "../team-repository.ts";
import { teamMessageMail } from "../views/team-mails.ts";
import type { ManageDeps } from "./manage-registrations.ts";

/** Who receives the team's message: confirmed people, the waitlist, or both (never cancelled ones nor unconfirmed visitors). */
export const messageAudiences = ["confirmed", "waitlisted", "all"] as const;
export type MessageAudience = (typeof messageAudiences)[number];

export type MessageInput = { eventId: string; subject: string; body: string; audience: string; mode: string };

export const messageLimits = { subject: 150, body: 10_000 } as const;

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The registrations a message reaches: one per address, the audience and mode chosen. */
export function recipientsOf(registrations: TeamRegistration[], audience: MessageAudience, mode: AttendanceMode | "all"): TeamRegistration[] {
  const seen = new Set<string>();
  return registrations.filter((registration) => {
    if (registration.status !== "confirmed" && registration.status !== "waitlisted") return false;
    if (audience !== "all" && registration.status !== audience) return false;
    if (mode !== "all" && registration.mode !== mode) return false;
    if (!registration.email) return false;
    const key = registration.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Mails the team's message to the event's registrants (one mail per person), all enqueued in one
 * transaction: every mail or none. Errors at the field: subject, body, audience, mode, or no one to write to.
 */
export async function messageRegistrants(deps: ManageDeps, input: MessageInput): Promise<{ sent: number }> {
  const errors: Record<string, string> = {};
  const subject = input.subject.trim();
  const body = input.body.trim();
  if (!subject) errors.subject = "Indiquez l’objet du message.";
  else if (subject.length > messageLimits.subject) errors.subject = `L’objet ne peut pas dépasser ${messageLimits.subject} caractères.`;
  else if (controlCharacters.test(subject) || /[\r\n]/.test(subject)) errors.subject = "L’objet tient sur une ligne, sans caractères spéciaux.";
  if (!body) errors.body = "Écrivez le message.";
  else if (body.length > messageLimits.body) errors.body = `Le message ne peut pas dépasser ${messageLimits.body.toLocaleString("fr-FR")} caractères.`;
  else if (controlCharacters.test(body)) errors.body = "Le message contient des caractères non autorisés.";
  const audience = (messageAudiences as readonly string[]).includes(input.audience) ? (input.audience as MessageAudience) : null;
  if (!audience) errors.audience = "Choisissez les destinataires.";
  const mode = input.mode === "all" || isAttendanceMode(input.mode) ? input.mode : null;
  if (!mode) errors.mode = "Choisissez le mode de participation.";
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);

  return deps.db.transaction(async (tx) => {
    const event = await findEventById(tx, input.eventId);
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    if (mode !== "all" && !modesOffered(event).includes(mode!)) throw new InvalidInputError({ mode: "Cet événement n’a pas d’inscriptions dans ce mode." });
    const recipients = recipientsOf(await listRegistrationsOfEvent(tx, event.id), audience!, mode!);
    if (recipients.length === 0) throw new InvalidInputError({ audience: "Aucune personne inscrite ne correspond à ces destinataires." }, "no_recipient");
    for (const registration of recipients) {
      await deps.mailer.enqueue(tx, teamMessageMail(event, { email: registration.email!, givenName: registration.givenName, isVisitor: registration.isVisitor }, subject, body, deps.publicUrl));
    }
    return { sent: recipients.length };
  });
}
