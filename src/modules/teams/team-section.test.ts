import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { profiles, projects, skills } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import type { CurrentUser } from "../identity/api.ts";
import { addToTeam, createWishesSeason, type FreshMember, freshMember, publishSeason, setNeeds } from "./members-test-support.ts";
import { createTeamSection } from "./team-section.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
const during = new Date("2031-03-12T10:00:00Z");
const after2031 = new Date("2031-04-02T10:00:00Z");
let now = during;

function asUser(member: FreshMember, roles: string[] = ["member"]): CurrentUser {
  return { id: member.id, email: member.email, givenName: null, usualName: null, organisationId: null, roles: roles.map((role) => ({ role, organisationId: null })) } as CurrentUser;
}

describe("the team section of a project page", () => {
  let seasonId: string;
  let projectId: string;
  let lead: FreshMember;
  let member: FreshMember;
  let hidden: FreshMember;
  let section: ReturnType<typeof createTeamSection>;

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
    const created = await createWishesSeason(db(), ["cartiflette"]);
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    lead = await freshMember(platform, "section.lead", { givenName: "Lou", usualName: "Porteuse" });
    member = await freshMember(platform, "section.member");
    hidden = await freshMember(platform, "section.hidden", { givenName: "Hugo", usualName: "Discret" });
    await db().update(profiles).set({ visibility: "programme_team" }).where(eq(profiles.userId, hidden.id));
    await addToTeam(db(), { seasonId, projectId, userId: lead.id, role: "lead" });
    await setNeeds(db(), { seasonId, projectId, minSize: 2, maxSize: 5 });
    section = createTeamSection({ db: db() });
  });
  after(async () => {
    await platform.stop();
  });

  const build = (viewer: CurrentUser | null, now: Date) => section({ projectId, projectSlug: "cartiflette", viewer, now });

  it("during the wishes phase: the needs, « Je souhaite contribuer » for a member, a sign-in link for a visitor, the lead's links", async () => {
    const [python] = await db().select({ id: skills.id }).from(skills).where(eq(skills.name, "Python"));
    const { projectNeeds } = await import("../../db/schema/index.ts");
    await db().update(projectNeeds).set({ skills: [{ skillId: python!.id, level: 3, required: true }], whyJoin: "Des cartes." }).where(eq(projectNeeds.projectId, projectId));
    const anonymous = await build(null, during);
    assert.deepEqual(anonymous?.needs, { size: "De 2 à 5\u00a0personnes", skills: [{ name: "Python", level: "Expert·e", required: true }], rhythm: "Les deux", whyJoin: "Des cartes." });
    assert.deepEqual(anonymous?.wish, { kind: "sign-in", href: "/connexion?retour=%2Fprojets%2Fcartiflette" });
    assert.equal(anonymous?.team, null, "not published yet");
    assert.equal(anonymous?.manage, null);
    const asMember = await build(asUser(member), during);
    assert.deepEqual(asMember?.wish, { kind: "form", projectId, closesOn: "2031-03-16" });
    assert.equal(asMember?.joinHref, null);
    assert.equal(asMember?.manage, null);
    assert.deepEqual((await build(asUser(lead), during))?.manage, { needsHref: "/projets/cartiflette/equipe-recherchee", teamHref: "/projets/cartiflette/equipe" });
    assert.equal((await build(asUser(member), new Date("2031-03-17T10:00:00Z")))?.wish, null, "the phase is over");
  });

  it("before publication, says where the team stands, the same for every visitor; no « Je souhaite contribuer » for the project's lead", async () => {
    const toCome = "L’équipe sera formée après la phase des vœux (du 10 au 16 mars 2031).";
    for (const viewer of [null, asUser(member), asUser(lead)]) {
      assert.equal((await build(viewer, new Date("2031-02-01T10:00:00Z")))?.formation, toCome, "before the phase");
      assert.equal((await build(viewer, during))?.formation, toCome, "during the phase");
      assert.equal((await build(viewer, new Date("2031-03-17T10:00:00Z")))?.formation, "L’équipe est en cours de formation.", "after the phase");
    }
    assert.equal((await build(asUser(lead), during))?.wish, null, "the lead is fixed in their project");
  });

  it("renders on the project page: « Je souhaite contribuer » posting to /voeux/ajouter for a member, « Connectez-vous pour contribuer » for a visitor", async () => {
    now = during;
    const visitor = await httpSessionOn(platform).get("/projets/cartiflette");
    assert.equal(visitor.statusCode, 200);
    assert.match(visitor.body, /<h3 class="fr-h5" id="equipe-recherchee">Équipe recherchée<\/h3>/);
    assert.match(visitor.body, /<a class="fr-btn fr-btn--secondary" href="\/connexion\?retour=%2Fprojets%2Fcartiflette">Connectez-vous pour contribuer<\/a>/);
    // The section's own text (the page around it holds imported content).
    assertFrenchSpacing(/<section aria-labelledby="equipe"[^]*?<\/section>/.exec(visitor.body)![0], [(await db().select().from(projects).where(eq(projects.id, projectId)))[0]!.title]);
    const asMember = await member.http.get("/projets/cartiflette");
    assert.match(asMember.body, new RegExp(`<form action="/voeux/ajouter" method="post"><input type="hidden" name="_csrf" value="[^"]+"/><input type="hidden" name="projectId" value="${projectId}"/><button class="fr-btn" type="submit">Je souhaite contribuer</button></form>`));
    assert.match(visitor.body, /<p>L’équipe sera formée après la phase des vœux \(du 10 au 16 mars 2031\)\.<\/p>/);
    const added = await member.http.post("/voeux/ajouter", { projectId }, { formPage: "/projets/cartiflette" });
    assert.equal(added.statusCode, 303);
    assert.doesNotMatch(asMember.body, /Gérer l’équipe/);
    // Once wished: where it stands in the member's wishes, no second « Je souhaite contribuer ».
    assert.deepEqual((await build(asUser(member), during))?.wish, { kind: "wished", rank: 1, href: "/voeux" });
    const wished = await member.http.get("/projets/cartiflette");
    assert.match(wished.body, /<a href="\/voeux">Dans vos vœux \(rang 1\)<\/a>/);
    assert.doesNotMatch(wished.body, /Je souhaite contribuer/);
    const asLead = await lead.http.get("/projets/cartiflette");
    assert.match(asLead.body, /href="\/projets\/cartiflette\/equipe">Gérer l’équipe<\/a>/);
    assert.doesNotMatch(asLead.body, /Je souhaite contribuer/);
  });

  it("once published: the count and ministries for a visitor, names and roles for members (a profile link only where they may see it), and « Demander à rejoindre » for a member in no team", async () => {
    await publishSeason(db(), seasonId);
    await addToTeam(db(), { seasonId, projectId, userId: hidden.id });
    const anonymous = await build(null, after2031);
    assert.equal(anonymous?.team?.count, 2);
    assert.equal(anonymous?.team?.full, false);
    assert.equal(anonymous?.formation, null, "published");
    assert.equal(anonymous?.team?.members, null);
    assert.equal(anonymous?.wish, null);
    assert.equal(anonymous?.joinHref, null);
    const asMember = await build(asUser(member), after2031);
    assert.deepEqual(
      asMember?.team?.members?.map((row) => [row.name, row.role, row.href]),
      [
        ["Lou Porteuse", "porteur·euse", "/annuaire/section.lead-test"],
        ["Hugo Discret", "contributeur·rice", null],
      ],
    );
    assert.equal(asMember?.joinHref, "/projets/cartiflette/rejoindre");
    assert.equal((await build(asUser(hidden), after2031))?.joinHref, null, "already in the team");
    const asTeam = await build(asUser(member, ["member", "programme_team"]), after2031);
    assert.equal(asTeam?.team?.members?.[1]?.href, "/annuaire/section.hidden-test");
    assert.ok(asTeam?.manage);
    now = after2031;
    // Another address than the first visit's: the anonymous page cache is cleared by writes through the app, not by this test's inserts.
    const visitor = await httpSessionOn(platform).get("/projets/cartiflette?publiee=1");
    assert.match(visitor.body, /<h3 class="fr-h5">Membres de l’équipe<\/h3><p>2\u00a0membres/);
    assert.doesNotMatch(visitor.body, /Lou Porteuse|Hugo Discret/);
    const seen = await member.http.get("/projets/cartiflette");
    assert.match(seen.body, /<a href="\/annuaire\/section.lead-test">Lou Porteuse<\/a> — porteur·euse/);
    assert.match(seen.body, /<a class="fr-btn" href="\/projets\/cartiflette\/rejoindre">Demander à rejoindre l’équipe<\/a>/);
  });

  it("a full team (as many members as the maximum size) shows « Équipe complète » instead of « Demander à rejoindre l'équipe »", async () => {
    now = after2031;
    const { projectNeeds } = await import("../../db/schema/index.ts");
    await db().update(projectNeeds).set({ maxSize: 2 }).where(and(eq(projectNeeds.projectId, projectId), eq(projectNeeds.seasonId, seasonId)));
    const asMember = await build(asUser(member), after2031);
    assert.equal(asMember?.team?.full, true);
    assert.equal(asMember?.joinHref, null);
    const seen = await member.http.get("/projets/cartiflette");
    assert.match(seen.body, /<p class="fr-badge fr-badge--info fr-mb-2w">Équipe complète<\/p>/);
    assert.doesNotMatch(seen.body, /Demander à rejoindre l’équipe/);
    assert.match((await httpSessionOn(platform).get("/projets/cartiflette?complete=1")).body, /Équipe complète/);
    await db().update(projectNeeds).set({ maxSize: 5 }).where(and(eq(projectNeeds.projectId, projectId), eq(projectNeeds.seasonId, seasonId)));
  });

  it("lists the project's teams of earlier seasons, most recent first: counts for a visitor, names and roles for a member", async () => {
    now = after2031;
    // Cartiflette ran in the demo's 2022 and 2023 (published from the participations) and 2026-2027 (not published).
    const anonymous = await build(null, after2031);
    assert.deepEqual(
      anonymous?.pastSeasons.map((past) => past.seasonName),
      ["Saison 2023", "Saison 2022"],
    );
    assert.ok(anonymous!.pastSeasons.every((past) => past.members === null && past.count > 0 && past.ministries.length > 0));
    const asMember = await build(asUser(member), after2031);
    const [latest] = asMember!.pastSeasons;
    assert.equal(latest?.members?.length, latest!.count + latest!.coaches);
    assert.ok(latest?.members?.every((row) => row.name && row.role));
    const visitor = await httpSessionOn(platform).get("/projets/cartiflette?saisons=1");
    const past = new RegExp(`<p>Saison 2023\u00a0: ${latest!.count}\u00a0membres${latest!.coaches > 0 ? "[^<]*" : ""} de ${anonymous!.pastSeasons[0]!.ministries.length}\u00a0ministères</p>`);
    assert.match(visitor.body, /<h3 class="fr-h5">Les équipes des saisons précédentes<\/h3>/);
    assert.match(visitor.body, past);
    const section = /<section aria-labelledby="equipe"[^]*?<\/section>/.exec(visitor.body)![0];
    assert.ok(!latest!.members!.some((row) => section.includes(row.name)), "no names for a visitor");
    const seen = await member.http.get("/projets/cartiflette");
    assert.ok(seen.body.includes(`${latest!.members![0]!.name}</a> — ${latest!.members![0]!.role}`) || seen.body.includes(`${latest!.members![0]!.name} — ${latest!.members![0]!.role}`));
    const seenSection = /<section aria-labelledby="equipe"[^]*?<\/section>/.exec(seen.body)![0];
    assert.ok(seenSection.indexOf("Saison 2023\u00a0:") < seenSection.indexOf("Saison 2022\u00a0:"), "most recent first");
  });
});
