import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { agreements, agreementSignatures, agreementVersions, eventRegistrations, events, timeEntries } from "../../../db/schema/index.ts";
import { assertFrenchSpacing, visibleText } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-05-20T10:00:00Z") };
const db = () => platform.database.db;
const managerEmail = "paul.manager@insee.fr";

/** Version 2 of an agreement, naming another manager: the earlier version's manager no longer sees the agent. */
async function changeManagerAddress(agreementId: string, newEmail: string) {
  const [first] = await db().select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId));
  await db().insert(agreementVersions).values({ ...first!, version: 2, managerEmail: newEmail, managerName: "Nouvelle Manager", createdAt: new Date("2031-02-01T10:00:00Z") });
  await db().update(agreementSignatures).set({ invalidatedAt: new Date("2031-02-01T10:00:00Z") }).where(eq(agreementSignatures.agreementId, agreementId));
  await db().insert(agreementSignatures).values({ agreementId, version: 2, role: "manager", name: "Nouvelle Manager", email: newEmail, askedAt: new Date("2031-02-01T10:00:00Z") });
  await db().update(agreements).set({ currentVersion: 2, status: "sent" }).where(eq(agreements.id, agreementId));
}

describe("« Mes agents »: a manager's agents and their ledgers", () => {
  let alice: SignedInPerson;
  let manager: SignedInPerson;
  let stranger: SignedInPerson;
  let programme: SignedInPerson;
  let aliceAgreement: string;
  let brunoAgreement: string;
  let chloeAgreement: string;
  let denisAgreement: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const seasonId = await createTenPercentSeason(db());
    alice = await signedInPerson(platform, "alice.agent@insee.fr", { givenName: "Alice", usualName: "Agent" });
    const bruno = await signedInPerson(platform, "bruno.agent@insee.fr");
    const chloe = await signedInPerson(platform, "chloe.agent@ign.fr");
    const denis = await signedInPerson(platform, "denis.agent@insee.fr");
    manager = await signedInPerson(platform, managerEmail);
    stranger = await signedInPerson(platform, "quelquun.dautre@insee.fr");
    programme = await signedInPerson(platform, "camille.martin@numerique.gouv.fr");
    aliceAgreement = await insertAgreement(db(), { userId: alice.id, seasonId, memberName: "Alice Agent", memberEmail: alice.email, managerEmail: "Paul.Manager@INSEE.fr" });
    brunoAgreement = await insertAgreement(db(), { userId: bruno.id, seasonId, status: "sent", memberName: "Bruno Partage", memberEmail: bruno.email, managerEmail, shareDetails: true, shareKind: "half_days", halfDaysPerMonth: 4 });
    chloeAgreement = await insertAgreement(db(), { userId: chloe.id, seasonId, memberName: "Chloé Ailleurs", memberEmail: chloe.email, managerEmail: "autre.manager@ign.fr" });
    denisAgreement = await insertAgreement(db(), { userId: denis.id, seasonId, memberName: "Denis Ancien", memberEmail: denis.email, managerEmail });
    await changeManagerAddress(denisAgreement, "nouvelle.manager@insee.fr");
    // Alice attended a two-hour workshop on 6 May (one half-day) and declared a half-day of work on 7 May.
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-2031-05-06", kind: "atelier", title: "Atelier de mai sur les données", startsAt: new Date("2031-05-06T12:00:00Z"), endsAt: new Date("2031-05-06T14:00:00Z") })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: alice.id, mode: "in_person", status: "confirmed", checkInToken: "mes-agents-alice", attendedAt: new Date("2031-05-06T12:05:00Z") });
    await db().insert(timeEntries).values([
      { userId: alice.id, workedOn: "2031-05-07", halfDays: 1, description: "Nettoyage confidentiel du répertoire" },
      { userId: bruno.id, workedOn: "2031-04-15", halfDays: 2, description: "Revue du code partagée" },
      { userId: chloe.id, workedOn: "2031-05-02", halfDays: 2, description: "Travail de Chloé sur la cartographie" },
    ]);
  });
  after(async () => {
    await platform.stop();
  });

  it("lists the manager's agents, whatever the case of the address, with this month's and the period's used / budget, and not the others'", async () => {
    const response = await manager.http.get("/mes-agents");
    assert.equal(response.statusCode, 200);
    const text = visibleText(response.body);
    assert.match(text, /Alice Agent/);
    assert.match(text, /Bruno Partage/);
    assert.doesNotMatch(text, /Chloé Ailleurs/, "l’agent d’un autre manager");
    assert.doesNotMatch(text, /Denis Ancien/, "une version plus ancienne seulement le nommait");
    // Alice, May: the workshop (1) and the declared half-day (1) against 2; the period (January to December) budgets 24.
    assert.match(text, /Alice Agent Insee Saison 2031 Acceptée 2\u00a0\/\u00a02 2\u00a0\/\u00a024/);
    assert.match(text, /Bruno Partage Insee Saison 2031 En attente de signature 0\u00a0\/\u00a04 2\u00a0\/\u00a048/);
    assert.match(response.body, new RegExp(`href="/mes-agents/${aliceAgreement}"`));
    assert.match(response.body, new RegExp(`href="/conventions/${aliceAgreement}"`));
    assertFrenchSpacing(response.body);
  });

  it("shows the ledger month by month with the events attended, the work lines only when the agent shares them", async () => {
    const hidden = await manager.http.get(`/mes-agents/${aliceAgreement}`);
    assert.equal(hidden.statusCode, 200);
    const text = visibleText(hidden.body);
    assert.match(text, /Atelier de mai sur les données/);
    assert.match(text, /Mai 2031 2\u00a0\/\u00a02 1\u00a0demi-journée 1\u00a0demi-journée/, "the table counts; the titles are listed under it");
    assert.match(text, /Les événements du programme suivis Mai 2031 .*Atelier de mai sur les données, événement du programme/);
    assert.match(text, /Le temps d’Alice Agent/, "« de » elided");
    assert.doesNotMatch(text, /Nettoyage confidentiel/, "Alice ne partage pas le détail de ses travaux");
    assert.match(text, /Alice Agent garde le détail de ses travaux déclarés/);
    assertFrenchSpacing(hidden.body);

    const shared = visibleText((await manager.http.get(`/mes-agents/${brunoAgreement}`)).body);
    assert.match(shared, /Le détail des mois .*Revue du code partagée/);
    assert.doesNotMatch(shared, /garde le détail/);
  });

  it("refuses a manager another manager's agent, or an agent a former version named (403), and anyone else signed in", async () => {
    assertRefusedByPermission(await manager.http.get(`/mes-agents/${chloeAgreement}`), 403);
    assertRefusedByPermission(await manager.http.get(`/mes-agents/${denisAgreement}`), 403);
    assertRefusedByPermission(await stranger.http.get(`/mes-agents/${aliceAgreement}`), 403);
    for (const path of ["/mes-agents", `/mes-agents/${aliceAgreement}`]) {
      const signedOut = await new HttpSession(platform.app).get(path);
      assert.equal(signedOut.statusCode, 303, "signed out: sent to sign in");
      assert.match(String(signedOut.headers.location), /^\/connexion/);
    }
  });

  it("no longer shows a replaced agreement (a new manager means a new agreement) to its former manager", async () => {
    const emile = await signedInPerson(platform, "emile.remplace@insee.fr");
    const [season] = await db().select({ seasonId: agreements.seasonId }).from(agreements).where(eq(agreements.id, aliceAgreement));
    const replaced = await insertAgreement(db(), { userId: emile.id, seasonId: season!.seasonId, memberName: "Émile Remplacé", managerEmail });
    await db().update(agreements).set({ status: "replaced" }).where(eq(agreements.id, replaced));
    assert.doesNotMatch(visibleText((await manager.http.get("/mes-agents")).body), /Émile Remplacé/);
    assertRefusedByPermission(await manager.http.get(`/mes-agents/${replaced}`), 403);
    assert.equal((await programme.http.get(`/mes-agents/${replaced}`)).statusCode, 200);
  });

  it("tells someone nobody named what the page is, and answers 404 for an unknown or malformed agreement", async () => {
    const empty = await stranger.http.get("/mes-agents");
    assert.equal(empty.statusCode, 200);
    assert.match(visibleText(empty.body), /Aucune convention 10\u00a0% ne vous désigne/);
    assert.match(visibleText(empty.body), /ProConnect/);
    assert.match(visibleText(empty.body), /Vous recevez un courriel avec un lien personnel pour la lire et la signer/, "how a manager gets here");
    assert.match(empty.body, /href="\/mon-10-pourcent"/, "a member looking for their own agreement is sent to it");
    assertFrenchSpacing(empty.body);
    assert.equal((await manager.http.get("/mes-agents/00000000-0000-4000-8000-000000000000")).statusCode, 404);
    assert.equal((await manager.http.get("/mes-agents/pas-un-identifiant")).statusCode, 404);
    assert.equal((await manager.http.get("/mes-agents/------------------------------------")).statusCode, 404);
  });

  it("lets the programme team read any agent's ledger with the work lines, and sends the member to their own ledger", async () => {
    const read = await programme.http.get(`/mes-agents/${chloeAgreement}`);
    assert.equal(read.statusCode, 200);
    assert.match(visibleText(read.body), /Travail de Chloé sur la cartographie/);
    const own = await alice.http.get(`/mes-agents/${aliceAgreement}`);
    assert.equal(own.statusCode, 303);
    assert.equal(own.headers.location, "/mon-10-pourcent/temps");
    // The new manager of Denis sees him.
    const newManager = await signedInPerson(platform, "nouvelle.manager@insee.fr");
    assert.match(visibleText((await newManager.http.get("/mes-agents")).body), /Denis Ancien/);
    const [row] = await db().select({ version: agreements.currentVersion }).from(agreements).where(and(eq(agreements.id, denisAgreement)));
    assert.equal(row!.version, 2);
  });
});
