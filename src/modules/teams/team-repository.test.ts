import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../db/client.ts";
import { calls, projects, projectSeasons, proposals, seasons, teamAssignments, teamMembers, users, wishes, wishLists } from "../../db/schema/index.ts";
import { openTestDatabase } from "../../../tests/support/test-platform.ts";
import { countDraftWishLists, countTeamMembers, findProjectLeads, findTeamOf, isAssignmentPublished, isProjectLead, listProjectLeadsOfSeason, listSubmittedWishLists, listTeam } from "./team-repository.ts";

describe("team repository", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let author: string;
  let named: string;
  let other: string;
  let season1: string;
  let season2: string;
  let projectId: string;

  before(async () => {
    handle = await openTestDatabase();
    await handle.database.migrate();
    db = handle.database.db;
    [author, named, other] = (
      await db
        .insert(users)
        .values([
          { email: "autrice@insee.fr", givenName: "Anne", usualName: "Autrice" },
          { email: "nomme@insee.fr", givenName: "Noé", usualName: "Nommé" },
          { email: "autre@insee.fr" },
        ])
        .returning({ id: users.id })
    ).map((row) => row.id) as [string, string, string];
    [season1, season2] = (
      await db
        .insert(seasons)
        .values([
          { slug: "2031", name: "Saison 2031", startsOn: "2031-01-05", endsOn: "2031-12-15" },
          { slug: "2032", name: "Saison 2032", startsOn: "2032-01-05", endsOn: "2032-12-15" },
        ])
        .returning({ id: seasons.id })
    ).map((row) => row.id) as [string, string];
    const [call] = await db.insert(calls).values({ seasonId: season1, title: "Appel", opensAt: new Date("2030-09-01"), closesAt: new Date("2030-10-01") }).returning({ id: calls.id });
    const [proposal] = await db.insert(proposals).values({ callId: call!.id, authorId: author, state: "selected", title: "Cartes" }).returning({ id: proposals.id });
    const [project] = await db.insert(projects).values({ slug: "cartes", title: "Cartes", proposalId: proposal!.id }).returning({ id: projects.id });
    projectId = project!.id;
    await db.insert(projectSeasons).values([
      { projectId, seasonId: season1, entry: "selected" },
      { projectId, seasonId: season2, entry: "carried_over" },
    ]);
  });
  after(async () => {
    await handle.close();
  });

  it("takes the proposal's author as the implicit lead of the season the project was selected in, not of a season it was carried into", async () => {
    assert.deepEqual(await findProjectLeads(db, projectId, season1), [{ userId: author, implicit: true }]);
    assert.deepEqual(await findProjectLeads(db, projectId, season2), []);
    // The whole season at once, by the same rule.
    assert.deepEqual(await listProjectLeadsOfSeason(db, season1), [{ projectId, userId: author, implicit: true }]);
    assert.deepEqual(await listProjectLeadsOfSeason(db, season2), []);
    assert.equal(await isProjectLead(db, author, projectId, season1), true);
    assert.equal(await isProjectLead(db, author, projectId, season2), false);
  });

  it("prefers named leads to the implicit one, and lists the team leads first without counting coaches", async () => {
    await db.insert(teamMembers).values([
      { seasonId: season1, projectId, userId: named, role: "lead", source: "named" },
      { seasonId: season1, projectId, userId: other, role: "coach", source: "named" },
    ]);
    assert.deepEqual(await findProjectLeads(db, projectId, season1), [{ userId: named, implicit: false }]);
    assert.deepEqual(await listProjectLeadsOfSeason(db, season1), [{ projectId, userId: named, implicit: false }]);
    assert.equal(await isProjectLead(db, author, projectId, season1), false);
    assert.deepEqual(
      (await listTeam(db, projectId, season1)).map((member) => [member.name, member.role]),
      [
        ["Noé Nommé", "lead"],
        ["autre@insee.fr", "coach"],
      ],
    );
    assert.equal(await countTeamMembers(db, projectId, season1), 1);
    assert.deepEqual(await findTeamOf(db, named, season1), { projectId, role: "lead" });
    assert.equal(await findTeamOf(db, other, season1), null, "coaching is not a team");
  });

  it("lists sent wish lists with their projects by rank, counts drafts, and says when the assignment is published", async () => {
    await db.insert(wishLists).values([
      { userId: author, seasonId: season2, state: "submitted", anyProject: true, submittedAt: new Date("2032-02-01") },
      { userId: other, seasonId: season2, state: "draft" },
    ]);
    await db.insert(wishes).values({ userId: author, seasonId: season2, rank: 1, projectId });
    await db.insert(wishes).values({ userId: other, seasonId: season2, rank: 1, projectId });
    const sent = await listSubmittedWishLists(db, season2);
    assert.deepEqual(
      sent.map((list) => [list.userId, list.anyProject, list.keepPreviousProject, list.projectIds]),
      [[author, true, false, [projectId]]],
    );
    assert.equal(await countDraftWishLists(db, season2), 1);
    assert.equal(await isAssignmentPublished(db, season2), false);
    await db.insert(teamAssignments).values({ seasonId: season2, settings: {} });
    assert.equal(await isAssignmentPublished(db, season2), false, "a draft is not published");
    await db.insert(teamAssignments).values({ seasonId: season1, settings: {}, publishedAt: new Date("2031-03-20") });
    assert.equal(await isAssignmentPublished(db, season1), true);
  });
});
