import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Mailer } from "../mail/api.ts";
import { calendarFeeds, eventRegistrations, eventReminders, events, eventSeries } from "../../db/schema/index.ts";
import type { PersonalDataContribution, PersonalDataRow } from "../privacy/api.ts";
import { type AttendanceMode, attendanceModeLabels, registrationStatusLabels } from "./domain/event-kinds.ts";
import { questionsOf } from "./domain/registration-form.ts";
import { findRegistrant } from "./registration-repository.ts";
import { lockEvent } from "./repository.ts";
import { promoteWaiting } from "./use-cases/seats.ts";
import { confirmationMail } from "./views/mails.ts";

const modeLabels: Record<string, string> = { ...attendanceModeLabels };
const statusLabels: Record<string, string> = { ...registrationStatusLabels };

/** Answers as people read them: « Avez-vous un régime alimentaire particulier ? Végétarien », one per line. */
function answersText(answers: unknown, questions: unknown): string {
  if (!answers || typeof answers !== "object") return "";
  const labels = new Map(questionsOf(questions).map((question) => [question.key, question.label]));
  return Object.entries(answers as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([key, answer]) => `${labels.get(key) ?? key} ${answer}`)
    .join("\n");
}

/** The columns of a registration shown to its holder (never its QR secret nor a confirmation link's hash). */
const registrationColumns = {
  id: eventRegistrations.id,
  event_id: eventRegistrations.eventId,
  event: events.title,
  starts_at: events.startsAt,
  ends_at: events.endsAt,
  mode: eventRegistrations.mode,
  status: eventRegistrations.status,
  answers: eventRegistrations.answers,
  questions: events.questions,
  attended_at: eventRegistrations.attendedAt,
  created_at: eventRegistrations.createdAt,
  confirmed_at: eventRegistrations.confirmedAt,
  cancelled_at: eventRegistrations.cancelledAt,
};

type RegistrationRow = { [K in keyof typeof registrationColumns]: unknown };

function presented(row: RegistrationRow): PersonalDataRow {
  const { questions, answers, ...rest } = row;
  return { ...rest, answers: answersText(answers, questions) };
}

function visitorRegistrationsOf(email: string) {
  return and(isNull(eventRegistrations.userId), sql`lower(${eventRegistrations.email}) = ${email.toLowerCase()}`);
}

async function registrationIdsOf(db: Executor, userId: string, email: string): Promise<string[]> {
  const rows = await db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(or(eq(eventRegistrations.userId, userId), visitorRegistrationsOf(email)));
  return rows.map((row) => row.id);
}

/**
 * Event registrations (the member's, and those made without an account with their address), the
 * attendance they recorded as the programme team, reminders sent, the personal calendar feed, and the
 * events and series they created. On erasure: the answers (health, diet) are cleared, registrations made
 * without an account with their address are anonymised (pending ones deleted), the calendar feed is
 * deleted; registrations and attendance stay on the anonymised account (the time ledger counts them), and
 * so do the events created (« Ancien membre »).
 */
/**
 * Seats to come held by a person whose account is erased are given back: the registration is cancelled
 * (they will not come) and the first person waiting in that mode gets the seat and its mail, under the
 * event's lock as every seat decision (ADR 0020). Nothing is mailed to the erased person.
 */
async function giveBackSeatsToCome(tx: Executor, deps: { mailer: Mailer; publicUrl: string }, person: { id: string; email: string }, now: Date) {
  const live = await tx
    .select({ id: eventRegistrations.id, eventId: eventRegistrations.eventId, mode: eventRegistrations.mode })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(or(eq(eventRegistrations.userId, person.id), visitorRegistrationsOf(person.email)), inArray(eventRegistrations.status, ["confirmed", "waitlisted"]), gt(events.endsAt, now)));
  // Events locked in one order, so that two erasures never wait for each other.
  for (const eventId of [...new Set(live.map((row) => row.eventId))].sort()) {
    const event = await lockEvent(tx, eventId);
    if (!event) continue;
    const mine = live.filter((row) => row.eventId === eventId);
    await tx.update(eventRegistrations).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(inArray(eventRegistrations.id, mine.map((row) => row.id)));
    for (const mode of new Set(mine.map((row) => row.mode as AttendanceMode))) {
      for (const seat of await promoteWaiting(tx, event, mode, now)) {
        const registrant = await findRegistrant(tx, seat);
        if (registrant) await deps.mailer.enqueue(tx, await confirmationMail({ event, registration: seat, person: registrant, publicUrl: deps.publicUrl, promoted: true }));
      }
    }
  }
}

