import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { and, asc, eq } from "drizzle-orm";
import { users, workspaceFramings } from "../../../db/schema/index.ts";
import { csrfTokenIn } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { describeOnPostgres, reachablePostgres } from "../../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createWorkspaceSeason } from "../workspace-test-support.ts";
import { framingContentOf } from "./framing-sections.ts";
import { createSaveFraming } from "./use-cases/save-framing.ts";

const postgresUrl = await reachablePostgres();
const page = "/projets/cartiflette/espace/cadrage?saison=2031";

/**
 * Two saves of the framing from the same version at once: one is saved, the other told (409). On
 * PostgreSQL, where two transactions really run together (PGlite serves one at a time, so there the
 * check alone decides and the primary key is never reached): the HTTP routes, then the primary key as
 * the last guard when both transactions read the same current version.
 */
describeOnPostgres(postgresUrl, "two saves of the framing from the same version at once", "concurrent transactions only overlap on PostgreSQL", (postgresUrl) => {
  const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
  let platform: TestPlatform;
  let projectId: string;
  let seasonId: string;
  let authorId: string;
  const db = () => platform.database.db;
  const versions = async () =>
    (
      await db()
        .select({ version: workspaceFramings.version, content: workspaceFramings.content })
        .from(workspaceFramings)
        .where(and(eq(workspaceFramings.projectId, projectId), eq(workspaceFramings.seasonId, seasonId)))
        .orderBy(asc(workspaceFramings.version))
    ).map((row) => ({ version: row.version, problem: framingContentOf(row.content).problem }));

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
    const created = await createWorkspaceSeason(db(), ["cartiflette"], "2031");
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, "camille.martin@numerique.gouv.fr"));
    authorId = row!.id;
  });
  after(() => platform.stop());

  it("over HTTP: one 303 and one 409, one version saved", async () => {
    // Two sessions of the programme team (who keeps every workspace), each with its form at version 0.
    const first = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const second = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const forms = await Promise.all([first.get(page), second.get(page)]);
    const [firstCsrf, secondCsrf] = forms.map((form) => csrfTokenIn(form.body)!);
    const responses = await Promise.all([
      first.post(page, { baseVersion: "0", problem: "Problème de la première session" }, { csrf: firstCsrf! }),
      second.post(page, { baseVersion: "0", problem: "Problème de la seconde session" }, { csrf: secondCsrf! }),
    ]);
    assert.deepEqual(responses.map((response) => response.statusCode).sort(), [303, 409]);
    const refused = responses.find((response) => response.statusCode === 409)!;
    assert.match(refused.body, /Quelqu’un a enregistré une version plus récente/);
    const saved = await versions();
    assert.equal(saved.length, 1);
    assert.equal(saved[0]!.version, 1);
  });

  it("when both transactions read the same current version, the primary key refuses the second, which is told", async () => {
    const saveFraming = createSaveFraming({ db: db(), clock });
    const content = { ...framingContentOf({}), problem: "Écrit par l’autre transaction" };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    // Another editor's transaction has inserted version 2 and not committed yet.
    const other = db().transaction(async (tx) => {
      await tx.insert(workspaceFramings).values({ projectId, seasonId, version: 2, content, publicSections: [], authorId });
      inserted();
      await held;
    });
    await insertedOnce;
    // This save reads version 1 (the other insert is not visible), then waits on the key until the other commits.
    const saving = saveFraming({ projectId, seasonId, authorId, baseVersion: 1, content: { ...content, problem: "Écrit par cette transaction" }, publicSections: [] });
    await sleep(300);
    release();
    await other;
    assert.deepEqual(await saving, { saved: false, currentVersion: 2 });
    assert.deepEqual(
      (await versions()).map((row) => row.version),
      [1, 2],
    );
    assert.equal((await versions())[1]!.problem, "Écrit par l’autre transaction");
  });
});
