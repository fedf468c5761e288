import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { contentItems, participations, profiles, profileSkills, skills, users } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

/** What the demo holds about people, without generated ids. */
async function demoPeople(db: Database) {
  const rows = await db
    .select({ email: users.email, slug: profiles.slug, job: profiles.jobFamily, visibility: profiles.visibility, joined: sql<boolean>`${profiles.joinedAt} is not null` })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .orderBy(profiles.slug);
  const levels = await db
    .select({ email: users.email, skill: skills.slug, level: profileSkills.level })
    .from(profileSkills)
    .innerJoin(users, eq(users.id, profileSkills.userId))
    .innerJoin(skills, eq(skills.id, profileSkills.skillId))
    .orderBy(users.email, skills.slug);
  const seasons = await db
    .select({ email: users.email, season: participations.season, project: participations.projectSlug, role: participations.role })
    .from(participations)
    .innerJoin(users, eq(users.id, participations.userId))
    .orderBy(users.email, participations.season, participations.projectSlug);
  return { rows, levels, seasons };
}

describe("demo people", () => {
  let first: TestPlatform;
  let second: TestPlatform;
  before(async () => {
    first = await startTestPlatform();
    second = await startTestPlatform();
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
  });

  it("is the same at every seed, even twice in one process", async () => {
    assert.deepEqual(await demoPeople(second.database.db), await demoPeople(first.database.db));
  });

  it("has the five demo accounts and about forty members joined, three of them visible to the programme team only", async () => {
    const { rows } = await demoPeople(first.database.db);
    assert.ok(rows.length >= 45, `${rows.length} profils`);
    assert.ok(rows.every((row) => row.joined));
    for (const email of ["camille.martin@numerique.gouv.fr", "ines.benali@insee.fr", "thomas.leroy@ign.fr", "marc.petit@numerique.gouv.fr", "sophie.durand@interieur.gouv.fr"]) {
      assert.ok(rows.some((row) => row.email === email), email);
    }
    assert.equal(rows.filter((row) => row.visibility === "programme_team").length, 3);
    assert.equal(new Set(rows.map((row) => row.slug)).size, rows.length);
  });

  it("records participations in real projects of the published site, Cartiflette and ChartsGouv over both seasons", async () => {
    const db = first.database.db;
    const { seasons } = await demoPeople(db);
    const projectPaths = new Set((await db.select({ path: contentItems.path }).from(contentItems).where(eq(contentItems.kind, "project"))).map((row) => row.path));
    for (const participation of seasons) {
      assert.ok(["2022", "2023"].includes(participation.season));
      if (participation.project) assert.ok(projectPaths.has(`/projets/${participation.project}`), `projet inconnu : ${participation.project}`);
    }
    for (const project of ["cartiflette", "chartgouv"]) {
      const seasonsOf = new Set(seasons.filter((participation) => participation.project === project).map((participation) => participation.season));
      assert.deepEqual([...seasonsOf].sort(), ["2022", "2023"], project);
    }
  });
});
