import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { cafePairMembers, cafeParticipants, cafeRounds } from "../../../db/schema/index.ts";
import { sendMailJob } from "../../mail/api.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { cafePersonalData } from "./personal-data.ts";
import { listPairingsOf } from "./repository.ts";
import { createCafeTestMember } from "./test-members.ts";
import { createRunCafeRound } from "./use-cases/run-cafe-round.ts";
import { createJoinCafe } from "./use-cases/set-cafe-participation.ts";

let platform: TestPlatform;
let now = new Date("2026-11-02T08:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;

describe("café 10 %: personal data", () => {
  before(async () => {
    platform = await startTestPlatform({ clock });
  });
  after(async () => {
    await platform.stop();
  });

  it("exports the participation and the people met without any token hash, and erases them leaving « Ancien membre » in the other's history", async () => {
    const join = createJoinCafe({ db: db(), clock });
    const runRound = createRunCafeRound({ db: db(), clock, mailer: { enqueue: (executor, message) => platform.jobs.send(executor, sendMailJob, message) }, publicUrl: "http://localhost:3000" });
    const leaving = await createCafeTestMember(db(), { givenName: "Léonie", usualName: "Départ", organisationName: "Institut national de la statistique et des études économiques" });
    const staying = await createCafeTestMember(db(), { givenName: "Samuel", usualName: "Reste", organisationName: "Ministère de l’Intérieur et des Outre-mer" });
    const alone = await createCafeTestMember(db(), { givenName: "Odile", usualName: "Seule", organisationName: "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique" });
    for (const member of [leaving, staying]) await join(member.id);
    assert.equal((await runRound()).status, "ran");
    // Next month Odile joins: she meets Samuel; Léonie (Odile's ministry, met Samuel) is left out.
    await join(alone.id);
    now = new Date("2026-12-02T08:00:00Z");
    await runRound();

    const exported = await cafePersonalData.export(db(), { id: leaving.id, email: leaving.email });
    assert.deepEqual(Object.keys(exported).sort(), ["cafe_pair_members", "cafe_participants"]);
    assert.equal(exported.cafe_participants!.length, 1);
    assert.equal(exported.cafe_participants![0]!.user_id, leaving.id);
    assert.equal(exported.cafe_pair_members!.length, 1);
    assert.equal(exported.cafe_pair_members![0]!.month, "2026-11");
    assert.equal(exported.cafe_pair_members![0]!.partners, "Samuel Reste");
    assert.equal(exported.cafe_pair_members![0]!.ministry, "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique");
    const hashes = await db().select({ hash: cafePairMembers.optOutTokenHash }).from(cafePairMembers).where(eq(cafePairMembers.userId, leaving.id));
    assert.ok(!JSON.stringify(exported).includes(hashes[0]!.hash), "une empreinte de jeton est exportée");
    const december = await db().select().from(cafeRounds).where(eq(cafeRounds.month, "2026-12"));
    assert.deepEqual(december[0]!.unpairedUserIds, [leaving.id]);

    await db().transaction((tx) => cafePersonalData.erase(tx, { id: leaving.id, email: leaving.email }, { now }));
    assert.equal((await db().select().from(cafeParticipants).where(eq(cafeParticipants.userId, leaving.id))).length, 0);
    assert.equal((await db().select().from(cafePairMembers).where(eq(cafePairMembers.userId, leaving.id))).length, 0);
    for (const round of await db().select().from(cafeRounds)) assert.ok(!round.unpairedUserIds.includes(leaving.id), `encore dans les personnes seules de ${round.month}`);
    const history = await listPairingsOf(db(), staying.id);
    assert.deepEqual(history, [
      { month: "2026-12", partners: [{ name: "Odile Seule", slug: alone.slug, ministryName: "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique" }] },
      { month: "2026-11", partners: [{ name: "Ancien membre", slug: null, ministryName: null }] },
    ]);
    assert.deepEqual(await cafePersonalData.export(db(), { id: leaving.id, email: leaving.email }), { cafe_participants: [], cafe_pair_members: [] });
  });
});
