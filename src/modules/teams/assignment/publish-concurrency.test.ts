import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { eq } from "drizzle-orm";
import { participations, seasons, teamAssignments, teamMembers } from "../../../db/schema/index.ts";
import { csrfTokenIn } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { queuedMails } from "../../../../tests/support/mail-queue.ts";
import { describeOnPostgres, reachablePostgres } from "../../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createComputeAssignment } from "./compute-assignment.ts";
import type { StoredDraft } from "./draft.ts";

const postgresUrl = await reachablePostgres();
const page = "/admin/equipes/2026-2027";

/**
 * Done-when of issue 14: two members of the programme team publishing at the same moment publish once.
 * On PostgreSQL (PGlite serves one transaction at a time, so the row lock would never be contended).
 */
describeOnPostgres(postgresUrl, "two publications of the same season's teams at once", "the assignment's row lock is only contended on PostgreSQL", (postgresUrl) => {
  const clock = { now: () => new Date("2027-02-20T10:00:00Z") };
  let platform: TestPlatform;

  before(async () => {
    platform = await startTestPlatform({ clock, postgresUrl });
  });
  after(() => platform.stop());

  it("publishes once: one 303, one 409, each placement recorded once and mailed once", async () => {
    const db = platform.database.db;
    const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    await createComputeAssignment({ db, clock })(season!.id);
    const [row] = await db.select().from(teamAssignments).where(eq(teamAssignments.seasonId, season!.id));
    const draft = row!.draft as StoredDraft;
    // Two sessions of the programme team (the demo's team account, signed in twice), each with its form.
    const first = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const second = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const forms = await Promise.all([first.get(page), second.get(page)]);
    const [firstCsrf, secondCsrf] = forms.map((form) => csrfTokenIn(form.body)!);
    const responses = await Promise.all([
      first.post(`${page}/publier`, { version: String(row!.version), confirm: "on" }, { csrf: firstCsrf! }),
      second.post(`${page}/publier`, { version: String(row!.version), confirm: "on" }, { csrf: secondCsrf! }),
    ]);
    assert.deepEqual(responses.map((response) => response.statusCode).sort(), [303, 409]);
    const members = await db.select().from(teamMembers).where(eq(teamMembers.seasonId, season!.id));
    const placedIds = draft.placements.map((placement) => placement.memberId);
    for (const id of placedIds) assert.equal(members.filter((member) => member.userId === id).length, 1, "une seule place par personne");
    const recorded = await db.select().from(participations).where(eq(participations.season, "2026-2027"));
    assert.equal(recorded.length, placedIds.length);
    const mails = (await queuedMails(platform)).filter((mail) => /saison 2026-2027|L’équipe de votre projet/.test(mail.subject));
    const recipients = mails.map((mail) => mail.to);
    assert.equal(new Set(recipients).size, recipients.length, "personne ne reçoit deux fois le courriel de publication");
  });
});
