import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
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
    const added = await member.http.post("/voeux/ajouter", { projectId }, { formPage: "/projets/cartiflette" });
    assert.equal(added.statusCode, 303);
    assert.doesNotMatch(asMember.body, /Gérer l’équipe/);
    assert.match((await lead.http.get("/projets/cartiflette")).body, /href="\/projets\/cartiflette\/equipe">Gérer l’équipe<\/a>/);
  });

  it("once published: the count and ministries for a visitor, names and roles for members (a profile link only where they may see it), and « Demander à rejoindre » for a member in no team", async () => {
    await publishSeason(db(), seasonId);
    await addToTeam(db(), { seasonId, projectId, userId: hidden.id });
    const anonymous = await build(null, after2031);
    assert.equal(anonymous?.team?.count, 2);
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
});
