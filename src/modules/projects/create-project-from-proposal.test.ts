import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { calls, projects, projectSeasons, proposals, seasons, users } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { carryOverProject, createProjectFromProposal, findProjectBySlug, listProjectsOfSeason } from "./api.ts";
import { InvalidInputError } from "../../shared/domain-error.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

describe("projects API", () => {
  let seasonId: string;
  let nextSeasonId: string;
  let authorId: string;
  let callId: string;

  async function proposal(title: string): Promise<string> {
    const [row] = await db().insert(proposals).values({ callId, authorId, title, problem: "Les agents refont les mêmes cartes. Chacun de son côté.", state: "selected" }).returning({ id: proposals.id });
    return row!.id;
  }

  before(async () => {
    platform = await startTestPlatform({ config: { SEED_DEMO: "false" } });
    const [season] = await db().insert(seasons).values({ slug: "test-2030", name: "Saison 2030", startsOn: "2030-01-01", endsOn: "2030-12-31" }).returning({ id: seasons.id });
    const [next] = await db().insert(seasons).values({ slug: "test-2031", name: "Saison 2031", startsOn: "2031-01-01", endsOn: "2031-12-31" }).returning({ id: seasons.id });
    seasonId = season!.id;
    nextSeasonId = next!.id;
    const [call] = await db().insert(calls).values({ seasonId, title: "Appel 2030", opensAt: new Date("2029-10-01T00:00:00Z"), closesAt: new Date("2029-11-01T00:00:00Z") }).returning({ id: calls.id });
    callId = call!.id;
    const [user] = await db().insert(users).values({ email: "auteur@exemple.gouv.fr" }).returning({ id: users.id });
    authorId = user!.id;
  });
  after(async () => {
    await platform.stop();
  });

  it("creates the project and its « selected » season in the caller's transaction, with a unique slug from the title", async () => {
    const first = await proposal("Cartes équitables");
    const second = await proposal("Cartes  Équitables !");
    const created = await db().transaction(async (tx) => {
      const a = await createProjectFromProposal(tx, { proposalId: first, title: "Cartes équitables", problem: "Les agents refont les mêmes cartes. Chacun de son côté.", seasonId, decidedBy: authorId, reason: "Besoin partagé par six ministères." });
      const b = await createProjectFromProposal(tx, { proposalId: second, title: "Cartes  Équitables !", problem: "Autre.", seasonId, decidedBy: authorId, reason: null });
      return [a, b];
    });
    assert.deepEqual(
      created.map((project) => project.slug),
      ["cartes-equitables", "cartes-equitables-2"],
    );
    assert.equal(created[0]!.pitch, "Les agents refont les mêmes cartes.");
    const [row] = await db().select().from(projectSeasons).where(eq(projectSeasons.projectId, created[0]!.id));
    assert.equal(row!.entry, "selected");
    assert.equal(row!.decisionReason, "Besoin partagé par six ministères.");
    assert.equal(row!.decidedBy, authorId);
    assert.deepEqual(
      (await listProjectsOfSeason(db(), seasonId)).map((project) => [project.slug, project.entry]).sort(),
      [
        ["cartes-equitables", "selected"],
        ["cartes-equitables-2", "selected"],
      ],
    );
    assert.equal((await findProjectBySlug(db(), "cartes-equitables"))?.proposalId, first);
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    const id = await proposal("Projet annulé");
    await assert.rejects(
      db().transaction(async (tx) => {
        await createProjectFromProposal(tx, { proposalId: id, title: "Projet annulé", problem: "x", seasonId, decidedBy: null });
        throw new Error("la sélection échoue après coup");
      }),
      /échoue/,
    );
    assert.equal(await findProjectBySlug(db(), "projet-annule"), null);
  });

  it("refuses to make a second project of the same proposal", async () => {
    const id = await proposal("Une seule fois");
    await createProjectFromProposal(db(), { proposalId: id, title: "Une seule fois", problem: "x", seasonId, decidedBy: null });
    await assert.rejects(db().transaction((tx) => createProjectFromProposal(tx, { proposalId: id, title: "Une seule fois", problem: "x", seasonId, decidedBy: null })));
    assert.equal((await db().select().from(projects).where(eq(projects.proposalId, id))).length, 1);
  });

  it("carries a project over once per season, in French when refused", async () => {
    const project = (await findProjectBySlug(db(), "cartes-equitables"))!;
    await carryOverProject(db(), { projectId: project.id, seasonId: nextSeasonId, decidedBy: authorId, reason: "Suite." });
    assert.deepEqual((await listProjectsOfSeason(db(), nextSeasonId)).map((row) => [row.slug, row.entry]), [["cartes-equitables", "carried_over"]]);
    await assert.rejects(carryOverProject(db(), { projectId: project.id, seasonId: nextSeasonId, decidedBy: authorId, reason: "Encore." }), (error: unknown) => {
      assert.ok(error instanceof InvalidInputError);
      assert.equal(error.fieldErrors.seasonId, "Le projet Cartes équitables fait déjà partie de la saison 2031.");
      return true;
    });
    await assert.rejects(carryOverProject(db(), { projectId: project.id, seasonId, decidedBy: authorId, reason: "Déjà." }), InvalidInputError);
  });
});
