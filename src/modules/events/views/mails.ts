import { escapeHtml } from "../../../shared/html-text.ts";
import { formatDateHour, formatEventPeriod } from "../../../shared/french-date.ts";
import type { MailAttachment, MailMessage } from "../../mail/api.ts";
import { calendarEventOf } from "../calendar/calendar-store.ts";
import { buildCalendar } from "../calendar/event-ics.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import { checkInQrPng, checkInUrl } from "../qr/check-in-qr.ts";
import type { Registrant } from "../registration-repository.ts";
import type { EventRecord, RegistrationRecord } from "../repository.ts";
import { modeInSentence } from "./team-format.ts";

/**
 * The mails of registration: confirmation (with the iCalendar invitation and, in person, the QR code as an
 * inline image), waitlist, seat freed, cancellation (CANCEL calendar object), a visitor's confirmation link.
 * Each has a plain-text part and an HTML part saying the same.
 */

/** The organiser calendar clients show on invitations. */
export const invitationOrganizer = { name: "Programme 10 %", email: "programme-10-pourcent@beta.gouv.fr" };

const signature = "L’équipe du Programme 10\u00a0%";
const qrCid = "code-qr-accueil@programme-10-pourcent";

/** A mail's content as blocks: each becomes a paragraph of the text part and of the HTML part. */
type Block = { text: string; html?: string } | string;

function render(blocks: Block[]): { text: string; html: string } {
  const items = blocks.map((block) => (typeof block === "string" ? { text: block, html: escapeHtml(block).replace(/\n/g, "<br>") } : { text: block.text, html: block.html ?? escapeHtml(block.text).replace(/\n/g, "<br>") }));
  return {
    text: items.map((item) => item.text).join("\n\n"),
    html: `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Programme 10\u00a0%</title></head><body style="font-family: Marianne, Arial, sans-serif; line-height: 1.5; color: #161616;">${items.map((item) => `<p>${item.html}</p>`).join("")}</body></html>`,
  };
}

function link(url: string, label = url): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

function greeting(person: Registrant): string {
  return person.givenName ? `Bonjour ${person.givenName},` : "Bonjour,";
}

function displayNameOf(person: Registrant): string {
  return [person.givenName, person.usualName].filter(Boolean).join(" ") || person.email;
}

function eventUrl(publicUrl: string, event: EventRecord): string {
  return `${publicUrl}/evenements/${event.slug}`;
}

/** When, where, how to join: the practical lines of a registration mail. */
function practicalLines(event: EventRecord, mode: AttendanceMode, withVisio: boolean): string {
  const lines = [`Quand\u00a0: ${formatEventPeriod(event.startsAt, event.endsAt)}`];
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
  if (mode === "in_person" && place) lines.push(`Où\u00a0: ${place}`);
  if (mode === "in_person" && event.placeAccess) lines.push(`Accès\u00a0: ${event.placeAccess}`);
  if (withVisio && event.visioUrl) lines.push(`Lien de la visio\u00a0: ${event.visioUrl}`);
  return lines.join("\n");
}

function followUp(person: Registrant, isVisitor: boolean, publicUrl: string, event: EventRecord): Block[] {
  const page = eventUrl(publicUrl, event);
  if (isVisitor) {
    return [
      { text: `Page de l’événement\u00a0: ${page}`, html: `Page de l’événement\u00a0: ${link(page)}` },
      "Vous ne pouvez plus venir\u00a0? Répondez à ce courriel pour que l’équipe annule votre inscription et laisse la place à une autre personne.",
    ];
  }
  const mine = `${publicUrl}/compte/evenements`;
  return [
    { text: `Page de l’événement\u00a0: ${page}`, html: `Page de l’événement\u00a0: ${link(page)}` },
    { text: `Vous ne pouvez plus venir\u00a0? Annulez votre inscription dans «\u00a0Mes inscriptions\u00a0» pour laisser la place à une autre personne\u00a0: ${mine}`, html: `Vous ne pouvez plus venir\u00a0? Annulez votre inscription dans ${link(mine, "«\u00a0Mes inscriptions\u00a0»")} pour laisser la place à une autre personne.` },
  ];
}

