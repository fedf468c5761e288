import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { asc, eq, sql } from "drizzle-orm";
import { eventRegistrations, events, eventSeries, userRoles } from "../../db/schema/index.ts";
import { csrfTokenIn, type HttpSession } from "../../../tests/support/http.ts";
import { describeOnPostgres, reachablePostgres } from "../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import type { AttendanceMode } from "./domain/event-kinds.ts";
import { capacityOf } from "./domain/registration-rules.ts";
import { createMembersWithSessions, createTestEvent, movableClock, queuedMails, type TestMember } from "./registration-test-support.ts";
import type { EventRecord, RegistrationRecord } from "./repository.ts";
import { takeSeat } from "./use-cases/seats.ts";

const postgresUrl = await reachablePostgres();
const modes: AttendanceMode[] = ["in_person", "remote"];

/**
 * The programme team's actions on an event's seats (moves, confirmations, cancellations, capacity edits, a
 * series edit, check-in) raced over HTTP against members registering and cancelling, on PostgreSQL: each
 * request takes the event's row lock (`lockEvent`), so the seats are decided one request at a time. PGlite
 * serves one transaction at a time and would pass these tests without the lock: they need a server.
 */
describeOnPostgres(postgresUrl, "the team's actions at the same time as registrations", "the event's row lock is only contended on PostgreSQL", (postgresUrl) => {
  const clock = movableClock("2027-02-15T10:00:00Z");
  let platform: TestPlatform;
  let members: TestMember[];
  let team: TestMember[];
  const csrf = new Map<HttpSession, string>();
  const db = () => platform.database.db;

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
    members = await createMembersWithSessions(platform, 40, { prefix: "course", now: clock.now() });
    team = await createMembersWithSessions(platform, 2, { prefix: "equipe", now: clock.now() });
    await db().insert(userRoles).values(team.map((person) => ({ userId: person.id, role: "programme_team" })));
    // One form token per session, valid for all of its forms.
    for (const person of [...members, ...team]) {
      const page = await person.session.get("/compte");
      assert.equal(page.statusCode, 200);
      csrf.set(person.session, csrfTokenIn(page.body)!);
    }
  });
  after(() => platform?.stop());

  const post = (session: HttpSession, url: string, fields: Record<string, string> = {}) => session.post(url, fields, { csrf: csrf.get(session)! });
  const register = (member: TestMember, event: EventRecord, mode: AttendanceMode) => post(member.session, `/evenements/${event.slug}/inscription`, { mode });
  const teamAction = (event: EventRecord, registration: RegistrationRecord, action: "changer-de-mode" | "confirmer" | "annuler", fields: Record<string, string> = {}) =>
    post(team[0]!.session, `/admin/evenements/${event.id}/inscriptions/${registration.id}/${action}`, fields);

  /** A registration decided outside the race (no mail), in the order of the calls. */
  async function seed(event: EventRecord, member: TestMember, mode: AttendanceMode): Promise<RegistrationRecord> {
    return db().transaction(async (tx) => (await takeSeat(tx, { eventId: event.id, registrant: { userId: member.id }, mode, answers: {}, now: clock.now() })).registration);
  }

  async function current(event: EventRecord): Promise<{ event: EventRecord; rows: RegistrationRecord[] }> {
    const [stored] = await db().select().from(events).where(eq(events.id, event.id));
    const rows = await db().select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)).orderBy(asc(eventRegistrations.queuePosition));
    return { event: stored!, rows };
  }

  /**
   * In each mode: never more confirmed than the capacity (plus the over-bookings the team asked for), no free
   * seat while someone waits, and in queue order every confirmed registration comes before every waiting one.
   */
  function assertSeatsKept(event: EventRecord, rows: RegistrationRecord[], overbooked: Partial<Record<AttendanceMode, number>> = {}) {
    for (const mode of modes) {
      const capacity = capacityOf(event, mode) ?? 0;
      const live = rows.filter((row) => row.mode === mode && (row.status === "confirmed" || row.status === "waitlisted"));
      const confirmed = live.filter((row) => row.status === "confirmed").length;
      assert.ok(confirmed <= capacity + (overbooked[mode] ?? 0), `${mode}\u00a0: ${confirmed} places confirmées pour ${capacity}`);
      assert.ok(confirmed >= Math.min(capacity, live.length), `${mode}\u00a0: ${capacity - confirmed} place(s) libre(s) alors que ${live.length - confirmed} personne(s) attendent`);
      const firstWaiting = live.findIndex((row) => row.status === "waitlisted");
      if (firstWaiting >= 0) assert.deepEqual(live.slice(firstWaiting).filter((row) => row.status !== "waitlisted"), [], `${mode}\u00a0: une place donnée hors de l’ordre de la liste d’attente`);
    }
  }

  /** The mails about `event` enqueued for `person`: the job queue itself (a mail exists once its transaction commits), not the outbox. */
  async function mailsAbout(event: EventRecord, person: TestMember) {
    return (await queuedMails(platform, person.email)).filter((mail) => mail.subject.endsWith(event.title));
  }

  /** The mails of `event` carrying a calendar invitation (a seat given) enqueued for `person`. */
  async function seatMails(event: EventRecord, person: TestMember): Promise<number> {
    return (await mailsAbout(event, person)).filter((mail) => mail.calendar?.method === "REQUEST").length;
  }

  /**
   * A registration decided by `takeSeat` in a transaction the test keeps open (the event locked, the seat
   * taken but not committed) until `commit`: what a registration request does, stopped at its slowest moment.
   */
  async function registrationInProgress(event: EventRecord, member: TestMember, mode: AttendanceMode): Promise<{ commit(): Promise<void> }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const seatTaken = new Promise<void>((resolve) => (taken = resolve));
    const done = db().transaction(async (tx) => {
      await takeSeat(tx, { eventId: event.id, registrant: { userId: member.id }, mode, answers: {}, now: clock.now() });
      taken();
      await released;
    });
    await Promise.race([seatTaken, done]);
    return {
      async commit() {
        release();
        await done;
      },
    };
  }

  /**
   * Waits (15 s at most) until a statement on the events table waits for a lock (the job queue takes locks of
   * its own): the team's request has reached the event held by `registrationInProgress`, at its FOR UPDATE
   * (or at its UPDATE when the lock was not taken). Without the lock it may never wait: then this stops once
   * `requests` are answered, and the invariants judge.
   */
  async function untilSomeoneWaitsForALock(requests: Promise<unknown>[]) {
    let answered = false;
    void Promise.all(requests).then(() => (answered = true));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !answered) {
      const result = await db().execute(sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%"events"%'`);
      // node-postgres' result (this test runs on PostgreSQL only).
      if (Number((result as unknown as { rows: { waiting: number }[] }).rows[0]!.waiting) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const byUser = () => new Map(members.map((member) => [member.id, member]));

  it("moves people between in person and remote while members register in both: seats, queue order and one invitation each are kept", async () => {
    const event = await createTestEvent(platform, { inPersonCapacity: 6, remoteCapacity: 6, questions: [] });
    const seated = [];
    for (const member of members.slice(0, 6)) seated.push(await seed(event, member, "in_person"));
    for (const member of members.slice(6, 10)) await seed(event, member, "in_person");
    const seededRemote = [];
    for (const member of members.slice(10, 15)) seededRemote.push(await seed(event, member, "remote"));
    // The last remote seat is being taken (not yet committed) when the team moves four people to remote.
    const registration = await registrationInProgress(event, members[15]!, "remote");
    const moves = seated.slice(0, 4).map((row) => teamAction(event, row, "changer-de-mode"));
    await untilSomeoneWaitsForALock(moves);
    const burst = members.slice(16, 40).map((member, index) => register(member, event, index % 2 === 0 ? "in_person" : "remote"));
    await registration.commit();
    const responses = await Promise.all([...moves, ...burst]);
    assert.deepEqual(responses.map((response) => response.statusCode).filter((status) => status !== 303), []);

    const { event: stored, rows } = await current(event);
    assertSeatsKept(stored, rows);
    const moved = new Set(seated.slice(0, 4).map((row) => row.userId));
    assert.deepEqual(rows.filter((row) => moved.has(row.userId)).map((row) => `${row.mode} ${row.status}`), Array(4).fill("remote waitlisted"), "les places à distance étaient prises");
    const seededSeat = new Set([...seated.slice(4), ...seededRemote].map((row) => row.userId).concat(members[15]!.id));
    const people = byUser();
    for (const row of rows) {
      const expected = row.status === "confirmed" && !seededSeat.has(row.userId) ? 1 : 0;
      assert.equal(await seatMails(event, people.get(row.userId!)!), expected, `${moved.has(row.userId) ? "déplacée" : "inscrite"}, ${row.status} ${row.mode}`);
    }
  });

  it("confirms from the waitlist and cancels, by members and by the team at once: each freed seat goes once, in queue order, mailed once", async () => {
    const event = await createTestEvent(platform, { inPersonCapacity: 6, remoteCapacity: null, questions: [] });
    const seated = [];
    for (const member of members.slice(0, 6)) seated.push(await seed(event, member, "in_person"));
    const waiting = [];
    for (const member of members.slice(6, 14)) waiting.push(await seed(event, member, "in_person"));
    const people = byUser();

    const responses = await Promise.all([
      ...seated.slice(0, 3).map((registration) => post(people.get(registration.userId!)!.session, `/evenements/${event.slug}/desinscription`)),
      ...seated.slice(3, 5).map((registration) => teamAction(event, registration, "annuler")),
      ...waiting.slice(0, 2).map((registration) => teamAction(event, registration, "confirmer", { surreservation: "oui" })),
    ]);
    // A confirmation may be refused (409) when a freed seat reached that person first.
    const admits = responses.slice(5);
    assert.deepEqual(responses.slice(0, 5).map((response) => response.statusCode), [303, 303, 303, 303, 303]);
    for (const admit of admits) assert.ok([303, 409].includes(admit.statusCode), String(admit.statusCode));
    const overbooked = admits.filter((admit) => admit.statusCode === 303 && String(admit.headers.location).includes("surreservation=1")).length;

    const { event: stored, rows } = await current(event);
    assertSeatsKept(stored, rows, { in_person: overbooked });
    const stillWaiting = rows.filter((row) => row.status === "waitlisted").map((row) => row.id);
    assert.deepEqual(stillWaiting, waiting.slice(waiting.length - stillWaiting.length).map((row) => row.id), "la liste d’attente garde son ordre");
    for (const registration of waiting) {
      const row = rows.find((candidate) => candidate.id === registration.id)!;
      assert.equal(await seatMails(event, people.get(registration.userId!)!), row.status === "confirmed" ? 1 : 0, `une invitation pour chaque place donnée (${row.status})`);
    }
    for (const registration of seated.slice(0, 5)) {
      const cancellations = (await mailsAbout(event, people.get(registration.userId!)!)).filter((mail) => mail.subject.startsWith("Inscription annulée"));
      assert.equal(cancellations.length, 1);
    }
  });

  it("lowers a capacity while a registration holds the event: the edit waits for it, then refuses to go below the seats taken", async () => {
    const event = await createTestEvent(platform, { inPersonCapacity: 20, remoteCapacity: null, questions: [] });
    for (const member of members.slice(0, 5)) await seed(event, member, "in_person");
    const edit = await editFields(event);
    // A sixth seat being taken (not yet committed) when the team lowers the capacity to the five taken before.
    const registration = await registrationInProgress(event, members[5]!, "in_person");
    const edited = post(team[0]!.session, `/admin/evenements/${event.id}/modifier`, { ...edit, inPersonCapacity: "5" });
    await untilSomeoneWaitsForALock([edited]);
    const burst = members.slice(6, 16).map((member) => register(member, event, "in_person"));
    await registration.commit();
    const [answer, ...registered] = await Promise.all([edited, ...burst]);
    assert.equal(answer.statusCode, 400);
    assert.ok(answer.body.includes("6\u00a0personnes ont déjà une place confirmée sur place"), "la capacité ne descend pas sous les places prises");
    assert.deepEqual(registered.map((response) => response.statusCode).filter((status) => status !== 303), []);
    const after = await current(event);
    assert.equal(after.event.inPersonCapacity, 20);
    assertSeatsKept(after.event, after.rows);
  });

  it("raises a capacity during a burst of registrations and cancellations: the waiting get the new seats in order, mailed once", async () => {
    for (let round = 0; round < 2; round++) {
      const event = await createTestEvent(platform, { inPersonCapacity: 4, remoteCapacity: null, questions: [] });
      for (const member of members.slice(0, 10)) await seed(event, member, "in_person");
      const raise = await editFields(event);
      const [grown] = await Promise.all([
        post(team[0]!.session, `/admin/evenements/${event.id}/modifier`, { ...raise, inPersonCapacity: "10" }),
        ...members.slice(10, 20).map((member) => register(member, event, "in_person")),
        ...members.slice(0, 2).map((member) => post(member.session, `/evenements/${event.slug}/desinscription`)),
      ]);
      assert.equal(grown!.statusCode, 303);
      const after = await current(event);
      assert.equal(after.event.inPersonCapacity, 10);
      assertSeatsKept(after.event, after.rows);
      const people = byUser();
      for (const row of after.rows.filter((candidate) => candidate.status !== "cancelled")) {
        const seededSeat = members.slice(2, 4).some((member) => member.id === row.userId);
        assert.equal(await seatMails(event, people.get(row.userId!)!), row.status === "confirmed" && !seededSeat ? 1 : 0, `une invitation pour chaque place donnée (${row.status})`);
      }
    }
  });

  it("edits a series' following occurrences while a registration holds one of them: the edit waits, then refuses all of them or none", async () => {
    const [series] = await db().insert(eventSeries).values({ title: "Atelier hebdomadaire", rule: { frequency: "weekly", interval: 1, until: "2027-03-23" } }).returning();
    const occurrences: EventRecord[] = [];
    for (let week = 0; week < 3; week++) {
      const startsAt = new Date(Date.parse("2027-03-09T13:00:00Z") + week * 7 * 86_400_000);
      occurrences.push(
        await createTestEvent(platform, {
          seriesId: series!.id,
          title: "Atelier hebdomadaire",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3.5 * 3_600_000),
          registrationClosesAt: new Date(startsAt.getTime() - 20 * 3_600_000),
          cancellationClosesAt: new Date(startsAt.getTime() - 5 * 3_600_000),
          inPersonCapacity: 20,
          remoteCapacity: null,
          questions: [],
        }),
      );
    }
    for (const occurrence of occurrences) for (const member of members.slice(0, 4)) await seed(occurrence, member, "in_person");
    const edit = await editFields(occurrences[0]!);
    // The third occurrence is being given a fifth seat when the team lowers the series to four.
    const registration = await registrationInProgress(occurrences[2]!, members[4]!, "in_person");
    const edited = post(team[0]!.session, `/admin/evenements/${occurrences[0]!.id}/modifier`, { ...edit, inPersonCapacity: "4", scope: "following", confirmation: "oui" });
    await untilSomeoneWaitsForALock([edited]);
    const burst = occurrences.flatMap((occurrence) => members.slice(5, 11).map((member) => register(member, occurrence, "in_person")));
    await registration.commit();
    const [answer, ...registered] = await Promise.all([edited, ...burst]);
    assert.equal(answer.statusCode, 400);
    assert.ok(answer.body.includes("5\u00a0personnes ont déjà une place confirmée sur place"), "la séance qui a une place de plus est nommée");
    assert.deepEqual(registered.map((response) => response.statusCode).filter((status) => status !== 303), []);
    for (const occurrence of occurrences) {
      const after = await current(occurrence);
      assert.equal(after.event.inPersonCapacity, 20, "aucune séance modifiée");
      assertSeatsKept(after.event, after.rows);
    }
  });

  it("records one arrival when two team members scan the same code at the same moment", async () => {
    const event = await createTestEvent(platform, { inPersonCapacity: 20, remoteCapacity: null, questions: [] });
    const registrations = [];
    for (const member of members.slice(0, 10)) registrations.push(await seed(event, member, "in_person"));
    // « autre-jour »: the scans happen before the event's day, confirmed on purpose by the team.
    const scans = await Promise.all(registrations.flatMap((registration) => team.map((person) => post(person.session, `/pointage/${registration.checkInToken}`, { "autre-jour": "oui" }))));
    const { rows } = await current(event);
    for (const [index, registration] of registrations.entries()) {
      const answers = scans.slice(index * 2, index * 2 + 2);
      assert.deepEqual(answers.map((answer) => answer.statusCode), [303, 303]);
      const outcomes = answers.map((answer) => new URL(String(answer.headers.location), "http://localhost").search);
      assert.deepEqual([...outcomes].sort(), ["?deja=1", "?enregistree=1"], "une arrivée enregistrée, l’autre scan la retrouve");
      const recorder = team[outcomes.indexOf("?enregistree=1")]!;
      const row = rows.find((candidate) => candidate.id === registration.id)!;
      assert.equal(row.attendanceMarkedBy, recorder.id, "l’arrivée est celle que la réponse annonce");
    }
  });

  /** The edit form's fields for an event as stored (read from its page), to change one thing and post it. */
  async function editFields(event: EventRecord): Promise<Record<string, string>> {
    const html = (await team[0]!.session.get(`/admin/evenements/${event.id}/modifier`)).body;
    const fields: Record<string, string> = {};
    const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    for (const match of html.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?>/g)) {
      const tag = match[0];
      const name = match[1]!;
      if (name === "_csrf" || (/type="(checkbox|radio)"/.test(tag) && !/checked=""/.test(tag))) continue;
      fields[name] = unescape(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
    for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[match[1]!] = unescape(match[2]!);
    for (const match of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const selected = /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(match[2]!);
      if (selected) fields[match[1]!] = unescape(selected[1]!);
    }
    return fields;
  }
});
