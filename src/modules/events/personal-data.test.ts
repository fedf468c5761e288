import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, ne, sql } from "drizzle-orm";
import { calendarFeeds, eventRegistrations, events } from "../../db/schema/index.ts";
import { fillPersonalData, type FilledMember } from "../../../tests/support/personal-data-builder.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { createMembersWithSessions, createTestEvent, queuedMails } from "./registration-test-support.ts";

describe("events in the GDPR self-service", () => {
  let platform: TestPlatform;
  let member: FilledMember;

  before(async () => {
    platform = await startTestPlatform();
    member = await fillPersonalData(platform, { email: "ondine.evenements@insee.fr", givenName: "Ondine", usualName: "Évènements", slug: "ondine-evenements" });
  });
  after(async () => {
    await platform.stop();
  });

  it("exports the registrations with readable answers and attendance, the visitor registrations, reminders, the feed's existence and the events created, never a secret", async () => {
    const response = await member.session.get("/compte/donnees.json");
    assert.equal(response.statusCode, 200);
    const tables = JSON.parse(response.body) as Record<string, Record<string, unknown>[]>;
    const [registration] = tables.event_registrations!;
    assert.equal(registration!.mode, "in_person");
    assert.equal(registration!.status, "confirmed");
    assert.equal(registration!.answers, "Régime\u00a0? Végétarien (Ondine Évènements)");
    assert.ok(registration!.attended_at);
    assert.match(String(registration!.event), /^Atelier /);
    const [visitor] = tables.event_visitor_registrations!;
    assert.equal(visitor!.email, member.email);
    assert.equal(visitor!.organisation_name, "Insee");
    assert.equal(tables.event_reminders!.length, 1);
    assert.deepEqual(Object.keys(tables.calendar_feeds![0]!).sort(), ["created_at", "user_id"]);
    assert.equal(tables.events!.length, 1);
    assert.equal(tables.event_series!.length, 1);
    assert.doesNotMatch(response.body, /check_in_token|qr-|flux-|confirmation_token/);

    const page = await member.session.get("/compte/donnees");
    for (const title of ["Inscriptions aux événements", "Inscriptions sans compte avec votre adresse", "Rappels d’événements envoyés", "Agenda personnel (abonnement)", "Événements créés"]) {
      assert.ok(page.body.includes(`${title} (`), `section « ${title} » absente`);
    }
    assert.ok(page.body.includes("Sur place") && page.body.includes("Inscription confirmée"), "mode et état non traduits");
  });

  it("on deletion clears the answers, anonymises the visitor registrations, deletes the feed, keeps registrations and attendance, and gives seats to come to the waitlist", async () => {
    const db = platform.database.db;
    // A full event to come: the member holds its one seat, someone else waits for it.
    const full = await createTestEvent(platform, { startsAt: new Date("2031-05-06T12:00:00Z"), endsAt: new Date("2031-05-06T15:00:00Z"), inPersonCapacity: 1, remoteCapacity: null });
    const [waiting] = await createMembersWithSessions(platform, 1, { prefix: "attente-effacement", now: new Date() });
    await db.insert(eventRegistrations).values([
      { eventId: full.id, userId: member.id, mode: "in_person", status: "confirmed", checkInToken: "qr-place-rendue" },
      { eventId: full.id, userId: waiting!.id, mode: "in_person", status: "waitlisted", checkInToken: "qr-en-attente" },
    ]);
    const deleted = await member.session.post("/compte/suppression", { confirmation: "SUPPRIMER" });
    assert.equal(deleted.statusCode, 303);
    const [own] = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.userId, member.id), ne(eventRegistrations.checkInToken, "qr-place-rendue")));
    assert.deepEqual(own?.answers, {});
    assert.ok(own?.attendedAt, "la présence est conservée");
    const seatOf = async (token: string) => (await db.select().from(eventRegistrations).where(eq(eventRegistrations.checkInToken, token)))[0]?.status;
    assert.equal(await seatOf("qr-place-rendue"), "cancelled", "the erased member's seat to come is given back");
    assert.equal(await seatOf("qr-en-attente"), "confirmed", "the first person waiting gets it");
    assert.ok((await queuedMails(platform, waiting!.email)).some((mail) => mail.subject.includes("place")), "and is told by mail");
    const visitors = await db
      .select()
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(sql`${events.slug} like 'webinaire-%' and ${eventRegistrations.userId} is null`);
    assert.equal(visitors.length, 1);
    const anonymised = visitors[0]!.event_registrations;
    assert.match(anonymised.email ?? "", /^ancien-visiteur-[0-9a-f-]+@supprime\.invalid$/);
    assert.equal(anonymised.givenName, null);
    assert.equal(anonymised.usualName, null);
    assert.equal(anonymised.organisationName, null);
    assert.deepEqual(anonymised.answers, {});
    assert.equal(anonymised.status, "cancelled", "a visitor registration to come is given back too");
    assert.deepEqual(await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, member.id)), []);
    assert.equal((await db.select().from(events).where(eq(events.createdBy, member.id))).length, 1);
  });
});
