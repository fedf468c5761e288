import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { joinRequests, teamMembers } from "../../../db/schema/index.ts";
import { csrfTokenIn, type HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { describeOnPostgres, reachablePostgres } from "../../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { addToTeam, createWishesSeason, type FreshMember, freshMember, publishSeason, setNeeds } from "../members-test-support.ts";

const postgresUrl = await reachablePostgres();

/**
 * Two accepts racing for a team's last seat, over HTTP, on PostgreSQL: the test holds the team's advisory
 * lock while both requests arrive, waits until both wait for it, then lets them go. With the lock they
 * count one after the other and the second is refused; without it both would see a free seat. PGlite
 * serves one transaction at a time, so the race needs a server.
 */
describeOnPostgres(postgresUrl, "two accepts racing for the last seat of a team", "the team's advisory lock is only contended on PostgreSQL", (postgresUrl) => {
  const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
  let platform: TestPlatform;
  let seasonId: string;
  let projectId: string;
  let lead: FreshMember;
  let team: HttpSession;
  const requests: string[] = [];

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
    const db = platform.database.db;
    ({
      seasonId,
      projectIds: { cartiflette: projectId = "" },
    } = await createWishesSeason(db, ["cartiflette"]));
    await publishSeason(db, seasonId);
    lead = await freshMember(platform, "race.lead");
    await addToTeam(db, { seasonId, projectId, userId: lead.id, role: "lead" });
    await setNeeds(db, { seasonId, projectId, minSize: 1, maxSize: 2 });
    for (const name of ["race.one", "race.two"]) {
      const member = await freshMember(platform, name);
      assert.equal((await member.http.post("/projets/cartiflette/rejoindre", { message: "" })).statusCode, 303);
      const [row] = await db.select({ id: joinRequests.id }).from(joinRequests).where(eq(joinRequests.userId, member.id));
      requests.push(row!.id);
    }
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(() => platform?.stop());

  it("accepts one and refuses the other: the team never exceeds its maximum size", async () => {
    const leadCsrf = csrfTokenIn((await lead.http.get("/projets/cartiflette/equipe")).body)!;
    const teamCsrf = csrfTokenIn((await team.get("/projets/cartiflette/equipe")).body)!;
    const holder = await platform.database.pool!.connect();
    const key = `team:${projectId}:${seasonId}`;
    try {
      await holder.query("select pg_advisory_lock(hashtext($1))", [key]);
      const racing = Promise.all([
        lead.http.post(`/projets/cartiflette/equipe/demandes/${requests[0]}`, { decision: "accept" }, { csrf: leadCsrf }),
        team.post(`/projets/cartiflette/equipe/demandes/${requests[1]}`, { decision: "accept" }, { csrf: teamCsrf }),
      ]);
      // Both must wait for the team's lock before they count the team (without it they would race free).
      let bothWaiting = false;
      for (let attempt = 0; attempt < 200 && !bothWaiting; attempt++) {
        const { rows } = await holder.query("select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted and objid = (hashtext($1)::bigint & 4294967295)", [key]);
        bothWaiting = rows[0].waiting >= 2;
        if (!bothWaiting) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await holder.query("select pg_advisory_unlock(hashtext($1))", [key]);
      assert.ok(bothWaiting, "both accepts should wait for the team's lock");
      const responses = await racing;
      const statuses = responses.map((response) => response.statusCode).sort();
      assert.deepEqual(statuses, [303, 409]);
      assert.match(responses.find((response) => response.statusCode === 409)!.body, /L’équipe est complète \(2\u00a0personnes au plus\)/);
    } finally {
      holder.release();
    }
    const members = await platform.database.db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.projectId, projectId), eq(teamMembers.seasonId, seasonId)));
    assert.equal(members.length, 2);
    const states = (await platform.database.db.select({ state: joinRequests.state }).from(joinRequests).where(eq(joinRequests.projectId, projectId))).map((row) => row.state).sort();
    assert.deepEqual(states, ["accepted", "pending"]);
  });
});
