import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { joinRequests, participations, teamMembers, userRoles, users } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing, typographyMistakes } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { addToTeam, createWishesSeason, type FreshMember, freshMember, publishSeason, setNeeds } from "../members-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
const db = () => platform.database.db;
const join = "/projets/cartiflette/rejoindre";
const manage = "/projets/cartiflette/equipe";

describe("joining a team after publication", () => {
  let seasonId: string;
  let ids: Record<string, string>;
  let lead: FreshMember;
  let first: FreshMember;
  let second: FreshMember;
  let third: FreshMember;

  const pendingOf = async (userId: string) => (await db().select().from(joinRequests).where(and(eq(joinRequests.userId, userId), eq(joinRequests.seasonId, seasonId)))).map((row) => [row.projectId, row.state]);
  const requestIdOf = async (userId: string) => (await db().select({ id: joinRequests.id }).from(joinRequests).where(and(eq(joinRequests.userId, userId), eq(joinRequests.state, "pending"))))[0]!.id;

  before(async () => {
    platform = await startTestPlatform({ clock });
    ({ seasonId, projectIds: ids } = await createWishesSeason(db(), ["cartiflette", "chartgouv"]));
    lead = await freshMember(platform, "join.lead", { givenName: "Léon", usualName: "Porteur" });
    first = await freshMember(platform, "join.first", { givenName: "Prune", usualName: "Première" });
    second = await freshMember(platform, "join.second");
    third = await freshMember(platform, "join.third");
    await addToTeam(db(), { seasonId, projectId: ids.cartiflette!, userId: lead.id, role: "lead" });
    // Three at most: the lead and two more.
    await setNeeds(db(), { seasonId, projectId: ids.cartiflette!, minSize: 2, maxSize: 3 });
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses an anonymous request (401), « Gérer l'équipe » to a member who is not the lead (403) and a decision by them (403)", async () => {
    const anonymous = httpSessionOn(platform);
    assertRefusedByPermission(await anonymous.post(join, { message: "" }, { csrf: csrfTokenIn((await anonymous.get("/contact")).body) }), 401);
    assertRefusedByPermission(await first.http.get(manage), 403);
    const csrf = csrfTokenIn((await first.http.get("/contact")).body);
    assertRefusedByPermission(await first.http.post(`${manage}/demandes/00000000-0000-4000-8000-000000000000`, { decision: "accept" }, { csrf }), 403);
  });

  it("refuses a request before the teams are published (409), and a message over 500 characters (400)", async () => {
    const early = await first.http.post(join, { message: "Bonjour" });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /Les équipes de la saison ne sont pas encore publiées/);
    assertFrenchSpacing(early.body);
    await publishSeason(db(), seasonId);
    const long = await first.http.post(join, { message: "x".repeat(501) });
    assert.equal(long.statusCode, 400);
    assertFieldError(long.body, "message", "Ce champ ne peut pas dépasser 500 caractères.");
    assert.ok(long.body.includes(`>${"x".repeat(501)}</textarea>`), "the message is kept");
    assert.deepEqual(await pendingOf(first.id), []);
  });

  it("sends a request to the lead by mail, one pending request at a time, which the member may withdraw", async () => {
    const sent = await first.http.post(join, { message: "Je fais de la cartographie." });
    assert.equal(sent.statusCode, 303);
    assert.match((await first.http.get(sent.headers.location as string)).body, /Votre demande est envoyée/);
    const mail = (await queuedMails(platform, lead.email)).at(-1);
    assert.equal(mail?.subject, "Prune Première souhaite rejoindre l’équipe de Cartiflette");
    assert.match(mail!.text, /Je fais de la cartographie\./);
    assert.deepEqual(typographyMistakes(mail!.text.replace(/https?:\/\/\S+/g, "")), []);
    assert.match(mail!.text, /http:\/\/localhost:3000\/projets\/cartiflette\/equipe/);
    const elsewhere = await first.http.post("/projets/chartgouv/rejoindre", { message: "" }, { formPage: join });
    assert.equal(elsewhere.statusCode, 409);
    assert.match(elsewhere.body, /Vous avez déjà une demande en attente cette saison/);

    assert.equal((await third.http.post(join, { message: "" })).statusCode, 303);
    const withdrawn = await third.http.post(`${join}/retirer`, {}, { formPage: join });
    assert.equal(withdrawn.statusCode, 303);
    assert.deepEqual(await pendingOf(third.id), [[ids.cartiflette, "withdrawn"]]);
  });

  it("lets the lead accept within the maximum size: the member joins, is recorded and mailed", async () => {
    const page = await lead.http.get(manage);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong>Prune Première<\/strong>/);
    assert.match(page.body, /1\u00a0personne sur 3\u00a0au plus/);
    assertFrenchSpacing(page.body);
    const accepted = await lead.http.post(`${manage}/demandes/${await requestIdOf(first.id)}`, { decision: "accept" }, { formPage: manage });
    assert.equal(accepted.statusCode, 303);
    const [member] = await db().select().from(teamMembers).where(and(eq(teamMembers.userId, first.id), eq(teamMembers.seasonId, seasonId)));
    assert.deepEqual([member?.projectId, member?.role, member?.source], [ids.cartiflette, "contributor", "join_request"]);
    const recorded = await db().select().from(participations).where(eq(participations.userId, first.id));
    assert.deepEqual(
      recorded.map((row) => [row.season, row.projectSlug]),
      [["2031", "cartiflette"]],
    );
    assert.equal((await queuedMails(platform, first.email)).at(-1)?.subject, "Bienvenue dans l’équipe de Cartiflette");
    // In a team now: no second request.
    const again = await first.http.post("/projets/chartgouv/rejoindre", { message: "" }, { formPage: join });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Vous faites déjà partie d’une équipe cette saison\./);
  });

  it("refuses to accept above the maximum size (409) and lets the lead decline, mailing the member", async () => {
    // Asked while a seat was free; the team filled up since.
    assert.equal((await second.http.post(join, { message: "" })).statusCode, 303);
    await addToTeam(db(), { seasonId, projectId: ids.cartiflette!, userId: third.id });
    const requestId = await requestIdOf(second.id);
    const full = await lead.http.post(`${manage}/demandes/${requestId}`, { decision: "accept" }, { formPage: manage });
    assert.equal(full.statusCode, 409);
    assert.match(full.body, /L’équipe est complète \(3\u00a0personnes au plus\)/);
    assertFrenchSpacing(full.body);
    assert.deepEqual(await pendingOf(second.id), [[ids.cartiflette, "pending"]]);
    const declined = await lead.http.post(`${manage}/demandes/${requestId}`, { decision: "decline" }, { formPage: manage });
    assert.equal(declined.statusCode, 303);
    assert.deepEqual(await pendingOf(second.id), [[ids.cartiflette, "declined"]]);
    assert.equal((await queuedMails(platform, second.email)).at(-1)?.subject, "Votre demande pour rejoindre Cartiflette");
    assert.equal((await db().select().from(teamMembers).where(and(eq(teamMembers.projectId, ids.cartiflette!), eq(teamMembers.seasonId, seasonId)))).length, 3);
  });

  it("refuses a request to a full team (409, French message): nothing stored, nobody mailed", async () => {
    // lead + first + third: 3 of 3 at most.
    const fourth = await freshMember(platform, "join.fourth");
    const mark = await markMailQueue(platform);
    const page = await fourth.http.get(join);
    assert.match(page.body, /L’équipe est complète \(3\u00a0personnes au plus\)\u00a0: elle n’accepte plus de demandes\./);
    const refused = await fourth.http.post(join, { message: "Une place ?" }, { formPage: join });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /L’équipe est complète \(3\u00a0personnes au plus\)\u00a0: elle n’accepte plus de demandes\./);
    assertFrenchSpacing(refused.body);
    assert.deepEqual(await pendingOf(fourth.id), []);
    assert.deepEqual(await queuedMails(platform, undefined, { since: mark }), []);
  });

  it("mails the programme team's accounts when the project has no lead, and says so to the member", async () => {
    const asker = await freshMember(platform, "join.nolead", { givenName: "Nina", usualName: "Sanslead" });
    const mark = await markMailQueue(platform);
    const sent = await asker.http.post("/projets/chartgouv/rejoindre", { message: "" }, { formPage: join });
    assert.equal(sent.statusCode, 303);
    const confirmation = await asker.http.get(sent.headers.location as string);
    assert.match(confirmation.body, /Votre demande est envoyée à l’équipe du Programme 10\u00a0%, le projet n’ayant pas de porteur ni de porteuse\./);
    assert.doesNotMatch(confirmation.body, /envoyée au porteur ou à la porteuse/);
    assertFrenchSpacing(confirmation.body);
    const team = (await db().select({ email: users.email }).from(userRoles).innerJoin(users, eq(users.id, userRoles.userId)).where(eq(userRoles.role, "programme_team"))).map((row) => row.email);
    assert.ok(team.length > 0, "the demo has programme team accounts");
    const mails = await queuedMails(platform, undefined, { since: mark });
    assert.deepEqual(mails.map((mail) => mail.to).sort(), [...new Set(team)].sort());
    assert.ok(mails.every((mail) => mail.subject === "Nina Sanslead souhaite rejoindre l’équipe de ChartsGouv"), mails.map((mail) => mail.subject).join(" | "));
  });
});