export type RegistrationMailInput = {
  event: EventRecord;
  registration: Pick<RegistrationRecord, "mode" | "checkInToken" | "userId">;
  person: Registrant;
  publicUrl: string;
};

/** The iCalendar invitation (REQUEST) of a confirmed registration: place and visio link inside, the person as attendee. */
export function invitationOf(event: EventRecord, person: Registrant, publicUrl: string, method: "REQUEST" | "CANCEL" = "REQUEST", mode?: AttendanceMode): NonNullable<MailMessage["calendar"]> {
  // With the person's mode, a remote seat's entry is placed « En ligne » (with the link) rather than in the building.
  const registration = mode ? { status: "confirmed" as const, mode } : undefined;
  const content = buildCalendar([calendarEventOf(event, { withVisio: true, registration })], {
    name: event.title,
    method,
    publicUrl,
    organizer: invitationOrganizer,
    attendee: { name: displayNameOf(person), email: person.email },
  });
  return { method, content };
}

/**
 * A confirmed registration: the invitation, and for an in-person seat the QR code to show at the entrance
 * (inline PNG and its address). `promoted`: the seat came from the waitlist (« Une place s’est libérée »);
 * `movedByTeam`: the team moved the person to this mode (the mail says they did).
 */
export async function confirmationMail(input: RegistrationMailInput & { promoted?: boolean; movedByTeam?: boolean }): Promise<MailMessage> {
  const { event, registration, person, publicUrl } = input;
  const mode = registration.mode as AttendanceMode;
  const isVisitor = registration.userId === null;
  const headline = input.movedByTeam
    ? `L’équipe du programme a changé votre mode de participation à «\u00a0${event.title}\u00a0»\u00a0: vous y participerez désormais ${modeInSentence[mode]}, et votre place est confirmée.`
    : input.promoted
      ? `Une place s’est libérée\u00a0: votre inscription à «\u00a0${event.title}\u00a0» est confirmée (${modeInSentence[mode]}).`
      : `Votre inscription à «\u00a0${event.title}\u00a0» est confirmée (${modeInSentence[mode]}).`;
  const blocks: Block[] = [greeting(person), headline, practicalLines(event, mode, true)];
  const attachments: MailAttachment[] = [];
  if (mode === "in_person") {
    const url = checkInUrl(publicUrl, registration.checkInToken);
    const png = await checkInQrPng(url);
    attachments.push({ filename: "code-qr-accueil.png", contentType: "image/png", content: png.toString("base64"), cid: qrCid });
    blocks.push({
      text: `Votre code QR d’accueil, à présenter à l’entrée (sur votre téléphone ou imprimé)\u00a0: il est joint à ce courriel et correspond à cette adresse\u00a0: ${url}`,
      html: `Votre code QR d’accueil, à présenter à l’entrée (sur votre téléphone ou imprimé)\u00a0:<br><img src="cid:${qrCid}" width="222" height="222" alt="Code QR d’accueil pour «\u00a0${escapeHtml(event.title)}\u00a0» (adresse ci-dessous)"><br>Son adresse, si l’image ne s’affiche pas\u00a0: ${link(url)}`,
    });
  }
  blocks.push("L’invitation jointe ajoute l’événement à votre agenda.", ...followUp(person, isVisitor, publicUrl, event), signature);
  return {
    to: person.email,
    subject: input.movedByTeam
      ? `Votre inscription a changé\u00a0: ${event.title}`
      : input.promoted
        ? `Une place s’est libérée\u00a0: votre inscription est confirmée — ${event.title}`
        : `Inscription confirmée\u00a0: ${event.title}`,
    ...render(blocks),
    calendar: invitationOf(event, person, publicUrl, "REQUEST", mode),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/** « en première position », « en 2e position »: a rank on the waitlist in a text mail (pages write « 2<sup>e</sup> »). */
export function waitlistPositionText(rank: number): string {
  return rank <= 1 ? "en première position" : `en ${rank}e position`;
}

/** Registered while the mode is full: on the waitlist at `rank`, no invitation until a seat is given. */
export function waitlistMail(input: RegistrationMailInput & { rank: number }): MailMessage {
  const { event, registration, person, publicUrl } = input;
  const mode = registration.mode as AttendanceMode;
  const blocks: Block[] = [
    greeting(person),
    `«\u00a0${event.title}\u00a0» est complet ${modeInSentence[mode]}\u00a0: vous êtes ${waitlistPositionText(input.rank)} sur la liste d’attente.`,
    "Dès qu’une place se libère, elle est donnée à la première personne de la liste\u00a0: vous recevrez alors un courriel de confirmation avec l’invitation à ajouter à votre agenda.",
    practicalLines(event, mode, false),
    ...followUp(person, registration.userId === null, publicUrl, event),
    signature,
  ];
  return { to: person.email, subject: `Liste d’attente\u00a0: ${event.title}`, ...render(blocks) };
}

/** The person cancelled: confirmation, and the CANCEL calendar object that removes the invitation they received. */
export function cancellationMail(input: { event: EventRecord; person: Registrant; publicUrl: string; hadInvitation: boolean }): MailMessage {
  const { event, person, publicUrl } = input;
  const blocks: Block[] = [
    greeting(person),
    `Votre inscription à «\u00a0${event.title}\u00a0» (${formatEventPeriod(event.startsAt, event.endsAt)}) est annulée.`,
    input.hadInvitation ? "L’événement est retiré de votre agenda si votre messagerie l’y avait ajouté." : "Vous n’êtes plus sur la liste d’attente.",
    { text: `Vous changez d’avis\u00a0? Vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes\u00a0: ${eventUrl(publicUrl, event)}`, html: `Vous changez d’avis\u00a0? Vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes\u00a0: ${link(eventUrl(publicUrl, event))}` },
    signature,
  ];
  return {
    to: person.email,
    subject: `Inscription annulée\u00a0: ${event.title}`,
    ...render(blocks),
    ...(input.hadInvitation ? { calendar: invitationOf(event, person, publicUrl, "CANCEL") } : {}),
  };
}

/** A visitor's confirmation link: nothing is decided until they confirm (the seat is taken at that moment). */
export function visitorLinkMail(input: { event: EventRecord; person: Registrant; link: string; expiresAt: Date }): MailMessage {
  const { event, person } = input;
  const blocks: Block[] = [
    greeting(person),
    `Vous avez demandé à vous inscrire à «\u00a0${event.title}\u00a0» (${formatEventPeriod(event.startsAt, event.endsAt)}).`,
    { text: `Pour confirmer votre adresse et votre inscription, ouvrez ce lien puis cliquez sur «\u00a0Confirmer mon inscription\u00a0»\u00a0: ${input.link}`, html: `Pour confirmer votre adresse et votre inscription, ouvrez ce lien puis cliquez sur «\u00a0Confirmer mon inscription\u00a0»\u00a0: ${link(input.link)}` },
    `Ce lien est valable jusqu’au ${formatDateHour(input.expiresAt)}. Les places sont attribuées au moment de la confirmation, dans l’ordre d’arrivée.`,
    "Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel\u00a0: aucune inscription ne sera enregistrée.",
    signature,
  ];
  return { to: person.email, subject: `Confirmez votre inscription\u00a0: ${event.title}`, ...render(blocks) };
}

/** Someone asked again for an address already registered: they are told their registration stands (the form never says it). */
export function alreadyRegisteredMail(input: { event: EventRecord; person: Registrant; status: "confirmed" | "waitlisted"; publicUrl: string }): MailMessage {
  const { event, person, publicUrl } = input;
  const state = input.status === "confirmed" ? "Votre inscription est confirmée." : "Vous êtes sur la liste d’attente.";
  const blocks: Block[] = [
    greeting(person),
    `Une nouvelle demande d’inscription à «\u00a0${event.title}\u00a0» a été faite avec votre adresse, qui est déjà inscrite\u00a0: rien n’a changé. ${state}`,
    { text: `Page de l’événement\u00a0: ${eventUrl(publicUrl, event)}`, html: `Page de l’événement\u00a0: ${link(eventUrl(publicUrl, event))}` },
    signature,
  ];
  return { to: person.email, subject: `Déjà inscrit·e\u00a0: ${event.title}`, ...render(blocks) };
}
