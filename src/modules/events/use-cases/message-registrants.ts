import type { Executor } from "../../../db/client.ts";
import { DomainError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { MailMessage } from "../../mail/api.ts";
import { type AttendanceMode, isAttendanceMode } from "../domain/event-kinds.ts";
import { modesOffered } from "../domain/registration-rules.ts";
import { type EventRecord, findEventById } from "../repository.ts";
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

export type CheckedMessage = { subject: string; body: string; audience: MessageAudience; mode: AttendanceMode | "all" };

/** The form's rules: subject, body, audience and mode, each message at its field (InvalidInputError). */
export function checkMessage(input: Omit<MessageInput, "eventId">): CheckedMessage {
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
  return { subject, body, audience: audience!, mode: mode as AttendanceMode | "all" };
}

/** The people a checked message reaches now; errors at the field when the mode is not offered or nobody matches. */
async function recipientsNow(db: Executor, event: EventRecord, message: CheckedMessage): Promise<TeamRegistration[]> {
  if (message.mode !== "all" && !modesOffered(event).includes(message.mode)) throw new InvalidInputError({ mode: "Cet événement n’a pas d’inscriptions dans ce mode." });
  const recipients = recipientsOf(await listRegistrationsOfEvent(db, event.id), message.audience, message.mode);
  if (recipients.length === 0) throw new InvalidInputError({ audience: "Aucune personne inscrite ne correspond à ces destinataires." }, "no_recipient");
  return recipients;
}

function mailOf(event: EventRecord, registration: TeamRegistration, message: CheckedMessage, publicUrl: string): MailMessage {
  return teamMessageMail(event, { email: registration.email!, givenName: registration.givenName, isVisitor: registration.isVisitor }, message.subject, message.body, publicUrl);
}

/** The list of recipients changed between the preview and « Envoyer à N personnes »: nothing sent, the preview is shown again. */
export class RecipientsChangedError extends DomainError {
  constructor(readonly count: number) {
    super("recipients_changed", "Les destinataires ont changé depuis l’aperçu\u00a0: vérifiez leur nombre avant d’envoyer.");
  }
}

export type MessagePreview = { message: CheckedMessage; recipients: TeamRegistration[]; mail: MailMessage };

/**
 * The confirmation step before sending: the message checked, who it reaches now and the mail as the first
 * of them will receive it (the subject prefixed with the event's title, the footer). Sends nothing.
 */
export async function previewMessage(deps: Pick<ManageDeps, "db" | "publicUrl">, input: MessageInput): Promise<MessagePreview> {
  const message = checkMessage(input);
  const event = await findEventById(deps.db, input.eventId);
  if (!event) throw new NotFoundError("Cet événement n’existe pas.");
  const recipients = await recipientsNow(deps.db, event, message);
  return { message, recipients, mail: mailOf(event, recipients[0]!, message, deps.publicUrl) };
}

/**
 * Mails the team's message to the event's registrants (one mail per person), all enqueued in one
 * transaction: every mail or none. Errors at the field: subject, body, audience, mode, or no one to write to.
 * `expectedRecipients`: the count the team confirmed on the preview; another count now sends nothing
 * (RecipientsChangedError).
 */
export async function messageRegistrants(deps: ManageDeps, input: MessageInput & { expectedRecipients?: number | undefined }): Promise<{ sent: number }> {
  const message = checkMessage(input);
  return deps.db.transaction(async (tx) => {
    const event = await findEventById(tx, input.eventId);
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    const recipients = await recipientsNow(tx, event, message);
    if (input.expectedRecipients !== undefined && input.expectedRecipients !== recipients.length) throw new RecipientsChangedError(recipients.length);
    for (const registration of recipients) await deps.mailer.enqueue(tx, mailOf(event, registration, message, deps.publicUrl));
    return { sent: recipients.length };
  });
}
