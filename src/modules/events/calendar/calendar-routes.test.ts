import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { eventRegistrations, events, users } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { assertParisTimes, parseCalendar } from "../../../../tests/support/ical.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { newCheckInToken } from "../use-cases/seats.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2027-03-01T09:00:00Z") };
const db = () => platform.database.db;
const anonymous = () => httpSessionOn(platform);
const publicUrl = "http://localhost:3000";

const member = "ines.benali@insee.fr";
const otherMember = "thomas.leroy@ign.fr";
const programmeTeam = "camille.martin@numerique.gouv.fr";

let sequence = 0;

/** An event with a place and a visio link (hybrid), Tuesday 9 March 2027 14 h – 17 h 30 in Paris (winter time) unless told. */
async function createEvent(overrides: Partial<typeof events.$inferInsert> = {}) {
  sequence += 1;
  const [event] = await db()
    .insert(events)
    .values({
      slug: `atelier-calendrier-${sequence}`,
      kind: "atelier",
      title: `Atelier calendrier ${sequence}`,
      description: "On parle **agendas**.",
      startsAt: new Date("2027-03-09T13:00:00Z"),
      endsAt: new Date("2027-03-09T16:30:00Z"),
      placeName: "Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      placeAccess: "Badge à l’accueil, pièce d’identité",
      visioUrl: "https://webinaire.numerique.gouv.fr/meeting/signin/1234",
      inPersonCapacity: 20,
      remoteCapacity: 50,
      audience: "public",
      version: 3,
      ...overrides,
    })
    .returning();
  return event!;
}

