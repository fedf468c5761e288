import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { joinRequests, projectNeeds, projects, seasons, teamMembers, users, wishes, wishLists } from "../../db/schema/index.ts";
import { openTestDatabase } from "../../../tests/support/test-platform.ts";
import { teamsPersonalData } from "./personal-data.ts";

describe("teams' personal data", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let personId: string;
  let otherId: string;
  let projectId: string;
  let seasonId: string;

  before(async () => {
    handle = await openTestDatabase();
    await handle.database.migrate();
    db = handle.database.db;
    const [person, other] = await db
      .insert(users)
      .values([{ email: "alix@insee.fr" }, { email: "basile@insee.fr" }])
      .returning({ id: users.id });
    personId = person!.id;
    otherId = other!.id;
    const [season] = await db.insert(seasons).values({ slug: "2031", name: "Saison 2031", startsOn: "2031-01-05", endsOn: "2031-12-15" }).returning({ id: seasons.id });
    seasonId = season!.id;
    const [project] = await db.insert(projects).values({ slug: "cartes", title: "Cartes" }).returning({ id: projects.id });
    projectId = project!.id;
    await db.insert(wishLists).values({ userId: personId, seasonId, state: "submitted", anyProject: true });
    await db.insert(wishes).values({ userId: personId, seasonId, rank: 1, projectId, motivation: "J’aime les cartes." });
    await db.insert(joinRequests).values([
      { userId: personId, seasonId, projectId, message: "Bonjour", state: "declined", decidedBy: otherId },
      { userId: otherId, seasonId, projectId, message: "Moi aussi", state: "accepted", decidedBy: personId },
    ]);
    await db.insert(teamMembers).values({ userId: personId, seasonId, projectId, role: "lead", source: "named" });
    await db.insert(projectNeeds).values({ projectId, seasonId, minSize: 2, maxSize: 4, rhythm: "remote", updatedBy: personId });
  });
  after(async () => {
    await handle.close();
  });

  it("exports the person's wishes, wish list, requests made and decided, teams and needs edited", async () => {
    const exported = await teamsPersonalData.export(db, { id: personId, email: "alix@insee.fr" });
    assert.deepEqual(Object.keys(exported).sort(), ["join_requests", "project_needs", "team_members", "wish_lists", "wishes"]);
    assert.deepEqual(
      exported.wishes!.map((row) => [row.rank, row.project, row.motivation]),
      [[1, "Cartes", "J’aime les cartes."]],
    );
    assert.equal(exported.wish_lists![0]!.any_project, true);
    assert.deepEqual(exported.join_requests!.map((row) => row.message).sort(), ["Bonjour", "Moi aussi"]);
    assert.deepEqual(
      exported.team_members!.map((row) => row.role),
      ["lead"],
    );
    assert.equal(exported.project_needs!.length, 1);
    for (const key of Object.keys(exported)) assert.ok(teamsPersonalData.sections[key], `section ${key}`);
  });

  it("erases wishes, the wish list, the person's requests and team memberships, and forgets who decided or edited", async () => {
    await db.transaction((tx) => teamsPersonalData.erase(tx, { id: personId, email: "alix@insee.fr" }, { now: new Date() }));
    assert.equal((await db.select().from(wishes).where(eq(wishes.userId, personId))).length, 0);
    assert.equal((await db.select().from(wishLists).where(eq(wishLists.userId, personId))).length, 0);
    assert.equal((await db.select().from(teamMembers).where(eq(teamMembers.userId, personId))).length, 0);
    const requests = await db.select().from(joinRequests);
    assert.deepEqual(
      requests.map((row) => [row.userId, row.decidedBy]),
      [[otherId, null]],
    );
    const [needs] = await db.select().from(projectNeeds);
    assert.deepEqual([needs?.maxSize, needs?.updatedBy], [4, null]);
    const exported = await teamsPersonalData.export(db, { id: personId, email: "alix@insee.fr" });
    assert.ok(Object.values(exported).every((rows) => rows.length === 0));
  });
});
