import { registerPeriodicCheck } from "../../http/periodic-check.ts";
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Executor } from "../../db/client.ts";
import { eventRegistrations, eventReminders, events, users } from "../../db/schema/index.ts";
import { formatEventPeriod, formatHour, formatLongDate } from "../../shared/french-date.ts";
import type { MailMessage } from "../mail/api.ts";
import type { EventsDeps } from "./deps.ts";
import { type AttendanceMode, type EventKind, eventKindLabels } from "./domain/event-kinds.ts";
import { type ReminderKind, reminderOffsets } from "./domain/registration-rules.ts";
import { modeInSentence } from "./views/team-format.ts";

/**
 * How late a reminder may still go out after its moment (start − offset), e.g. after the server was down:
 * « dans deux jours » makes no sense the day before, so a registration made (or a sweep run) less than
 * 24 h before the start gets no two-day reminder; the two-hour one goes out until the event starts.
 */
export const reminderWindows: Record<ReminderKind, number> = { two_days: 24 * 3600_000, two_hours: 2 * 3600_000 };

const reminderKinds = Object.keys(reminderOffsets) as ReminderKind[];
const sweepEveryMs = 60_000;

export type SentReminder = { registrationId: string; kind: ReminderKind };
export type ReminderDeps = Pick<EventsDeps, "db" | "mailer" | "publicUrl">;

/**
 * Marks as sent, in one transaction, every reminder of `kind` due at `now`, and enqueues their mails in the
 * same transaction: the primary key (registration, kind) lets only one sweep insert a given reminder
 * (`on conflict do nothing … returning`), so each goes out once whatever the number of sweeps running.
 */
async function sendDueOfKind(tx: Executor, deps: ReminderDeps, kind: ReminderKind, now: Date): Promise<SentReminder[]> {
  const offset = reminderOffsets[kind];
  const dueFrom = new Date(now.getTime() + offset - reminderWindows[kind]);
  const dueUntil = new Date(now.getTime() + offset);
  // Not started, its moment come (start ≤ now + offset), and not passed by more than the window.
  const latest = dueFrom > now ? dueFrom : now;
  const due = tx
    .select({ registrationId: eventRegistrations.id, kind: sql<string>`${kind}`.as("kind"), sentAt: sql<Date>`${now.toISOString()}::timestamptz`.as("sent_at") })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .leftJoin(users, eq(users.id, eventRegistrations.userId))
    .where(
      and(
        eq(eventRegistrations.status, "confirmed"),
        eq(events.status, "scheduled"),
        gt(events.startsAt, latest),
        lte(events.startsAt, dueUntil),
        or(isNull(eventRegistrations.userId), isNull(users.erasedAt)),
      ),
    );
  const inserted = await tx.insert(eventReminders).select(due).onConflictDoNothing().returning({ registrationId: eventReminders.registrationId });
  if (inserted.length === 0) return [];

  const rows = await tx
    .select({ registration: eventRegistrations, event: events, userEmail: users.email, userGivenName: users.givenName })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .leftJoin(users, eq(users.id, eventRegistrations.userId))
    .where(inArray(eventRegistrations.id, inserted.map((row) => row.registrationId)));
  for (const row of rows) {
    const to = row.userEmail ?? row.registration.email;
    if (!to) continue;
    await deps.mailer.enqueue(tx, reminderMail(deps.publicUrl, kind, {
      to,
      givenName: row.registration.userId ? row.userGivenName : row.registration.givenName,
      isMember: row.registration.userId !== null,
      mode: row.registration.mode as AttendanceMode,
      event: row.event,
    }));
  }
  return rows.map((row) => ({ registrationId: row.registration.id, kind }));
}

/**
 * Sends the reminders due at `now` to confirmed registrations (members and confirmed visitors) of
 * scheduled events: two days before (until 24 h before) and two hours before (until the start). Never to
 * pending, waiting or cancelled registrations, nor for a cancelled event; each reminder once.
 */
export async function sendDueReminders(deps: ReminderDeps, now: Date): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  for (const kind of reminderKinds) sent.push(...(await deps.db.transaction((tx) => sendDueOfKind(tx, deps, kind, now))));
  return sent;
}

type ReminderMailInput = {
  to: string;
  givenName: string | null;
  isMember: boolean;
  mode: AttendanceMode;
  event: typeof events.$inferSelect;
};

/** The reminder's text: when, how one attends (place and access notes, visio link), and where to cancel. */
export function reminderMail(publicUrl: string, kind: ReminderKind, input: ReminderMailInput): MailMessage {
  const { event } = input;
  const eventUrl = new URL(`/evenements/${event.slug}`, publicUrl).href;
  const kindLabel = eventKindLabels[event.kind as EventKind]?.one ?? "Événement";
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
  const subject =
    kind === "two_days"
      ? `Rappel\u00a0: «\u00a0${event.title}\u00a0» le ${formatLongDate(event.startsAt)} à ${formatHour(event.startsAt)}`
      : `C’est bientôt\u00a0: «\u00a0${event.title}\u00a0» à ${formatHour(event.startsAt)}`;
  const lines = [
    input.givenName ? `Bonjour ${input.givenName},` : "Bonjour,",
    "",
    kind === "two_days"
      ? `Nous vous rappelons votre inscription à «\u00a0${event.title}\u00a0» (${kindLabel.toLowerCase()} du Programme 10\u00a0%).`
      : `«\u00a0${event.title}\u00a0» commence bientôt. À tout à l’heure\u00a0!`,
    "",
    `Quand\u00a0: ${formatEventPeriod(event.startsAt, event.endsAt)} (heure de Paris)`,
    `Votre participation\u00a0: ${modeInSentence[input.mode]}`,
  ];
  if (place) lines.push(`Lieu\u00a0: ${place}`);
  if (event.placeAccess) lines.push(`Accès\u00a0: ${event.placeAccess}`);
  if (event.visioUrl) lines.push(`Visio\u00a0: ${event.visioUrl}`);
  if (input.mode === "in_person" && input.isMember) lines.push("", "Présentez à l’accueil le QR code de votre inscription, dans «\u00a0Mes inscriptions\u00a0».");
  lines.push("", `Page de l’événement\u00a0: ${eventUrl}`);
  if (input.isMember) lines.push(`Mes inscriptions\u00a0: ${new URL("/compte/evenements", publicUrl).href}`);
  lines.push("", "Vous ne pouvez plus venir\u00a0? Désinscrivez-vous depuis la page de l’événement pour libérer votre place.", "", "L’équipe du Programme 10\u00a0%");
  return { to: input.to, subject, text: lines.join("\n") };
}

/**
 * Runs `sendDueReminders` every minute with the injected clock while the app is up (from `onReady`, stopped
 * on `onClose`, never keeping the process alive); a sweep still running when the next is due is not doubled.
 */
export function registerReminderSweeps(app: FastifyInstance, deps: Pick<EventsDeps, "db" | "mailer" | "publicUrl" | "clock">, options: { everyMs?: number } = {}) {
  registerPeriodicCheck(app, { name: "event reminder sweep", everyMs: options.everyMs ?? sweepEveryMs, atStart: false, run: () => sendDueReminders(deps, deps.clock.now()), outcome: (sent) => (sent.length > 0 ? { reminders: sent.length } : null) });
}
