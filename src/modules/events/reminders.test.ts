import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import Fastify from "fastify";
import pino from "pino";
import type { DatabaseHandle } from "../../db/client.ts";
import { eventRegistrations, eventReminders, events, users } from "../../db/schema/index.ts";
import { createPlatform, type Platform } from "../../platform.ts";
import { typographyMistakes } from "../../../tests/support/french-typography.ts";
import { queuedMails } from "../../../tests/support/mail-queue.ts";
import { openTestDatabase, testConfig } from "../../../tests/support/test-platform.ts";
import { type MailMessage, type Mailer, sendMailJob } from "../mail/api.ts";
import { registerReminderSweeps, sendDueReminders } from "./reminders.ts";
import { newCheckInToken } from "./use-cases/seats.ts";

const hour = 3600_000;
const publicUrl = "http://localhost:3000";
/** Wednesday 10 March 2027, 14 h in Paris. */
const start = new Date("2027-03-10T13:00:00Z");
let now = new Date(start.getTime() - 72 * hour);
const clock = { now: () => now };

let database: { database: DatabaseHandle; close(): Promise<void> };
let platform: Platform;
const db = () => database.database.db;

/** The platform's own pieces, as after a start: the job queue delivers to the local outbox. */
async function startPlatform(): Promise<Platform> {
  return createPlatform(testConfig(), { database: database.database, logger: pino({ level: "silent" }), clock });
}

function mailer(): Mailer {
  return { enqueue: (tx, message) => platform.jobs.send(tx, sendMailJob, message) };
}

const deps = () => ({ db: db(), mailer: mailer(), publicUrl });

let sequence = 0;
async function createEvent(overrides: Partial<typeof events.$inferInsert> = {}) {
  sequence += 1;
  const [event] = await db()
    .insert(events)
    .values({
      slug: `atelier-rappel-${sequence}`,
      kind: "atelier",
      title: `Atelier rappel ${sequence}`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3.5 * hour),
      placeName: "Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      placeAccess: "Badge à l’accueil, pièce d’identité",
      visioUrl: "https://webinaire.numerique.gouv.fr/meeting/signin/1234",
      inPersonCapacity: 20,
      remoteCapacity: 50,
      audience: "public",
      ...overrides,
    })
    .returning();
  return event!;
}

