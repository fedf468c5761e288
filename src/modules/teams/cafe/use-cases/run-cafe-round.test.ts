import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { cafePairMembers, cafePairs, cafeParticipants, cafeRounds } from "../../../../db/schema/index.ts";
import { type Mailer, sendMailJob } from "../../../mail/api.ts";
import { markMailQueue, queuedMails } from "../../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../../../tests/support/test-platform.ts";
import { createCafeTestMember } from "../test-members.ts";
import { createRunCafeRound } from "./run-cafe-round.ts";
import { createJoinCafe, createLeaveCafe, ProfileNotJoinedError } from "./set-cafe-participation.ts";

const economie = "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique";
const insee = "Institut national de la statistique et des études économiques";
const interieur = "Ministère de l’Intérieur et des Outre-mer";
const ign = "Institut national de l’information géographique et forestière";

let platform: TestPlatform;
let now = new Date("2026-12-01T08:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;

describe("café 10 %: the monthly round", () => {
  let mailer: Mailer;
  let runRound: ReturnType<typeof createRunCafeRound>;
  let join: ReturnType<typeof createJoinCafe>;

  before(async () => {
    platform = await startTestPlatform({ clock });
    // The platform's own mailer, as the composition root builds it: a mail job in the caller's transaction.
    mailer = { enqueue: (executor, message) => platform.jobs.send(executor, sendMailJob, message) };
    runRound = createRunCafeRound({ db: db(), clock, mailer, publicUrl: "https://p10.example.gouv.fr" });
    join = createJoinCafe({ db: db(), clock });
  });
  after(async () => {
    await platform.stop();
  });
  beforeEach(async () => {
    await db().delete(cafeRounds);
    await db().delete(cafeParticipants);
    now = new Date("2026-12-01T08:00:00Z");
  });

  it("records nothing while fewer than two members take part", async () => {
    const alone = await createCafeTestMember(db(), { givenName: "Seule", usualName: "Personne", organisationName: insee });
    await join(alone.id);
    const outcome = await runRound();
    assert.deepEqual(outcome, { month: "2026-12", status: "too_few", participants: 1, groups: 0, unpaired: 0 });
    assert.equal((await db().select().from(cafeRounds)).length, 0);
  });

  it("refuses a member who has not finished joining, and pairs neither them nor those who opted out", async () => {
    const unfinished = await createCafeTestMember(db(), { givenName: "Pas", usualName: "Finie", organisationName: insee, joined: false });
    await assert.rejects(join(unfinished.id), ProfileNotJoinedError);
    const left = await createCafeTestMember(db(), { givenName: "Partie", usualName: "Avant", organisationName: ign });
    await join(left.id);
    await createLeaveCafe({ db: db(), clock })(left.id);
    const a = await createCafeTestMember(db(), { givenName: "Alice", usualName: "Insee", organisationName: insee });
    const b = await createCafeTestMember(db(), { givenName: "Bruno", usualName: "Ign", organisationName: ign });
    await join(a.id);
    await join(b.id);
    const outcome = await runRound();
    assert.equal(outcome.participants, 2);
    const paired = (await db().select({ userId: cafePairMembers.userId }).from(cafePairMembers)).map((row) => row.userId).sort();
    assert.deepEqual(paired, [a.id, b.id].sort());
  });

  it("pairs members across ministries and mails each one the other's profile, the half hour and the one-click opt-out, in the round's transaction", async () => {
    const alice = await createCafeTestMember(db(), { givenName: "Alice", usualName: "Statisticienne", organisationName: insee, jobFamily: "statistician" });
    const basile = await createCafeTestMember(db(), { givenName: "Basile", usualName: "Dupuis", organisationName: economie });
    const chloe = await createCafeTestMember(db(), { givenName: "Chloé", usualName: "Géomaticienne", organisationName: ign });
    const denis = await createCafeTestMember(db(), { givenName: "Denis", usualName: "Intérieur", organisationName: interieur });
    for (const member of [alice, basile, chloe, denis]) await join(member.id);
    const mark = await markMailQueue(platform);

    const outcome = await runRound();
    assert.deepEqual(outcome, { month: "2026-12", status: "ran", participants: 4, groups: 2, unpaired: 0 });
    const rows = await db().select({ pairId: cafePairMembers.pairId, userId: cafePairMembers.userId }).from(cafePairMembers);
    const pairOf = new Map(rows.map((row) => [row.userId, row.pairId]));
    assert.notEqual(pairOf.get(alice.id), pairOf.get(basile.id), "Insee et son ministère ne se rencontrent pas");

    const mails = await queuedMails(platform, undefined, { since: mark });
    assert.equal(mails.length, 4);
    const toAlice = mails.find((mail) => mail.to === alice.email)!;
    const partner = [chloe, denis].find((member) => pairOf.get(member.id) === pairOf.get(alice.id))!;
    const partnerMinistry = partner === chloe ? "Ministère de la Transition écologique et de la Cohésion des territoires" : interieur;
    assert.equal(toAlice.subject, `Votre café 10\u00a0% de décembre\u00a0: ${partner.name} (${partnerMinistry})`);
    assert.match(toAlice.text, /Prenez une demi-heure, en visio ou autour d’un café/);
    assert.ok(toAlice.text.includes(`https://p10.example.gouv.fr/annuaire/${encodeURIComponent(partner.slug)}`), "lien vers le profil absent");
    assert.ok(toAlice.text.includes(`Adresse\u00a0: ${partner.email}`), "adresse de l’autre absente");
    assert.match(toAlice.text, /Métier\u00a0: Data scientist/);
    assert.match(toAlice.text, /https:\/\/p10\.example\.gouv\.fr\/cafe\/desinscription\/[A-Za-z0-9_-]{43}/);
    const toPartner = mails.find((mail) => mail.to === partner.email)!;
    assert.match(toPartner.subject, /^Votre café 10\u00a0% de décembre\u00a0: Alice Statisticienne \(Ministère de l’Économie/);
    assert.match(toPartner.text, /Métier\u00a0: Statisticien·ne/);
    assert.notEqual(/desinscription\/(\S+)/.exec(toAlice.text)![1], /desinscription\/(\S+)/.exec(toPartner.text)![1], "un lien de désinscription par personne");
  });

  it("runs once a month: a second run, even at the same time, pairs and mails nothing more", async () => {
    const members = [];
    for (const [index, organisation] of [insee, ign, interieur, ign].entries()) members.push(await createCafeTestMember(db(), { givenName: `Membre${index}`, usualName: "Unique", organisationName: organisation }));
    for (const member of members) await join(member.id);
    const mark = await markMailQueue(platform);
    const outcomes = await Promise.all([runRound(), runRound()]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ["already_run", "ran"]);
    assert.equal((await runRound()).status, "already_run");
    assert.equal((await db().select().from(cafeRounds)).length, 1);
    assert.equal((await db().select().from(cafePairs)).length, 2);
    assert.equal((await queuedMails(platform, undefined, { since: mark })).length, 4);
  });

  it("never pairs the same two people again within the year, and a trio takes the odd one out", async () => {
    const a = await createCafeTestMember(db(), { givenName: "Anne", usualName: "Un", organisationName: insee });
    const b = await createCafeTestMember(db(), { givenName: "Benoît", usualName: "Deux", organisationName: ign });
    const c = await createCafeTestMember(db(), { givenName: "Carole", usualName: "Trois", organisationName: interieur });
    for (const member of [a, b, c]) await join(member.id);
    const first = await runRound();
    assert.equal(first.groups, 1);
    assert.deepEqual((await db().select({ size: cafePairs.size }).from(cafePairs)).map((row) => row.size), [3], "trois personnes, une rencontre à trois");

    now = new Date("2027-01-01T08:00:00Z");
    const second = await runRound();
    assert.deepEqual(second, { month: "2027-01", status: "ran", participants: 3, groups: 0, unpaired: 3 }, "tous se sont vus il y a un mois");
    const [round] = await db().select().from(cafeRounds).where(eq(cafeRounds.month, "2027-01"));
    assert.deepEqual([...round!.unpairedUserIds].sort(), [a.id, b.id, c.id].sort());

    now = new Date("2027-12-01T08:00:00Z");
    const sameMonthNextYear = await runRound();
    assert.equal(sameMonthNextYear.groups, 1, "un an après, ils peuvent se revoir");
    assert.equal((await db().select({ count: sql<number>`count(*)::int` }).from(cafePairs))[0]!.count, 2);
  });
});
