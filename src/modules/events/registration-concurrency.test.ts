import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { asc, eq } from "drizzle-orm";
import { eventRegistrations } from "../../db/schema/index.ts";
import { csrfTokenIn } from "../../../tests/support/http.ts";
import { describeOnPostgres, reachablePostgres } from "../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { createMembersWithSessions, createTestEvent, movableClock, queuedMails, type TestMember } from "./registration-test-support.ts";
import type { EventRecord } from "./repository.ts";

const seats = 50;
const burst = 200;
const postgresUrl = await reachablePostgres();

/**
 * Done-when #2 of issue 6: 200 members register at the same moment for 50 seats in person, through HTTP
 * with their own sessions, on PostgreSQL (DATABASE_URL's server or the local one): PGlite serves one
 * transaction at a time, so the event's lock would never be contended there.
 */
describeOnPostgres(postgresUrl, `${burst} simultaneous registrations for ${seats} in-person seats`, "the event's row lock is only contended on PostgreSQL", (postgresUrl) => {
  const clock = movableClock("2027-02-15T10:00:00Z");
  let platform: TestPlatform;
  let members: TestMember[];
  let event: EventRecord;
  let csrf: Map<string, string>;

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
    members = await createMembersWithSessions(platform, burst, { prefix: "rafale", now: clock.now() });
    event = await createTestEvent(platform, { inPersonCapacity: seats, remoteCapacity: null, questions: [] });
    csrf = new Map();
    for (let start = 0; start < members.length; start += 20) {
      await Promise.all(
        members.slice(start, start + 20).map(async (member) => {
          const form = await member.session.get(`/evenements/${event.slug}/inscription`);
          assert.equal(form.statusCode, 200);
          csrf.set(member.id, csrfTokenIn(form.body)!);
        }),
      );
    }
  });
  after(async () => {
    await platform.stop();
  });

  async function registrationsInQueueOrder() {
    return platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)).orderBy(asc(eventRegistrations.queuePosition));
  }

  it(`confirms exactly ${seats}, waitlists ${burst - seats} in the order of the queue, and answers every request without error`, async (t) => {
    const started = performance.now();
    const responses = await Promise.all(members.map((member) => member.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" }, { csrf: csrf.get(member.id)! })));
    t.diagnostic(`${burst} demandes traitées en ${Math.round(performance.now() - started)} ms`);
    const statuses = responses.map((response) => response.statusCode);
    assert.deepEqual(
      statuses.filter((status) => status !== 303),
      [],
      "toutes les demandes doivent aboutir (303)",
    );

    const rows = await registrationsInQueueOrder();
    assert.equal(rows.length, burst);
    assert.equal(rows.filter((row) => row.status === "confirmed").length, seats);
    assert.equal(rows.filter((row) => row.status === "waitlisted").length, burst - seats);
    // The first 50 decisions took the seats; the waitlist is the rest, in the order they were decided.
    assert.deepEqual(
      rows.map((row) => row.status),
      [...Array<string>(seats).fill("confirmed"), ...Array<string>(burst - seats).fill("waitlisted")],
    );
    assert.equal(new Set(rows.map((row) => row.userId)).size, burst);

    // Each waiting member is told their rank, which is their place in the queue.
    const byUser = new Map(members.map((member) => [member.id, member]));
    const waiting = rows.filter((row) => row.status === "waitlisted");
    for (const [index, row] of [[0, waiting[0]!], [1, waiting[1]!], [waiting.length - 1, waiting.at(-1)!]] as const) {
      const page = await byUser.get(row.userId!)!.session.get("/compte/evenements");
      const rank = index === 0 ? "en première position" : `en ${index + 1}<sup>e</sup> position`;
      assert.ok(page.body.includes(`Vous êtes ${rank} sur la liste d’attente (sur place).`), `rang ${rank} attendu`);
    }
    // One mail each, enqueued with the decision: the invitation for a seat, the rank for the waitlist.
    for (const [index, row] of rows.entries()) {
      const mails = await queuedMails(platform, byUser.get(row.userId!)!.email);
      assert.equal(mails.length, 1, `un courriel pour ${row.userId}`);
      if (index < seats) {
        assert.equal(mails[0]!.subject, `Inscription confirmée\u00a0: ${event.title}`);
        assert.equal(mails[0]!.calendar?.method, "REQUEST");
      } else {
        assert.equal(mails[0]!.subject, `Liste d’attente\u00a0: ${event.title}`);
        assert.ok(mails[0]!.text.includes(`vous êtes ${index - seats === 0 ? "en première position" : `en ${index - seats + 1}e position`} sur la liste d’attente`), mails[0]!.text);
      }
    }
  });

  it("gives the freed seat of a cancellation to the first waiting person, who gets the mail", async () => {
    const before = await registrationsInQueueOrder();
    const byUser = new Map(members.map((member) => [member.id, member]));
    const canceller = byUser.get(before.find((row) => row.status === "confirmed")!.userId!)!;
    const firstWaiting = before.find((row) => row.status === "waitlisted")!;
    const posted = await canceller.session.post(`/evenements/${event.slug}/desinscription`, {});
    assert.equal(posted.statusCode, 303);

    const after = await registrationsInQueueOrder();
    assert.equal(after.filter((row) => row.status === "confirmed").length, seats);
    assert.equal(after.filter((row) => row.status === "waitlisted").length, burst - seats - 1);
    assert.equal(after.find((row) => row.id === firstWaiting.id)?.status, "confirmed");
    const mails = await queuedMails(platform, byUser.get(firstWaiting.userId!)!.email);
    const promoted = mails.find((mail) => mail.subject.startsWith("Une place s’est libérée"));
    assert.ok(promoted, "courriel de place libérée");
    assert.equal(promoted.calendar?.method, "REQUEST");
    assert.ok(promoted.calendar.content.includes("DTSTART;TZID=Europe/Paris:20270309T140000"));
  });
});
