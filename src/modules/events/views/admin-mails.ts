import type { MailMessage } from "../../mail/api.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import type { Registrant } from "../registration-repository.ts";
import type { EventRecord } from "../repository.ts";
import { invitationOf } from "./mails.ts";
import { modeInSentence } from "./team-format.ts";
import { formatEventPeriod } from "../../../shared/french-date.ts";

/**
 * The mails of the team's event management: an event (or a series' occurrence) cancelled, and an event
 * whose time or place changed. Plain text; the calendar part updates (REQUEST, higher SEQUENCE) or removes
 * (CANCEL) the invitation the person received. Seats freed by a raised capacity use the registration
 * mails' « Une place s’est libérée » (views/mails.ts).
 */

const signature = "L’équipe du Programme 10\u00a0%";

function greeting(person: Registrant): string {
  return person.givenName ? `Bonjour ${person.givenName},` : "Bonjour,";
}

function pageLine(event: EventRecord, publicUrl: string): string {
  return `Page de l’événement\u00a0: ${publicUrl}/evenements/${event.slug}`;
}

/** The event is cancelled: the reason, and the CANCEL calendar object for those who held an invitation (confirmed seat). */
export function eventCancelledMail(input: { event: EventRecord; person: Registrant; reason: string; hadInvitation: boolean; publicUrl: string }): MailMessage {
  const { event, person, publicUrl } = input;
  return {
    to: person.email,
    subject: `Événement annulé\u00a0: ${event.title}`,
    text: [
      greeting(person),
      "",
      `L’équipe du programme a annulé «\u00a0${event.title}\u00a0», prévu ${formatEventPeriod(event.startsAt, event.endsAt).replace(/^(?!du )/, "le ")}.`,
      "",
      `Motif\u00a0: ${input.reason}`,
      "",
      input.hadInvitation ? "Votre inscription n’a plus d’objet\u00a0; l’événement est retiré de votre agenda si votre messagerie l’y avait ajouté." : "Votre inscription sur la liste d’attente n’a plus d’objet.",
      "",
      pageLine(event, publicUrl),
      "",
      signature,
    ].join("\n"),
    ...(input.hadInvitation ? { calendar: invitationOf(event, person, publicUrl, "CANCEL") } : {}),
  };
}

/** The event's time, place or visio link changed: the new details, and the updated invitation for a confirmed seat. */
export function eventChangedMail(input: { event: EventRecord; person: Registrant; mode: AttendanceMode; confirmed: boolean; publicUrl: string }): MailMessage {
  const { event, person, mode, publicUrl } = input;
  const lines = [`Quand\u00a0: ${formatEventPeriod(event.startsAt, event.endsAt)}`];
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
  if (mode === "in_person" && place) lines.push(`Où\u00a0: ${place}`);
  if (mode === "in_person" && event.placeAccess) lines.push(`Accès\u00a0: ${event.placeAccess}`);
  if (mode === "remote" && input.confirmed && event.visioUrl) lines.push(`Lien de la visio\u00a0: ${event.visioUrl}`);
  return {
    to: person.email,
    subject: `Changement d’horaire ou de lieu\u00a0: ${event.title}`,
    text: [
      greeting(person),
      "",
      `L’équipe du programme a modifié «\u00a0${event.title}\u00a0», auquel vous êtes inscrit·e ${modeInSentence[mode]}${input.confirmed ? "" : " (liste d’attente)"}. Voici les informations à jour\u00a0:`,
      "",
      ...lines,
      "",
      input.confirmed ? "L’invitation jointe met à jour votre agenda." : "Vous restez sur la liste d’attente\u00a0: nous vous écrirons dès qu’une place se libère.",
      "",
      pageLine(event, publicUrl),
      "",
      signature,
    ].join("\n"),
    ...(input.confirmed ? { calendar: invitationOf(event, person, publicUrl, "REQUEST", mode) } : {}),
  };
}