/** The events module's part of the GDPR self-service; erasure mails the people a freed seat goes to. */
export const createEventsPersonalData = (deps: { mailer: Mailer; publicUrl: string }): PersonalDataContribution => ({
  module: "events",
  sections: {
    event_registrations: {
      title: "Inscriptions aux événements",
      purpose: "Vous réserver une place, vous envoyer l’invitation et les rappels, enregistrer votre présence (qui compte dans votre temps consacré au programme). Y figure aussi la présence que vous avez enregistrée pour d’autres personnes.",
      columns: { event: "Événement", starts_at: "Début", ends_at: "Fin", mode: "Participation", status: "Inscription", answers: "Vos réponses", attended_at: "Présence enregistrée le", created_at: "Inscrit·e le", cancelled_at: "Annulée le" },
      valueLabels: { mode: modeLabels, status: statusLabels },
      correction: { label: "Voir ou annuler mes inscriptions", href: "/compte/evenements" },
    },
    event_visitor_registrations: {
      title: "Inscriptions sans compte avec votre adresse",
      purpose: "Les inscriptions à des événements publics faites avec votre adresse électronique sans se connecter.",
      columns: { event: "Événement", starts_at: "Début", email: "Adresse", given_name: "Prénom", usual_name: "Nom", organisation_name: "Organisation", mode: "Participation", status: "Inscription", answers: "Réponses", created_at: "Demandée le" },
      valueLabels: { mode: modeLabels, status: statusLabels },
    },
    event_reminders: {
      title: "Rappels d’événements envoyés",
      purpose: "Ne vous envoyer chaque rappel (deux jours et deux heures avant) qu’une fois.",
      columns: { event: "Événement", kind: "Rappel", sent_at: "Envoyé le" },
      valueLabels: { kind: { two_days: "Deux jours avant", two_hours: "Deux heures avant" } },
    },
    calendar_feeds: {
      title: "Agenda personnel (abonnement)",
      purpose: "L’adresse secrète qui permet à votre logiciel d’agenda de lire vos inscriptions (l’adresse elle-même n’est pas reproduite ici).",
      columns: { created_at: "Adresse créée le" },
      correction: { label: "Voir ou renouveler l’adresse de mon agenda", href: "/compte/calendrier" },
    },
    events: {
      title: "Événements créés",
      purpose: "Les événements que vous avez créés pour l’équipe du programme.",
      columns: { title: "Événement", starts_at: "Début", created_at: "Créé le" },
    },
    event_series: {
      title: "Séries d’événements créées",
      purpose: "Les séries d’événements récurrents que vous avez créées pour l’équipe du programme.",
      columns: { title: "Série", created_at: "Créée le" },
    },
  },

  async export(db, person) {
    const own = await db
      .select(registrationColumns)
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.userId, person.id))
      .orderBy(asc(events.startsAt));
    // Attendance the person recorded for others: which registration and when, never who nor their answers.
    const marked = await db
      .select({ id: eventRegistrations.id, event_id: eventRegistrations.eventId, event: events.title, starts_at: events.startsAt, attended_at: eventRegistrations.attendedAt, attendance_marked_by: eventRegistrations.attendanceMarkedBy })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.attendanceMarkedBy, person.id))
      .orderBy(asc(events.startsAt));
    const ownIds = new Set(own.map((row) => row.id));
    const asVisitor = await db
      .select({ ...registrationColumns, email: eventRegistrations.email, given_name: eventRegistrations.givenName, usual_name: eventRegistrations.usualName, organisation_name: eventRegistrations.organisationName })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(visitorRegistrationsOf(person.email))
      .orderBy(asc(events.startsAt));
    const registrationIds = await registrationIdsOf(db, person.id, person.email);
    return {
      event_registrations: [...own.map(presented), ...marked.filter((row) => !ownIds.has(row.id))],
      event_visitor_registrations: asVisitor.map((row) => presented(row)),
      event_reminders:
        registrationIds.length === 0
          ? []
          : await db
              .select({ registration_id: eventReminders.registrationId, event: events.title, kind: eventReminders.kind, sent_at: eventReminders.sentAt })
              .from(eventReminders)
              .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventReminders.registrationId))
              .innerJoin(events, eq(events.id, eventRegistrations.eventId))
              .where(inArray(eventReminders.registrationId, registrationIds))
              .orderBy(asc(eventReminders.sentAt)),
      calendar_feeds: await db.select({ user_id: calendarFeeds.userId, created_at: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, person.id)),
      events: await db.select({ id: events.id, title: events.title, starts_at: events.startsAt, created_at: events.createdAt }).from(events).where(eq(events.createdBy, person.id)).orderBy(asc(events.startsAt)),
      event_series: await db.select({ id: eventSeries.id, title: eventSeries.title, created_at: eventSeries.createdAt }).from(eventSeries).where(eq(eventSeries.createdBy, person.id)).orderBy(asc(eventSeries.createdAt)),
    };
  },

  async erase(tx, person, { now }) {
    await giveBackSeatsToCome(tx, deps, person, now);
    await tx.update(eventRegistrations).set({ answers: {}, updatedAt: now }).where(eq(eventRegistrations.userId, person.id));
    // A request never confirmed holds nothing worth keeping; the others stay, without the person.
    await tx.delete(eventRegistrations).where(and(visitorRegistrationsOf(person.email), eq(eventRegistrations.status, "pending")));
    await tx
      .update(eventRegistrations)
      .set({ email: sql`'ancien-visiteur-' || ${eventRegistrations.id}::text || '@supprime.invalid'`, givenName: null, usualName: null, organisationName: null, answers: {}, confirmationTokenHash: null, updatedAt: now })
      .where(visitorRegistrationsOf(person.email));
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, person.id));
  },
});