async function userId(email: string): Promise<string> {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

async function register(eventId: string, email: string, status: "confirmed" | "waitlisted" | "cancelled" | "pending", mode: "in_person" | "remote" = "in_person") {
  await db().insert(eventRegistrations).values({ eventId, userId: await userId(email), mode, status, checkInToken: newCheckInToken() });
}

function feedPathIn(html: string): string {
  const match = /value="http:\/\/localhost:3000(\/calendrier\/[\w-]{32}\.ics)"/.exec(html);
  assert.ok(match, "l’adresse du calendrier est affichée");
  return match[1]!;
}

describe("calendars", () => {
  let memberSession: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock });
    memberSession = await signInOverHttp(platform, member);
  });
  after(async () => {
    await platform.stop();
  });

  it("serves one event as a file that parses, with the Paris time zone, place, access notes, visio link and address", async () => {
    const event = await createEvent();
    await register(event.id, member, "confirmed", "remote");
    const response = await memberSession.get(`/evenements/${event.slug}/calendrier.ics`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/calendar; charset=utf-8");
    assert.equal(response.headers["content-disposition"], `attachment; filename="${event.slug}.ics"`);
    const calendar = parseCalendar(response.body);
    assert.equal(calendar.method, "PUBLISH");
    assert.deepEqual(calendar.timezones, ["Europe/Paris"]);
    assert.equal(calendar.entries.length, 1);
    const [entry] = calendar.entries;
    assertParisTimes(entry!, { start: event.startsAt, end: event.endsAt, wallTime: "2027-03-09T14:00:00" });
    assert.equal(entry!.uid, `${event.id}@programme-10-pourcent`);
    assert.equal(entry!.sequence, 3);
    assert.equal(entry!.status, "CONFIRMED");
    assert.equal(entry!.summary, event.title);
    assert.equal(entry!.location, "Ségur, 20 avenue de Ségur, 75007 Paris");
    assert.match(entry!.description!, /Accès\u00a0: Badge à l’accueil, pièce d’identité/);
    assert.match(entry!.description!, /Visio\u00a0: https:\/\/webinaire\.numerique\.gouv\.fr\/meeting\/signin\/1234/);
    assert.equal(entry!.url, `${publicUrl}/evenements/${event.slug}`);
    // DTSTAMP is UTC, as RFC 5545 requires.
    assert.match(response.body, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it("writes summer events in Paris summer time", async () => {
    const event = await createEvent({ startsAt: new Date("2027-06-15T12:00:00Z"), endsAt: new Date("2027-06-15T14:00:00Z") });
    const [entry] = parseCalendar((await anonymous().get(`/evenements/${event.slug}/calendrier.ics`)).body).entries;
    assertParisTimes(entry!, { start: event.startsAt, end: event.endsAt, wallTime: "2027-06-15T14:00:00" });
  });

  it("gives the visio link, as the event page does, only to the people holding a seat and to the programme team", async () => {
    const otherSession = await signInOverHttp(platform, otherMember);
    const teamSession = await signInOverHttp(platform, programmeTeam);
    for (const audience of ["public", "members"] as const) {
      const event = await createEvent({ audience });
      const path = `/evenements/${event.slug}/calendrier.ics`;
      const visioOf = async (session: HttpSession) => {
        const calendar = parseCalendar((await session.get(path)).body);
        return calendar.entries[0]!.description!.includes("webinaire.numerique.gouv.fr");
      };
      assert.equal(await visioOf(anonymous()), false);
      assert.equal(await visioOf(memberSession), false);
      await register(event.id, member, "confirmed", "remote");
      assert.equal(await visioOf(memberSession), true);
      await register(event.id, otherMember, "waitlisted", "remote");
      assert.equal(await visioOf(otherSession), false);
      assert.equal(await visioOf(teamSession), true);
      // The others read that the link goes to registered people; the place is no secret.
      const [entry] = parseCalendar((await anonymous().get(path)).body).entries;
      assert.match(entry!.description!, /Visio\u00a0: le lien de connexion est envoyé aux personnes inscrites\./);
      assert.equal(entry!.location, "Ségur, 20 avenue de Ségur, 75007 Paris");
    }
  });

  it("answers 404 for an unknown event", async () => {
    assert.equal((await anonymous().get("/evenements/nexiste-pas/calendrier.ics")).statusCode, 404);
    assert.equal((await anonymous().get("/evenements/Pas%20un%20slug/calendrier.ics")).statusCode, 404);
  });

  it("publishes the programme feed of public events, cancelled ones marked so that clients strike them out", async () => {
    const open = await createEvent({ title: "Webinaire ouvert", kind: "webinaire", placeName: null, placeAddress: null, placeAccess: null, inPersonCapacity: null });
    const cancelled = await createEvent({ title: "Bootcamp annulé", kind: "bootcamp", status: "cancelled", cancellationReason: "Grève" });
    const membersOnly = await createEvent({ title: "Atelier réservé", audience: "members" });
    const longPast = await createEvent({ title: "Vieux webinaire", startsAt: new Date("2026-01-10T13:00:00Z"), endsAt: new Date("2026-01-10T14:00:00Z") });
    const response = await anonymous().get("/evenements/calendrier.ics");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/calendar; charset=utf-8");
    assert.equal(response.headers["content-disposition"], undefined);
    const calendar = parseCalendar(response.body);
    assert.deepEqual(calendar.timezones, ["Europe/Paris"]);
    assert.equal(calendar.refreshInterval, "PT1H");
    assert.equal(calendar.publishedTtl, "PT1H");
    const byUid = new Map(calendar.entries.map((entry) => [entry.uid, entry]));
    const webinar = byUid.get(`${open.id}@programme-10-pourcent`);
    assert.ok(webinar);
    assertParisTimes(webinar, { start: open.startsAt, end: open.endsAt, wallTime: "2027-03-09T14:00:00" });
    // The feed is anonymous: the link is for registered people only.
    assert.equal(webinar.location, "En ligne");
    assert.doesNotMatch(response.body, /webinaire\.numerique\.gouv\.fr/);
    assert.equal(webinar.url, `${publicUrl}/evenements/${open.slug}`);
    const struckOut = byUid.get(`${cancelled.id}@programme-10-pourcent`);
    assert.equal(struckOut?.status, "CANCELLED");
    assert.equal(struckOut?.summary, "Annulé\u00a0: Bootcamp annulé");
    assert.equal(byUid.has(`${membersOnly.id}@programme-10-pourcent`), false);
    assert.equal(byUid.has(`${longPast.id}@programme-10-pourcent`), false);
    for (const entry of calendar.entries) assert.equal(entry.startTzid, "Europe/Paris");
  });

  it("keeps the personal feed page for members: 303 to sign in, then a button to generate the address", async () => {
    const page = await anonymous().get("/compte/calendrier");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, "/connexion?retour=%2Fcompte%2Fcalendrier");
    const refused = await anonymous().post("/compte/calendrier", {}, { formPage: "/connexion" });
    assert.equal(refused.statusCode, 401);

    const session = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
    assert.match((await session.get("/compte")).body, /<a class="fr-link fr-icon-calendar-line fr-link--icon-left" href="\/compte\/calendrier">Mes inscriptions dans mon agenda<\/a>/);
    const empty = await session.get("/compte/calendrier");
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<h1>Mes inscriptions dans mon agenda<\/h1>/);
    assert.match(empty.body, />Générer mon adresse<\/button>/);
    assert.doesNotMatch(empty.body, /\/calendrier\/[\w-]{32}\.ics/);
    assert.match(empty.body, /value="http:\/\/localhost:3000\/evenements\/calendrier\.ics"/);
    // The form needs its CSRF token.
    assert.equal((await session.post("/compte/calendrier", {}, { csrf: null })).statusCode, 403);
    const created = await session.post("/compte/calendrier", {}, { formPage: "/compte/calendrier" });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, "/compte/calendrier?adresse=creee");
    const shown = await session.get("/compte/calendrier?adresse=creee");
    assert.match(shown.body, /Votre adresse est prête/);
    for (const client of ["Thunderbird", "Outlook", "Agenda GNOME", "Google Agenda"]) assert.match(shown.body, new RegExp(`>${client}</button>`));
    assert.match(shown.body, />Révoquer et générer une nouvelle adresse<\/button>/);
    assert.match(shown.body, /href="webcal:\/\/localhost:3000\/calendrier\/[\w-]{32}\.ics"/);
    assertFrenchSpacing(shown.body);
    assertFrenchSpacing(empty.body);
    // A second « Générer » (another tab) keeps the address.
    const path = feedPathIn(shown.body);
    await session.post("/compte/calendrier", {}, { formPage: "/compte/calendrier" });
    assert.equal(feedPathIn((await session.get("/compte/calendrier")).body), path);
  });

  it("lists in the personal feed my confirmed and waiting registrations, marked, never cancelled ones nor another person's", async () => {
    const confirmed = await createEvent({ title: "Atelier confirmé", audience: "members" });
    const waiting = await createEvent({ title: "Formation complète", kind: "formation", audience: "members", startsAt: new Date("2027-06-15T12:00:00Z"), endsAt: new Date("2027-06-15T14:00:00Z") });
    const cancelledRegistration = await createEvent({ title: "Atelier quitté" });
    const cancelledEvent = await createEvent({ title: "Clôture annulée", kind: "cloture", status: "cancelled" });
    const someoneElses = await createEvent({ title: "Atelier d’un autre" });
    await register(confirmed.id, member, "confirmed", "remote");
    await register(waiting.id, member, "waitlisted", "remote");
    await register(cancelledRegistration.id, member, "cancelled");
    await register(cancelledEvent.id, member, "confirmed");
    await register(someoneElses.id, otherMember, "confirmed");

    await memberSession.post("/compte/calendrier", {}, { formPage: "/compte/calendrier" });
    const path = feedPathIn((await memberSession.get("/compte/calendrier")).body);
    // Calendar clients fetch without a session.
    const response = await anonymous().get(path);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/calendar; charset=utf-8");
    assert.equal(response.headers["x-robots-tag"], "noindex");
    const calendar = parseCalendar(response.body);
    assert.deepEqual(calendar.timezones, ["Europe/Paris"]);
    assert.equal(calendar.refreshInterval, "PT1H");
    const titles = calendar.entries.map((entry) => entry.summary);
    assert.ok(titles.includes("Atelier confirmé"));
    assert.ok(titles.includes("Liste d’attente\u00a0: Formation complète"));
    assert.ok(titles.includes("Annulé\u00a0: Clôture annulée"));
    assert.ok(!titles.some((title) => title.includes("Atelier quitté")));
    assert.ok(!titles.some((title) => title.includes("Atelier d’un autre")));
    const seat = calendar.entries.find((entry) => entry.summary === "Atelier confirmé")!;
    assertParisTimes(seat, { start: confirmed.startsAt, end: confirmed.endsAt, wallTime: "2027-03-09T14:00:00" });
    assert.equal(seat.status, "CONFIRMED");
    // A remote seat is placed online, with its link, not in the building.
    assert.equal(seat.location, "En ligne\u00a0: https://webinaire.numerique.gouv.fr/meeting/signin/1234");
    assert.equal(seat.url, `${publicUrl}/evenements/${confirmed.slug}`);
    assert.match(seat.description!, /Votre inscription est confirmée \(à distance\)/);
    assert.match(seat.description!, /Visio\u00a0: https:\/\/webinaire/);
    const queued = calendar.entries.find((entry) => entry.summary.endsWith("Formation complète"))!;
    assertParisTimes(queued, { start: waiting.startsAt, end: waiting.endsAt, wallTime: "2027-06-15T14:00:00" });
    assert.equal(queued.status, "TENTATIVE");
    assert.match(queued.description!, /Vous êtes sur la liste d’attente/);
    // No seat yet: no visio link.
    assert.doesNotMatch(queued.description!, /webinaire\.numerique/);
  });

  it("revokes the address: the old one answers 404, the new one works; unknown or malformed tokens answer 404", async () => {
    const session = await signInOverHttp(platform, otherMember);
    await session.post("/compte/calendrier", {}, { formPage: "/compte/calendrier" });
    const oldPath = feedPathIn((await session.get("/compte/calendrier")).body);
    assert.equal((await anonymous().get(oldPath)).statusCode, 200);
    assert.equal((await session.post("/compte/calendrier/nouvelle-adresse", {}, { csrf: null })).statusCode, 403);
    const renewed = await session.post("/compte/calendrier/nouvelle-adresse", {}, { formPage: "/compte/calendrier" });
    assert.equal(renewed.statusCode, 303);
    assert.equal(renewed.headers.location, "/compte/calendrier?adresse=renouvelee");
    const page = await session.get("/compte/calendrier?adresse=renouvelee");
    assert.match(page.body, /l’ancienne ne fonctionne plus/);
    const newPath = feedPathIn(page.body);
    assert.notEqual(newPath, oldPath);
    assert.equal((await anonymous().get(oldPath)).statusCode, 404);
    const feed = await anonymous().get(newPath);
    assert.equal(feed.statusCode, 200);
    assert.ok(parseCalendar(feed.body).entries.some((entry) => entry.summary === "Atelier d’un autre"));
    assert.equal((await anonymous().get(`/calendrier/${"a".repeat(32)}.ics`)).statusCode, 404);
    // A deleted account's address opens nothing, even before its row is erased.
    await db().update(users).set({ erasedAt: clock.now() }).where(eq(users.email, otherMember));
    assert.equal((await anonymous().get(newPath)).statusCode, 404);
    await db().update(users).set({ erasedAt: null }).where(eq(users.email, otherMember));
    assert.equal((await anonymous().get("/calendrier/court.ics")).statusCode, 404);
    assert.equal((await anonymous().get(newPath.replace(".ics", ""))).statusCode, 404);
  });

  it("limits how often one address may fetch personal feeds", async () => {
    const guesser = anonymous();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) statuses.push((await guesser.get(`/calendrier/${String(attempt).padStart(32, "x")}.ics`)).statusCode);
    assert.deepEqual(new Set(statuses.slice(0, 30)), new Set([404]));
    assert.equal(statuses[30], 429);
  });
});
