import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { eventRegistrations, events } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import { loadLedger, summariseLedger } from "./ledger-repository.ts";

// The ledger reads attendance from the events module's check-ins at each request: whatever the programme team
// does afterwards (undo, cancel, edit) shows at once, and an attendance is never counted twice.
const now = new Date("2031-05-20T10:00:00Z");
const clock = { now: () => now };
let platform: TestPlatform;
const db = () => platform.database.db;
const season = { startsOn: "2031-01-05", endsOn: "2031-12-15" };

describe("attendance in the ledger follows the events module's check-ins", () => {
  let member: SignedInPerson;
  let team: HttpSession;
  let eventId: string;
  let registrationId: string;
  const token = "temps-emargement-jeton";

  const ledger = () => loadLedger(db(), member.id, season);
  const usedByMonth = async () =>
    Object.fromEntries(
      summariseLedger(await ledger(), null, "2031-05-20")
        .months.filter((month) => month.used > 0)
        .map((month) => [month.month, month.used]),
    );

  async function checkIn(registration: string) {
    const path = `/admin/evenements/${eventId}/pointage`;
    const response = await team.post(path, { inscription: registration, "autre-jour": "oui" }, { formPage: path });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  }

  before(async () => {
    platform = await startTestPlatform({ clock });
    const seasonId = await createTenPercentSeason(db());
    member = await signedInPerson(platform, "temps.emarge@insee.fr");
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    await insertAgreement(db(), { userId: member.id, seasonId });
    // A workshop of 6 May 2031, 14 h – 17 h in Paris: one half-day.
    const [event] = await db()
      .insert(events)
      .values({ slug: "atelier-emargement", kind: "atelier", title: "Atelier émargé", startsAt: new Date("2031-05-06T12:00:00Z"), endsAt: new Date("2031-05-06T15:00:00Z"), inPersonCapacity: 20, placeName: "Salle Ségur" })
      .returning({ id: events.id });
    eventId = event!.id;
    const [registration] = await db().insert(eventRegistrations).values({ eventId, userId: member.id, mode: "in_person", status: "confirmed", checkInToken: token }).returning({ id: eventRegistrations.id });
    registrationId = registration!.id;
  });
  after(async () => {
    await platform.stop();
  });

  it("counts nothing before the check-in, then one half-day once the team checks the member in, shown on the ledger page", async () => {
    assert.deepEqual(await ledger(), []);
    await checkIn(registrationId);
    const lines = await ledger();
    assert.equal(lines.length, 1);
    assert.deepEqual({ source: lines[0]!.source, day: lines[0]!.day, halfDays: lines[0]!.halfDays, title: lines[0]!.title }, { source: "attendance", day: "2031-05-06", halfDays: 1, title: "Atelier émargé" });
    const page = await member.http.get("/mon-10-pourcent/temps");
    assert.match(page.body, /<a href="\/evenements\/atelier-emargement">Atelier émargé<\/a>/);
    assert.match(page.body, /Atelier, sur place/);
  });

  it("does not count a second check-in of the same registration", async () => {
    await checkIn(registrationId);
    assert.deepEqual(await usedByMonth(), { "2031-05": 1 });
  });

  it("drops the attendance when the check-in is undone, and counts it again once checked in again", async () => {
    const undo = await team.post(`/pointage/${token}/annuler-arrivee`, {}, { formPage: `/pointage/${token}` });
    assert.equal(undo.statusCode, 303);
    assert.deepEqual(await ledger(), []);
    await checkIn(registrationId);
    assert.deepEqual(await usedByMonth(), { "2031-05": 1 });
  });

  it("follows the event's edits: new dates move it to their month, a whole day weighs two half-days, a webinar does not count", async () => {
    await db().update(events).set({ startsAt: new Date("2031-06-03T12:00:00Z"), endsAt: new Date("2031-06-03T15:00:00Z") }).where(eq(events.id, eventId));
    assert.deepEqual(await usedByMonth(), { "2031-06": 1 });
    await db().update(events).set({ startsAt: new Date("2031-06-03T07:00:00Z"), endsAt: new Date("2031-06-03T16:00:00Z") }).where(eq(events.id, eventId));
    assert.deepEqual(await usedByMonth(), { "2031-06": 2 });
    await db().update(events).set({ kind: "webinaire" }).where(eq(events.id, eventId));
    assert.deepEqual(await ledger(), []);
    await db().update(events).set({ kind: "atelier", startsAt: new Date("2031-05-06T12:00:00Z"), endsAt: new Date("2031-05-06T15:00:00Z") }).where(eq(events.id, eventId));
    assert.deepEqual(await usedByMonth(), { "2031-05": 1 });
  });

  it("drops the attendance when the registration is cancelled; a new registration checked in counts once, and a second live one cannot exist", async () => {
    const cancel = `/admin/evenements/${eventId}/inscriptions/${registrationId}/annuler`;
    const cancelled = await team.post(cancel, { message: "" }, { formPage: cancel });
    assert.equal(cancelled.statusCode, 303, cancelled.body.slice(0, 500));
    assert.deepEqual(await ledger(), []);

    const [again] = await db().insert(eventRegistrations).values({ eventId, userId: member.id, mode: "remote", status: "confirmed", checkInToken: "temps-emargement-jeton-2" }).returning({ id: eventRegistrations.id });
    await checkIn(again!.id);
    await assert.rejects(
      db().insert(eventRegistrations).values({ eventId, userId: member.id, mode: "in_person", status: "confirmed", checkInToken: "temps-emargement-jeton-3", attendedAt: now }),
      (error: Error & { cause?: { message?: string } }) => /one_live_registration_per_member/.test(`${error.message} ${error.cause?.message ?? ""}`),
    );
    const lines = await ledger();
    assert.deepEqual(
      lines.map((line) => [line.id, line.halfDays]),
      [[again!.id, 1]],
    );
    registrationId = again!.id;
  });

  it("drops the attendance when the event is cancelled", async () => {
    const [event] = await db().select({ version: events.version }).from(events).where(eq(events.id, eventId));
    const path = `/admin/evenements/${eventId}/annuler`;
    const cancelled = await team.post(path, { reason: "Salle indisponible.", scope: "one", version: String(event!.version) }, { formPage: path });
    assert.equal(cancelled.statusCode, 303, cancelled.body.slice(0, 500));
    assert.deepEqual(await ledger(), []);
    const page = await member.http.get("/mon-10-pourcent/temps");
    assert.match(page.body, /Aucun événement émargé cette saison\./);
  });
});
