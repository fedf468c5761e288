import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { and, eq, gte } from "drizzle-orm";
import { agreements, agreementThirdSignatories, timeEntries } from "../../db/schema/index.ts";
import { organisationLookup } from "../organisations/api.ts";
import { csrfTokenIn } from "../../../tests/support/http.ts";
import { describeOnPostgres, reachablePostgres } from "../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, signedInPerson } from "./ten-percent-test-support.ts";

const postgresUrl = await reachablePostgres();

/**
 * « Mon 10 % » under concurrent requests, on PostgreSQL (PGlite serves one transaction at a time, so the
 * races need a server): two sends of an agreement never make two live agreements (the partial unique index),
 * two declarations of the month's last half-day never both pass the budget (the member's ledger lock), and
 * the manager and the ministry's signatory accepting together make the agreement accepted (its row lock).
 */
describeOnPostgres(postgresUrl, "« Mon 10 % » under concurrent requests", "the races are only contended on PostgreSQL", (postgresUrl) => {
  const clock = { now: () => new Date("2031-05-20T10:00:00Z") };
  let platform: TestPlatform;
  let seasonId: string;

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
    seasonId = await createTenPercentSeason(platform.database.db);
  });
  after(() => platform?.stop());

  it("sends one agreement when the form is sent twice at once: one succeeds, the other is told, one live agreement", async () => {
    const member = await signedInPerson(platform, "double.envoi@insee.fr", { givenName: "Double", usualName: "Envoi" });
    const csrf = csrfTokenIn((await member.http.get("/mon-10-pourcent/convention")).body)!;
    const fields = { shareKind: "ten_percent", halfDaysPerMonth: "", startsOn: "2031-05-20", endsOn: "2031-12-15", managerName: "Paul Manager", managerEmail: "paul.manager@insee.fr", charter: "on" };
    const responses = await Promise.all([member.http.post("/mon-10-pourcent/convention", fields, { csrf }), member.http.post("/mon-10-pourcent/convention", fields, { csrf })]);
    assert.deepEqual(responses.map((response) => response.statusCode).sort(), [303, 409]);
    const live = await platform.database.db.select().from(agreements).where(eq(agreements.userId, member.id));
    assert.equal(live.length, 1);
  });

  it("lets one of two simultaneous declarations take the month's last half-day; the other asks for the over-budget confirmation", async () => {
    const member = await signedInPerson(platform, "double.declaration@insee.fr");
    await insertAgreement(platform.database.db, { userId: member.id, seasonId, memberEmail: member.email });
    const db = platform.database.db;
    await db.insert(timeEntries).values({ userId: member.id, workedOn: "2031-05-05", halfDays: 1, description: "Première demi-journée de mai" });
    const csrf = csrfTokenIn((await member.http.get("/mon-10-pourcent/temps")).body)!;
    const line = (description: string) => ({ workedOn: "2031-05-19", length: "demi-journee", projectId: "sans-projet", description });
    const holder = await platform.database.pool!.connect();
    const key = `time-ledger:${member.id}`;
    try {
      // Both requests must wait for the member's ledger lock before they count the month.
      await holder.query("select pg_advisory_lock(hashtext($1))", [key]);
      const racing = Promise.all([member.http.post("/mon-10-pourcent/temps", line("Revue de code"), { csrf }), member.http.post("/mon-10-pourcent/temps", line("Atelier de conception"), { csrf })]);
      let bothWaiting = false;
      for (let attempt = 0; attempt < 200 && !bothWaiting; attempt++) {
        const { rows } = await holder.query("select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted and objid = (hashtext($1)::bigint & 4294967295)", [key]);
        bothWaiting = rows[0].waiting >= 2;
        if (!bothWaiting) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await holder.query("select pg_advisory_unlock(hashtext($1))", [key]);
      assert.ok(bothWaiting, "both declarations should wait for the member's ledger lock");
      const responses = await racing;
      assert.deepEqual(responses.map((response) => response.statusCode).sort(), [303, 409]);
    } finally {
      holder.release();
    }
    const may = await db.select().from(timeEntries).where(and(eq(timeEntries.userId, member.id), gte(timeEntries.workedOn, "2031-05-01")));
    assert.equal(may.reduce((sum, entry) => sum + entry.halfDays, 0), 2, "mai reste dans le budget de 2 demi-journées");
  });

  it("makes the agreement accepted when its manager and the ministry's signatory accept at the same moment", async () => {
    const db = platform.database.db;
    const organisation = (await organisationLookup.listHierarchy(db)).find((candidate) => candidate.ministryId && candidate.ministryId !== candidate.id)!;
    await db.insert(agreementThirdSignatories).values({ ministryId: organisation.ministryId!, kind: "hr", name: "Rose RH", email: "rose.rh@insee.fr" }).onConflictDoNothing();
    const member = await signedInPerson(platform, "double.accord@insee.fr", { givenName: "Double", usualName: "Accord", organisationId: organisation.id });
    // Signed in before the agreement's mails reach them (the sign-in reads the newest mail to each address).
    const manager = await signedInPerson(platform, "marc.manager@insee.fr");
    const third = await signedInPerson(platform, "rose.rh@insee.fr");
    const csrf = csrfTokenIn((await member.http.get("/mon-10-pourcent/convention")).body)!;
    const sent = await member.http.post("/mon-10-pourcent/convention", { shareKind: "ten_percent", halfDaysPerMonth: "", startsOn: "2031-05-20", endsOn: "2031-12-15", managerName: "Marc Manager", managerEmail: "marc.manager@insee.fr", charter: "on" }, { csrf });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
    const [agreement] = await db.select().from(agreements).where(eq(agreements.userId, member.id));
    const page = `/conventions/${agreement!.id}`;
    const csrfs = [csrfTokenIn((await manager.http.get(page)).body)!, csrfTokenIn((await third.http.get(page)).body)!];
    const holder = await platform.database.pool!.connect();
    try {
      // The test holds the agreement's row lock while both answers arrive, then lets them go.
      await holder.query("begin");
      await holder.query("select id from agreements where id = $1 for update", [agreement!.id]);
      const racing = Promise.all([
        manager.http.post(`${page}/decision`, { choice: "accept", version: "1", reason: "" }, { csrf: csrfs[0] }),
        third.http.post(`${page}/decision`, { choice: "accept", version: "1", reason: "" }, { csrf: csrfs[1] }),
      ]);
      let bothWaiting = false;
      for (let attempt = 0; attempt < 200 && !bothWaiting; attempt++) {
        const { rows } = await holder.query("select count(*)::int as waiting from pg_locks where locktype in ('transactionid', 'tuple') and not granted");
        bothWaiting = rows[0].waiting >= 2;
        if (!bothWaiting) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await holder.query("commit");
      assert.ok(bothWaiting, "both answers should wait for the agreement's row lock");
      assert.deepEqual((await racing).map((response) => response.statusCode), [303, 303]);
    } finally {
      holder.release();
    }
    const [after] = await db.select().from(agreements).where(eq(agreements.id, agreement!.id));
    assert.equal(after!.status, "accepted");
  });
});
