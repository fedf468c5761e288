import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { calendarFeeds, eventRegistrations, eventReminders, events, eventSeries } from "../../db/schema/index.ts";
import type { PersonalDataContribution, PersonalDataRow } from "../privacy/api.ts";
import { attendanceModeLabels, registrationStatusLabels } from "./domain/event-kinds.ts";
import { questionsOf } from "./domain/registration-form.ts";

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
export const eventsPersonalData: PersonalDataContribution = {
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
    await tx.update(eventRegistrations).set({ answers: {}, updatedAt: now }).where(eq(eventRegistrations.userId, person.id));
    // A request never confirmed holds nothing worth keeping; the others stay, without the person.
    await tx.delete(eventRegistrations).where(and(visitorRegistrationsOf(person.email), eq(eventRegistrations.status, "pending")));
    await tx
      .update(eventRegistrations)
      .set({ email: sql`'ancien-visiteur-' || ${eventRegistrations.id}::text || '@supprime.invalid'`, givenName: null, usualName: null, organisationName: null, answers: {}, confirmationTokenHash: null, updatedAt: now })
      .where(visitorRegistrationsOf(person.email));
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, person.id));
  },
};