async function userId(email: string): Promise<string> {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

type Person = { member: string } | { visitor: string };

async function register(eventId: string, person: Person, status: "confirmed" | "waitlisted" | "cancelled" | "pending", mode: "in_person" | "remote" = "in_person"): Promise<string> {
  const who = "member" in person ? { userId: await userId(person.member) } : { email: person.visitor, givenName: "Awa", usualName: "Diallo" };
  const [row] = await db().insert(eventRegistrations).values({ eventId, ...who, mode, status, checkInToken: newCheckInToken() }).returning({ id: eventRegistrations.id });
  return row!.id;
}

/** The reminder mails enqueued for `to` (jobs, whether delivered yet or not). */
async function remindersTo(to: string, title: string): Promise<MailMessage[]> {
  return (await queuedMails(platform, to)).filter((message) => message.subject.includes(`«\u00a0${title}\u00a0»`));
}

async function remindersOf(registrationId: string): Promise<string[]> {
  const rows = await db().select({ kind: eventReminders.kind }).from(eventReminders).where(eq(eventReminders.registrationId, registrationId));
  return rows.map((row) => row.kind).sort();
}

describe("event reminders", () => {
  before(async () => {
    database = await openTestDatabase();
    platform = await startPlatform();
  });
  after(async () => {
    await platform.close();
    await database.close();
  });

  it("sends two days and two hours before, once each, only to confirmed registrations of scheduled events, even across a restart", async () => {
    const event = await createEvent();
    const cancelledEvent = await createEvent({ status: "cancelled", cancellationReason: "Grève" });
    const ines = await register(event.id, { member: "ines.benali@insee.fr" }, "confirmed");
    const visitor = await register(event.id, { visitor: "awa.diallo@exemple.fr" }, "confirmed", "remote");
    const waiting = await register(event.id, { member: "thomas.leroy@ign.fr" }, "waitlisted");
    const cancelled = await register(event.id, { member: "marc.petit@numerique.gouv.fr" }, "cancelled");
    const pending = await register(event.id, { visitor: "pas.confirme@exemple.fr" }, "pending");
    const ofCancelledEvent = await register(cancelledEvent.id, { member: "sophie.durand@interieur.gouv.fr" }, "confirmed");

    now = new Date(start.getTime() - 48 * hour - 60_000);
    assert.deepEqual(await sendDueReminders(deps(), now), []);

    now = new Date(start.getTime() - 48 * hour);
    const sent = await sendDueReminders(deps(), now);
    assert.deepEqual(sent.map((reminder) => `${reminder.registrationId}:${reminder.kind}`).sort(), [`${ines}:two_days`, `${visitor}:two_days`].sort());
    now = new Date(start.getTime() - 47 * hour);
    assert.deepEqual(await sendDueReminders(deps(), now), []);

    const [mail] = await remindersTo("ines.benali@insee.fr", event.title);
    assert.ok(mail);
    assert.equal(mail.subject, `Rappel\u00a0: «\u00a0${event.title}\u00a0» le mercredi 10 mars 2027 à 14\u00a0h`);
    assert.match(mail.text, /^Bonjour Inès,/);
    assert.match(mail.text, /Quand\u00a0: mercredi 10 mars 2027, 14\u00a0h – 17\u00a0h\u00a030 \(heure de Paris\)/);
    assert.match(mail.text, /Votre participation\u00a0: sur place/);
    assert.match(mail.text, /Lieu\u00a0: Ségur, 20 avenue de Ségur, 75007 Paris/);
    assert.match(mail.text, /Accès\u00a0: Badge à l’accueil, pièce d’identité/);
    assert.match(mail.text, /Visio\u00a0: https:\/\/webinaire\.numerique\.gouv\.fr\/meeting\/signin\/1234/);
    assert.match(mail.text, new RegExp(`Page de l’événement\u00a0: ${publicUrl}/evenements/${event.slug}\\n`));
    assert.match(mail.text, new RegExp(`Mes inscriptions\u00a0: ${publicUrl}/compte/evenements\\n`));
    assert.deepEqual(typographyMistakes(`${mail.subject}\n${mail.text}`), []);
    const [visitorMail] = await remindersTo("awa.diallo@exemple.fr", event.title);
    assert.match(visitorMail!.text, /^Bonjour Awa,/);
    assert.match(visitorMail!.text, /Votre participation\u00a0: à distance/);
    assert.doesNotMatch(visitorMail!.text, /Mes inscriptions/);

    now = new Date(start.getTime() - 2 * hour - 60_000);
    assert.deepEqual(await sendDueReminders(deps(), now), []);
    now = new Date(start.getTime() - 2 * hour + 60_000);
    assert.deepEqual((await sendDueReminders(deps(), now)).map((reminder) => `${reminder.registrationId}:${reminder.kind}`).sort(), [`${ines}:two_hours`, `${visitor}:two_hours`].sort());
    const inesMails = await remindersTo("ines.benali@insee.fr", event.title);
    assert.equal(inesMails.length, 2);
    assert.ok(inesMails.some((message) => message.subject === `C’est bientôt\u00a0: «\u00a0${event.title}\u00a0» à 14\u00a0h`));

    // A restart: a new process on the same database finds the reminders already sent.
    await platform.close();
    platform = await startPlatform();
    now = new Date(start.getTime() - hour);
    assert.deepEqual(await sendDueReminders(deps(), now), []);
    assert.equal((await remindersTo("ines.benali@insee.fr", event.title)).length, 2);
    assert.equal((await remindersTo("awa.diallo@exemple.fr", event.title)).length, 2);
    assert.deepEqual(await remindersOf(ines), ["two_days", "two_hours"]);

    // Never to people waiting, cancelled, unconfirmed, nor for a cancelled event; nothing once it started.
    for (const registration of [waiting, cancelled, pending, ofCancelledEvent]) assert.deepEqual(await remindersOf(registration), []);
    for (const to of ["thomas.leroy@ign.fr", "marc.petit@numerique.gouv.fr", "pas.confirme@exemple.fr"]) assert.deepEqual(await remindersTo(to, event.title), []);
    assert.deepEqual(await remindersTo("sophie.durand@interieur.gouv.fr", cancelledEvent.title), []);
    const late = await register(event.id, { member: "sophie.durand@interieur.gouv.fr" }, "confirmed");
    now = new Date(start.getTime() + 60_000);
    assert.deepEqual(await sendDueReminders(deps(), now), []);
    assert.deepEqual(await remindersOf(late), []);
  });

  it("sends each reminder once when sweeps overlap", async () => {
    const event = await createEvent({ startsAt: new Date(start.getTime() + 24 * hour), endsAt: new Date(start.getTime() + 26 * hour) });
    const registrations = [
      await register(event.id, { member: "ines.benali@insee.fr" }, "confirmed"),
      await register(event.id, { member: "thomas.leroy@ign.fr" }, "confirmed", "remote"),
      await register(event.id, { visitor: "awa.diallo@exemple.fr" }, "confirmed"),
    ];
    now = new Date(event.startsAt.getTime() - 48 * hour);
    const sweeps = await Promise.all(Array.from({ length: 6 }, () => sendDueReminders(deps(), now)));
    const sent = sweeps.flat().map((reminder) => `${reminder.registrationId}:${reminder.kind}`).sort();
    assert.deepEqual(sent, registrations.map((id) => `${id}:two_days`).sort());
    for (const to of ["ines.benali@insee.fr", "thomas.leroy@ign.fr", "awa.diallo@exemple.fr"]) assert.equal((await remindersTo(to, event.title)).length, 1);
  });

  it("skips a reminder whose moment passed by more than its window: registered less than a day before, no « two days » reminder", async () => {
    const soon = await createEvent({ startsAt: new Date(start.getTime() + 100 * hour), endsAt: new Date(start.getTime() + 102 * hour) });
    now = new Date(soon.startsAt.getTime() - 90 * 60_000);
    const lastMinute = await register(soon.id, { member: "ines.benali@insee.fr" }, "confirmed");
    await sendDueReminders(deps(), now);
    assert.deepEqual(await remindersOf(lastMinute), ["two_hours"]);

    const tomorrow = await createEvent({ startsAt: new Date(start.getTime() + 200 * hour), endsAt: new Date(start.getTime() + 202 * hour) });
    const dayBefore = await register(tomorrow.id, { member: "ines.benali@insee.fr" }, "confirmed");
    now = new Date(tomorrow.startsAt.getTime() - 20 * hour);
    await sendDueReminders(deps(), now);
    assert.deepEqual(await remindersOf(dayBefore), []);
    // Within its window (e.g. a sweep missed while the server was down), a reminder still goes out.
    const inTwoDays = await createEvent({ startsAt: new Date(start.getTime() + 300 * hour), endsAt: new Date(start.getTime() + 302 * hour) });
    const early = await register(inTwoDays.id, { member: "ines.benali@insee.fr" }, "confirmed");
    now = new Date(inTwoDays.startsAt.getTime() - 30 * hour);
    await sendDueReminders(deps(), now);
    assert.deepEqual(await remindersOf(early), ["two_days"]);
  });

  it("sweeps every interval from the app's start with the injected clock, and stops with the app", async () => {
    const event = await createEvent({ startsAt: new Date(start.getTime() + 400 * hour), endsAt: new Date(start.getTime() + 402 * hour) });
    const first = await register(event.id, { member: "ines.benali@insee.fr" }, "confirmed");
    now = new Date(event.startsAt.getTime() - hour);
    const app = Fastify({ logger: false });
    registerReminderSweeps(app, { db: db(), mailer: mailer(), publicUrl, clock }, { everyMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(await remindersOf(first), [], "no sweep before the app is ready");
    await app.ready();
    const deadline = Date.now() + 5_000;
    while ((await remindersOf(first)).length === 0) {
      assert.ok(Date.now() < deadline, "the sweep ran");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(await remindersOf(first), ["two_hours"]);
    await app.close();
    const second = await register(event.id, { member: "thomas.leroy@ign.fr" }, "confirmed");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await remindersOf(second), [], "no sweep once the app is closed");
  });
});
