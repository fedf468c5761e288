import type { MailMessage } from "../../mail/api.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import { modeInSentence } from "./team-format.ts";
import { formatEventPeriod } from "../../../shared/french-date.ts";

/**
 * The mails of the programme team's actions that registration's mails (views/mails.ts) do not cover:
 * moved to the other mode (with a seat there, or without), cancelled by the team (with its message), the
 * team's message to the registrants. A seat given off the waitlist is mailed with registration's confirmation.
 */

/** Who receives the mail: their address and how to greet them; `isVisitor` has no « Mes inscriptions » page. */
export type MailPerson = { email: string; givenName: string; isVisitor: boolean };

const signature = "L’équipe du Programme 10\u00a0%";

function greeting(person: MailPerson): string {
  return person.givenName ? `Bonjour ${person.givenName},` : "Bonjour,";
}

function eventLines(event: EventRecord, publicUrl: string, mode: AttendanceMode): string[] {
  const lines = [`Quand\u00a0: ${formatEventPeriod(event.startsAt, event.endsAt)}`];
  if (mode === "in_person") {
    const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
    if (place) lines.push(`Où\u00a0: ${place}`);
    if (event.placeAccess) lines.push(`Accès\u00a0: ${event.placeAccess}`);
  } else if (event.visioUrl) {
    lines.push(`Lien de la visio\u00a0: ${event.visioUrl}`);
  }
  lines.push(`Page de l’événement\u00a0: ${publicUrl}/evenements/${event.slug}`);
  return lines;
}

function registrationsLink(person: MailPerson, publicUrl: string): string[] {
  return person.isVisitor ? [] : ["", `Vos inscriptions\u00a0: ${publicUrl}/compte/evenements`];
}

/** Moved to the other mode without a seat there: on that mode's waitlist (or still awaiting the visitor's address confirmation). */
export function movedWithoutSeatMail(event: EventRecord, person: MailPerson, mode: AttendanceMode, status: "waitlisted" | "pending", waitingBefore: number, publicUrl: string): MailMessage {
  const state =
    status === "pending"
      ? "Confirmez toujours votre adresse électronique avec le lien reçu à l’inscription pour que votre inscription soit prise en compte."
      : `Il n’y a plus de place ${modeInSentence[mode]}\u00a0: vous êtes sur la liste d’attente${waitingBefore > 0 ? ` (${waitingBefore}\u00a0${waitingBefore > 1 ? "personnes attendent" : "personne attend"} avant vous)` : ""}. Nous vous écrirons dès qu’une place se libère.`;
  return {
    to: person.email,
    subject: `Votre inscription a changé\u00a0: ${event.title}`,
    text: [greeting(person), "", `L’équipe du programme a changé votre mode de participation à «\u00a0${event.title}\u00a0»\u00a0: ${modeInSentence[mode]}.`, state, "", ...eventLines(event, publicUrl, mode), ...registrationsLink(person, publicUrl), "", signature].join("\n"),
  };
}

/** Cancelled by the programme team, with their message when they wrote one. */
export function cancelledByTeamMail(event: EventRecord, person: MailPerson, message: string | undefined, publicUrl: string): MailMessage {
  return {
    to: person.email,
    subject: `Inscription annulée\u00a0: ${event.title}`,
    text: [
      greeting(person),
      "",
      `L’équipe du programme a annulé votre inscription à «\u00a0${event.title}\u00a0» (${formatEventPeriod(event.startsAt, event.endsAt)}).`,
      ...(message ? ["", message] : []),
      "",
      `Page de l’événement\u00a0: ${publicUrl}/evenements/${event.slug}`,
      "",
      "Pour toute question, répondez à l’équipe du programme.",
      "",
      signature,
    ].join("\n"),
  };
}

/** The subject of the team's message: what the team typed, then the event (« Changement de salle — Atelier du 8 décembre »). */
export function teamMessageSubject(event: Pick<EventRecord, "title">, subject: string): string {
  return subject.toLocaleLowerCase("fr").includes(event.title.toLocaleLowerCase("fr")) ? subject : `${subject} — ${event.title}`;
}

/** The team's message to the registrants, with a footer saying why they receive it. */
export function teamMessageMail(event: EventRecord, person: MailPerson, subject: string, body: string, publicUrl: string): MailMessage {
  return {
    to: person.email,
    subject: teamMessageSubject(event, subject),
    text: [body, "", "—", `Vous recevez ce message parce que vous êtes inscrit·e à «\u00a0${event.title}\u00a0» (${formatEventPeriod(event.startsAt, event.endsAt)}).`, `${publicUrl}/evenements/${event.slug}`, "", signature].join("\n"),
  };
}
