import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { calendarFeeds, eventRegistrations, events } from "../../db/schema/index.ts";
import { fillPersonalData, type FilledMember } from "../../../tests/support/personal-data-builder.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

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

  it("on deletion clears the answers, anonymises the visitor registrations, deletes the feed, and keeps registrations and attendance", async () => {
    const deleted = await member.session.post("/compte/suppression", { confirmation: "SUPPRIMER" });
    assert.equal(deleted.statusCode, 303);
    const db = platform.database.db;
    const [own] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.userId, member.id));
    assert.deepEqual(own?.answers, {});
    assert.ok(own?.attendedAt, "la présence est conservée");
    assert.equal(own?.status, "confirmed");
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
    assert.equal(anonymised.status, "confirmed");
    assert.deepEqual(await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, member.id)), []);
    assert.equal((await db.select().from(events).where(eq(events.createdBy, member.id))).length, 1);
  });
});
