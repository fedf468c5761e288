import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { workspaceMilestones } from "../../../db/schema/index.ts";
import { assertFieldError, fieldGroup } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { findNextMilestone, listMilestoneCounts } from "./milestone-repository.ts";
import { createWorkspaceSeason, joinTeam, type SignedInPerson, signedInPerson } from "../workspace-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-05-10T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/espace/jalons?saison=2031";
const path = (suffix: string) => `/projets/cartiflette/espace/jalons${suffix}?saison=2031`;

/** The part of the page about one phase: its section, up to the next one. */
function phaseSection(html: string, key: string): string {
  const start = html.indexOf(`<section aria-labelledby="phase-${key}"`);
  assert.ok(start >= 0, `pas de section ${key}`);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("« Jalons » of a project's workspace", () => {
  let seasonId: string;
  let projectId: string;
  let otherProjectId: string;
  let lead: SignedInPerson;
  let contributor: SignedInPerson;
  let outsider: SignedInPerson;
  let coach: SignedInPerson;

  const rows = () => db().select().from(workspaceMilestones).where(and(eq(workspaceMilestones.projectId, projectId), eq(workspaceMilestones.seasonId, seasonId)));

  before(async () => {
    platform = await startTestPlatform({ clock });
    const created = await createWorkspaceSeason(db(), ["cartiflette", "datanomyme"]);
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    otherProjectId = created.projectIds.datanomyme!;
    lead = await signedInPerson(platform, "jalons.porteuse@insee.fr", { givenName: "Léa", usualName: "Porteuse" });
    contributor = await signedInPerson(platform, "jalons.contributeur@insee.fr", { givenName: "Théo", usualName: "Contributeur" });
    outsider = await signedInPerson(platform, "jalons.dehors@insee.fr");
    coach = await signedInPerson(platform, "marc.petit@numerique.gouv.fr");
    await joinTeam(db(), { seasonId, projectId, userId: lead.id, role: "lead" });
    await joinTeam(db(), { seasonId, projectId, userId: contributor.id, role: "contributor" });
    await joinTeam(db(), { seasonId, projectId, userId: coach.id, role: "coach" });
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses a member outside the team (403) and a coach who tries to add, change or delete (403), storing nothing", async () => {
    assertRefusedByPermission(await outsider.http.get(page), 403);
    const [other] = await db()
      .insert(workspaceMilestones)
      .values({ projectId, seasonId, phase: "construction", title: "Jalon témoin", dueOn: "2031-06-01" })
      .returning({ id: workspaceMilestones.id });
    const fields = { phase: "construction", title: "Un jalon", dueOn: "2031-06-15" };
    for (const session of [outsider.http, coach.http]) {
      const csrf = csrfTokenIn((await session.get("/contact")).body);
      assertRefusedByPermission(await session.post(page, fields, { csrf }), 403);
      assertRefusedByPermission(await session.post(path(`/${other!.id}/etat`), { state: "done" }, { csrf }), 403);
      assertRefusedByPermission(await session.post(path(`/${other!.id}/supprimer`), {}, { csrf }), 403);
    }
    const stored = await rows();
    assert.deepEqual(
      stored.map((row) => [row.title, row.state]),
      [["Jalon témoin", "todo"]],
    );
    // The coach reads the milestones, without the forms.
    const read = await coach.http.get(page);
    assert.equal(read.statusCode, 200);
    assert.match(read.body, /Jalon témoin/);
    assert.doesNotMatch(read.body, /Ajouter un jalon|Changer l’état/);
    await db().delete(workspaceMilestones).where(eq(workspaceMilestones.id, other!.id));
  });

  it("refuses bad input at the field in French, keeping what was typed (400)", async () => {
    const empty = await lead.http.post(page, { phase: "", title: " ", dueOn: "", ownerId: "" }, { formPage: page });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "phase", "Choisissez la phase du jalon.");
    assertFieldError(empty.body, "title", "Indiquez l’intitulé du jalon.");
    assertFieldError(empty.body, "dueOn", "Indiquez la date d’échéance du jalon.");

    const late = await lead.http.post(page, { phase: "restitution", title: "Démo finale", dueOn: "2032-01-10", ownerId: outsider.id }, { formPage: page });
    assert.equal(late.statusCode, 400);
    assertFieldError(late.body, "dueOn", "La date d’échéance doit être dans la saison, qui se termine le 15 décembre 2031.", "2032-01-10");
    assertFieldError(late.body, "ownerId", "Choisissez un membre de l’équipe de cette saison.");
    assert.match(fieldGroup(late.body, "title"), /value="Démo finale"/);
    assert.match(late.body, /<option value="restitution" selected="">Restitution<\/option>/);

    const early = await lead.http.post(page, { phase: "investigation", title: "x".repeat(201), dueOn: "2031-01-04" }, { formPage: page });
    assert.equal(early.statusCode, 400);
    assertFieldError(early.body, "dueOn", "La date d’échéance doit être dans la saison, qui commence le 5 janvier 2031.", "2031-01-04");
    assertFieldError(early.body, "title", "L’intitulé ne peut pas dépasser 200\u00a0caractères.");

    const notADay = await lead.http.post(page, { phase: "investigation", title: "Entretiens", dueOn: "2031-02-30" }, { formPage: page });
    assert.equal(notADay.statusCode, 400);
    assertFieldError(notADay.body, "dueOn", "Indiquez une date valide, au format jj/mm/aaaa.", "2031-02-30");
    assert.deepEqual(await rows(), []);
  });

  it("adds milestones in their phase, sorted by due date, and says when a phase's presentation is still to plan", async () => {
    const before = await lead.http.get(page);
    assert.equal(before.statusCode, 200);
    assert.match(phaseSection(before.body, "investigation"), /Du 10 mars 2031 au 30 avril 2031/);
    assert.match(phaseSection(before.body, "restitution"), /Du 1er novembre 2031 au 15 décembre 2031/);
    for (const key of ["investigation", "construction", "amplification", "restitution"]) assert.match(phaseSection(before.body, key), /Présentation de fin de phase à prévoir\./);
    // The owner select offers the team, not the coach.
    assert.match(before.body, new RegExp(`<option value="${contributor.id}">Théo Contributeur</option>`));
    assert.doesNotMatch(before.body, new RegExp(`<option value="${coach.id}"`));

    const added = await lead.http.post(page, { phase: "construction", title: "Prototype de l’API", dueOn: "2031-06-20", ownerId: contributor.id }, { formPage: page });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, "/projets/cartiflette/espace/jalons?saison=2031&ajoute=1");
    const presentation = await contributor.http.post(page, { phase: "construction", title: "Démo de fin de construction", dueOn: "2031-07-25", isPresentation: "on" }, { formPage: page });
    assert.equal(presentation.statusCode, 303);
    assert.equal((await lead.http.post(page, { phase: "construction", title: "Jeu de données nettoyé", dueOn: "2031-05-05" }, { formPage: page })).statusCode, 303);

    const shown = await lead.http.get(`${page}&ajoute=1`);
    assert.match(shown.body, /Le jalon est ajouté\./);
    const construction = phaseSection(shown.body, "construction");
    const order = ["Jeu de données nettoyé", "Prototype de l’API", "Démo de fin de construction"].map((title) => construction.indexOf(title));
    assert.ok(order.every((at) => at >= 0) && order[0]! < order[1]! && order[1]! < order[2]!, `ordre des jalons : ${order.join(", ")}`);
    assert.match(construction, /Responsable\u00a0: Théo Contributeur/);
    assert.match(construction, /La phase se termine par une présentation\u00a0: «\u00a0Démo de fin de construction\u00a0», le 25 juillet 2031\./);
    assert.doesNotMatch(construction, /à prévoir/);
    assert.match(phaseSection(shown.body, "investigation"), /Présentation de fin de phase à prévoir\./);
    // 5 May has passed the 10 May clock: shown as late.
    assert.match(construction, /5 mai 2031 — en retard/);
    assertFrenchSpacing(shown.body);

    const stored = await rows();
    assert.equal(stored.length, 3);
    const prototype = stored.find((row) => row.title === "Prototype de l’API")!;
    assert.deepEqual([prototype.phase, prototype.dueOn, prototype.ownerId, prototype.state, prototype.isPresentation, prototype.createdBy], ["construction", "2031-06-20", contributor.id, "todo", false, lead.id]);
  });

  it("changes a milestone's state and deletes it; another project's milestone or an unknown id is 404", async () => {
    const [prototype] = await db().select().from(workspaceMilestones).where(eq(workspaceMilestones.title, "Prototype de l’API"));
    const changed = await lead.http.post(path(`/${prototype!.id}/etat`), { state: "done" }, { formPage: page });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, `/projets/cartiflette/espace/jalons?saison=2031&etat=1#jalon-${prototype!.id}`);
    const [after] = await db().select({ state: workspaceMilestones.state }).from(workspaceMilestones).where(eq(workspaceMilestones.id, prototype!.id));
    assert.equal(after!.state, "done");
    assert.match((await lead.http.get(`${page}&etat=1`)).body, /L’état du jalon est changé\./);

    const refused = await lead.http.post(path(`/${prototype!.id}/etat`), { state: "fini" }, { formPage: page });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Choisissez l’état du jalon parmi/);

    const [foreign] = await db().insert(workspaceMilestones).values({ projectId: otherProjectId, seasonId, phase: "construction", title: "Jalon d’un autre projet", dueOn: "2031-06-01" }).returning({ id: workspaceMilestones.id });
    assert.equal((await lead.http.post(path(`/${foreign!.id}/etat`), { state: "done" }, { formPage: page })).statusCode, 404);
    assert.equal((await lead.http.post(path(`/${foreign!.id}/supprimer`), {}, { formPage: page })).statusCode, 404);
    assert.equal((await lead.http.post(path("/00000000-0000-4000-8000-000000000000/etat"), { state: "done" }, { formPage: page })).statusCode, 404);
    assert.equal((await lead.http.post(path("/pas-un-id/supprimer"), {}, { formPage: page })).statusCode, 404);
    const [foreignAfter] = await db().select({ state: workspaceMilestones.state }).from(workspaceMilestones).where(eq(workspaceMilestones.id, foreign!.id));
    assert.equal(foreignAfter!.state, "todo");

    const deleted = await lead.http.post(path(`/${prototype!.id}/supprimer`), {}, { formPage: page });
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual((await rows()).map((row) => row.title).sort(), ["Démo de fin de construction", "Jeu de données nettoyé"]);
  });

  it("gives the next milestone not done and the counts for the portfolio", async () => {
    const next = await findNextMilestone(db(), projectId, seasonId, "2031-05-10");
    assert.deepEqual(next && [next.title, next.dueOn, next.overdue], ["Jeu de données nettoyé", "2031-05-05", true]);
    const [late] = await db().select().from(workspaceMilestones).where(eq(workspaceMilestones.title, "Jeu de données nettoyé"));
    await db().update(workspaceMilestones).set({ state: "dropped" }).where(eq(workspaceMilestones.id, late!.id));
    const then = await findNextMilestone(db(), projectId, seasonId, "2031-05-10");
    assert.deepEqual(then && [then.title, then.overdue], ["Démo de fin de construction", false]);
    const counts = await listMilestoneCounts(db(), seasonId, "2031-07-26");
    assert.deepEqual(counts.get(projectId), { total: 2, done: 0, dropped: 1, overdue: 1 });
    assert.deepEqual(counts.get(otherProjectId), { total: 1, done: 0, dropped: 0, overdue: 1 });
    assert.equal(await findNextMilestone(db(), projectId, "00000000-0000-4000-8000-000000000000", "2031-05-10"), null);
  });
});
