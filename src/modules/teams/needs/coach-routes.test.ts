import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { teamMembers, users } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn, type HttpSession } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../../tests/support/test-platform.ts";
import { addToTeam, createWishesSeason, type FreshMember, freshMember, publishSeason } from "../members-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/equipe-recherchee";
const marcEmail = "marc.petit@numerique.gouv.fr";

describe("coaches of a project, named by the programme team on « Équipe recherchée »", () => {
  let seasonId: string;
  let projectId: string;
  let otherProjectId: string;
  let lead: FreshMember;
  let member: FreshMember;
  let team: HttpSession;
  let marc: HttpSession;
  let marcId: string;

  const coachRows = async (project: string) =>
    (
      await db()
        .select({ userId: teamMembers.userId, source: teamMembers.source })
        .from(teamMembers)
        .where(and(eq(teamMembers.seasonId, seasonId), eq(teamMembers.projectId, project), eq(teamMembers.role, "coach")))
    ).map((row) => [row.userId, row.source]);

  before(async () => {
    platform = await startTestPlatform({ clock });
    const created = await createWishesSeason(db(), ["cartiflette", "datanomyme"]);
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    otherProjectId = created.projectIds.datanomyme!;
    lead = await freshMember(platform, "coach.lead", { givenName: "Léa", usualName: "Porteuse" });
    member = await freshMember(platform, "coach.member", { givenName: "Théo", usualName: "Contributeur" });
    await addToTeam(db(), { seasonId, projectId, userId: lead.id, role: "lead" });
    await addToTeam(db(), { seasonId, projectId, userId: member.id });
    await publishSeason(db(), seasonId);
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    marc = await signInOverHttp(platform, marcEmail);
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, marcEmail));
    marcId = row!.id;
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses a member and the project's lead (403), storing nothing", async () => {
    for (const session of [member.http, lead.http]) {
      const csrf = csrfTokenIn((await session.get("/contact")).body);
      assertRefusedByPermission(await session.post(`${page}/coachs`, { coachEmail: marcEmail }, { csrf }), 403);
      assertRefusedByPermission(await session.post(`${page}/coachs/${marcId}/retirer`, {}, { csrf }), 403);
    }
    assert.deepEqual(await coachRows(projectId), []);
    // The lead's page has no coaches' section: only the programme team names them.
    assert.doesNotMatch((await lead.http.get(page)).body, /Coachs du projet/);
  });

  it("refuses at the field, keeping the input (400): no address, an unknown address, a member who is not a coach", async () => {
    const form = await team.get(page);
    assert.match(form.body, /<h2 id="coachs">Coachs du projet<\/h2><p>Aucun ou aucune coach pour cette saison\.<\/p>/);
    const empty = await team.post(`${page}/coachs`, { coachEmail: " " }, { formPage: page });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "coachEmail", "Indiquez l’adresse électronique du ou de la coach.");
    const unknown = await team.post(`${page}/coachs`, { coachEmail: "personne@insee.fr" }, { formPage: page });
    assert.equal(unknown.statusCode, 400);
    assertFieldError(unknown.body, "coachEmail", "Aucun membre de la communauté n’a cette adresse (son profil doit être complété).", "personne@insee.fr");
    const notCoach = await team.post(`${page}/coachs`, { coachEmail: member.email }, { formPage: page });
    assert.equal(notCoach.statusCode, 400);
    assertFieldError(notCoach.body, "coachEmail", "Cette personne n’a pas le rôle de coach du programme.", member.email);
    // The leads' field is left alone.
    assert.match(notCoach.body, /<input[^>]*id="leadEmail"[^>]*value=""/);
    assertFrenchSpacing(notCoach.body);
    assert.deepEqual(await coachRows(projectId), []);
  });

  it("names a coach: stored (source « named »), confirmed, mailed, and refused a second time; a coach may coach several projects", async () => {
    const visitor = httpSessionOn(platform);
    assert.match((await visitor.get("/projets/cartiflette")).body, /2\u00a0membres[,.]/);
    const named = await team.post(`${page}/coachs`, { coachEmail: marcEmail.toUpperCase() }, { formPage: page });
    assert.equal(named.statusCode, 303);
    assert.equal(named.headers.location, `${page}?coach=1`);
    assert.deepEqual(await coachRows(projectId), [[marcId, "named"]]);
    const shown = await team.get(named.headers.location as string);
    assert.match(shown.body, /Le ou la coach est nommé·e et en est informé·e par courriel\./);
    assert.match(shown.body, new RegExp(`Marc Petit<form[^>]* action="${page}/coachs/${marcId}/retirer"`));

    const mail = await waitForMail(platform, marcEmail, { matching: /coach du projet/ });
    assert.match(mail.subject, /^Vous êtes coach du projet /);
    assert.match(mail.text, /pour la saison 2031\./);
    assert.match(mail.text, /\/projets\/cartiflette\n/);
    assert.match(mail.text, /«\u00a0Gérer l’équipe\u00a0»\u00a0: \S+\/projets\/cartiflette\/equipe\n/);

    const again = await team.post(`${page}/coachs`, { coachEmail: marcEmail }, { formPage: page });
    assert.equal(again.statusCode, 400);
    assertFieldError(again.body, "coachEmail", "Cette personne est déjà coach de ce projet.", marcEmail);

    // The page cache is cleared: a visitor sees the coach counted apart from the team's size.
    assert.match((await visitor.get("/projets/cartiflette")).body, /2\u00a0membres et 1\u00a0coach[,.]/);

    const second = await team.post("/projets/datanomyme/equipe-recherchee/coachs", { coachEmail: marcEmail }, { formPage: "/projets/datanomyme/equipe-recherchee" });
    assert.equal(second.statusCode, 303);
    assert.deepEqual(await coachRows(otherProjectId), [[marcId, "named"]]);
  });

  it("shows the coach to members on the project page, and lets the coach read « Gérer l'équipe » without deciding", async () => {
    const seen = await member.http.get("/projets/cartiflette");
    assert.match(seen.body, /Marc Petit(<\/a>)? — coach/);
    assert.doesNotMatch(seen.body, /Gérer l’équipe/);

    const asCoach = await marc.get("/projets/cartiflette");
    assert.match(asCoach.body, /href="\/projets\/cartiflette\/equipe">Gérer l’équipe<\/a>/);
    assert.doesNotMatch(asCoach.body, /Modifier l’équipe recherchée/);
    const manage = await marc.get("/projets/cartiflette/equipe");
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /2\u00a0personnes/);
    assert.match(manage.body, /Marc Petit — coach/);
    assert.doesNotMatch(manage.body, /Modifier l’équipe recherchée/);
    assert.match(manage.body, /Le porteur ou la porteuse du projet et l’équipe du programme répondent aux demandes\./);
    assertRefusedByPermission(await marc.get(page), 403);
    const csrf = csrfTokenIn(manage.body);
    assertRefusedByPermission(await marc.post(`/projets/cartiflette/equipe/demandes/${lead.id}`, { decision: "accept" }, { csrf }), 403);
  });

  it("removes a coach: confirmed, their row gone, « Gérer l'équipe » closed to them again; removing twice is 404", async () => {
    const removed = await team.post(`${page}/coachs/${marcId}/retirer`, {}, { formPage: page });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `${page}?coach-retire=1`);
    assert.match((await team.get(removed.headers.location as string)).body, /Le ou la coach est retiré·e\./);
    assert.deepEqual(await coachRows(projectId), []);
    assert.deepEqual(await coachRows(otherProjectId), [[marcId, "named"]], "still coach of the other project");
    assertRefusedByPermission(await marc.get("/projets/cartiflette/equipe"), 403);
    assert.equal((await team.post(`${page}/coachs/${marcId}/retirer`, {}, { formPage: page })).statusCode, 404);
    // A lead is not removed through the coaches' route.
    assert.equal((await team.post(`${page}/coachs/${lead.id}/retirer`, {}, { formPage: page })).statusCode, 404);
  });
});
