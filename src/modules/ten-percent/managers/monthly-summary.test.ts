import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { managerSummaries, timeEntries } from "../../../db/schema/index.ts";
import { type Mailer, sendMailJob } from "../../mail/api.ts";
import { assertNoMailQueued, markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, signedInPerson } from "../ten-percent-test-support.ts";
import { createSendManagerSummaries, previousMonth } from "./monthly-summary.ts";

let platform: TestPlatform;
let now = new Date("2031-04-20T10:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;
const publicUrl = "https://p10.example.gouv.fr";

describe("the managers' monthly summary mail", () => {
  let send: ReturnType<typeof createSendManagerSummaries>;

  before(async () => {
    platform = await startTestPlatform({ clock });
    // The platform's own mailer, as the composition root builds it: a mail job in the caller's transaction.
    const mailer: Mailer = { enqueue: (executor, message) => platform.jobs.send(executor, sendMailJob, message) };
    send = createSendManagerSummaries({ db: db(), clock, mailer, publicUrl });
    const seasonId = await createTenPercentSeason(db());
    const member = async (email: string) => (await signedInPerson(platform, email)).id;
    const [alice, bruno, chloe, denis, emile] = await Promise.all(["alice.resume@insee.fr", "bruno.resume@insee.fr", "chloe.resume@ign.fr", "denis.resume@insee.fr", "emile.resume@insee.fr"].map(member));
    await insertAgreement(db(), { userId: alice!, seasonId, memberName: "Alice Résumé", managerName: "Paul Manager", managerEmail: "paul.manager@insee.fr" });
    await insertAgreement(db(), { userId: bruno!, seasonId, memberName: "Bruno Résumé", managerName: "Paul Manager", managerEmail: "Paul.Manager@insee.fr", shareKind: "half_days", halfDaysPerMonth: 3 });
    await insertAgreement(db(), { userId: chloe!, seasonId, memberName: "Chloé Résumé", managerName: "Irène Cheffe", managerEmail: "irene.cheffe@ign.fr" });
    await insertAgreement(db(), { userId: denis!, seasonId, memberName: "Denis Terminé", managerName: "Paul Manager", managerEmail: "paul.manager@insee.fr", status: "ended" });
    await insertAgreement(db(), { userId: emile!, seasonId, memberName: "Émile Refusé", managerName: "Zoé Refus", managerEmail: "zoe.refus@insee.fr", status: "declined" });
    await db().insert(timeEntries).values([
      { userId: alice!, workedOn: "2031-03-04", halfDays: 2, description: "Atelier de cadrage" },
      { userId: alice!, workedOn: "2031-03-18", halfDays: 1, description: "Revue" },
      { userId: alice!, workedOn: "2031-02-11", halfDays: 1, description: "Février" },
      { userId: bruno!, workedOn: "2031-03-10", halfDays: 1, description: "Tests" },
      { userId: denis!, workedOn: "2031-03-10", halfDays: 2, description: "Avant la fin" },
    ]);
  });
  after(async () => {
    await platform.stop();
  });

  it("takes the month before the check's month in Paris", () => {
    assert.equal(previousMonth("2031-01"), "2030-12");
    assert.equal(previousMonth("2031-10"), "2031-09");
  });

  it("mails each manager once with all their agents, the month's and the period's used / budget, and never the ended or declined agreements", async () => {
    now = new Date("2031-03-31T22:30:00Z"); // 1 April, 0 h 30 in Paris
    const mark = await markMailQueue(platform);
    const outcome = await send();
    assert.deepEqual(outcome, { month: "2031-03", sent: 2, alreadySent: 0 });
    const mails = await queuedMails(platform, undefined, { since: mark });
    assert.deepEqual(mails.map((mail) => mail.to).sort(), ["irene.cheffe@ign.fr", "paul.manager@insee.fr"]);
    const paul = mails.find((mail) => mail.to === "paul.manager@insee.fr")!;
    assert.match(paul.subject, /vos agents en mars 2031/);
    assert.match(paul.text, /Bonjour Paul Manager,/);
    assert.match(paul.text, /Alice Résumé \(Insee\)\n {2}En mars 2031\u00a0: 3\u00a0demi-journées sur 2 prévues \(au-delà du budget convenu\)\n {2}Depuis le début de la convention\u00a0: 4\u00a0demi-journées sur 24/);
    assert.match(paul.text, /Bruno Résumé \(Insee\)\n {2}En mars 2031\u00a0: 1\u00a0demi-journée sur 3 prévues\n {2}Depuis le début de la convention\u00a0: 1\u00a0demi-journée sur 36/);
    assert.doesNotMatch(paul.text, /Denis Terminé/);
    assert.doesNotMatch(paul.text, /Atelier de cadrage|Revue/, "totals only: the work lines stay on the platform");
    assert.match(paul.text, /https:\/\/p10\.example\.gouv\.fr\/mes-agents/);
    assertFrenchSpacing(paul.text);
    await assertNoMailQueued(platform, "zoe.refus@insee.fr");
    const chloe = mails.find((mail) => mail.to === "irene.cheffe@ign.fr")!;
    assert.match(chloe.subject, /votre agent en mars 2031/);
    assert.match(chloe.text, /Chloé Résumé/);
  });

  it("sends nothing the second time in the month (one row per address and month)", async () => {
    now = new Date("2031-04-01T09:30:00Z");
    const mark = await markMailQueue(platform);
    assert.deepEqual(await send(), { month: "2031-03", sent: 0, alreadySent: 2 });
    await assertNoMailQueued(platform, undefined, { since: mark });
    assert.equal((await db().select().from(managerSummaries)).length, 2);
  });

  it("sends the next month's summary the month after", async () => {
    now = new Date("2031-05-02T07:00:00Z");
    const mark = await markMailQueue(platform);
    assert.deepEqual(await send(), { month: "2031-04", sent: 2, alreadySent: 0 });
    const paul = (await queuedMails(platform, "paul.manager@insee.fr", { since: mark }))[0]!;
    assert.match(paul.text, /En avril 2031\u00a0: 0\u00a0demi-journée sur 2 prévues/);
  });
});
