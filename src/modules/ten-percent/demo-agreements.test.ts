import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { findCurrentSeason } from "../seasons/api.ts";
import { listAgreementsOfMember } from "./agreement/agreement-repository.ts";
import { loadLedger, summariseLedger } from "./ledger/ledger-repository.ts";
import { seedDemoAgreements } from "./demo-agreements.ts";

const now = new Date("2026-12-08T10:00:00Z");
let platform: TestPlatform;

async function idOf(email: string): Promise<string> {
  const [user] = await platform.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  assert.ok(user, email);
  return user.id;
}

describe("the demo's « Mon 10 % »", () => {
  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
  });
  after(async () => {
    await platform.stop();
  });

  it("gives Inès an accepted agreement for the running season, with workshops checked in and declared work in her ledger", async () => {
    const db = platform.database.db;
    const season = await findCurrentSeason(db, now);
    assert.ok(season, "une saison en cours");
    const [agreement, ...others] = await listAgreementsOfMember(db, await idOf("ines.benali@insee.fr"));
    assert.equal(others.length, 0);
    assert.ok(agreement);
    assert.equal(agreement.status, "accepted");
    assert.equal(agreement.seasonId, season.id);
    assert.equal(agreement.terms.managerEmail, "olivier.dumas@insee.fr");
    assert.equal(agreement.signatures[0]?.decision, "accepted");
    const lines = await loadLedger(db, agreement.userId, agreement.terms);
    assert.equal(lines.filter((line) => line.source === "attendance").length, 2, "deux ateliers émargés");
    assert.equal(lines.filter((line) => line.source === "work").length, 2, "deux lignes déclarées");
    const summary = summariseLedger(lines, agreement.terms, "2026-12-08");
    assert.equal(summary.used, 2 * 1 + 2 * 1);
    assert.ok(summary.budget >= 2 * 8, `budget de la saison : ${summary.budget}`);
  });

  it("gives Thomas an agreement still waiting for his manager", async () => {
    const [agreement] = await listAgreementsOfMember(platform.database.db, await idOf("thomas.leroy@ign.fr"));
    assert.equal(agreement?.status, "sent");
    assert.equal(agreement?.signatures[0]?.decision, null);
    assert.equal(agreement?.terms.managerName, "Nathalie Roche");
  });

  it("seeds once: a second run adds nothing", async () => {
    await seedDemoAgreements(platform.database.db, { now });
    assert.equal((await listAgreementsOfMember(platform.database.db, await idOf("ines.benali@insee.fr"))).length, 1);
  });
});
