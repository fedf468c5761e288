import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { calls, proposals, proposalSupports, proposalTransitions } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

describe("the demo call", () => {
  let platform: TestPlatform;
  const now = new Date("2026-11-30T10:00:00Z");

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
  });
  after(async () => {
    await platform.stop();
  });

  it("opens one call on the current season, open now, with proposals in different states made through the use cases", async () => {
    const db = platform.database.db;
    const [call] = await db.select().from(calls);
    assert.ok(call && call.opensAt < now && call.closesAt > now, "l’appel de démonstration est ouvert");
    const states = (await db.select({ state: proposals.state }).from(proposals)).map((row) => row.state).sort();
    assert.deepEqual(states, ["draft", "information_requested", "submitted", "under_review"]);
    assert.equal((await db.select().from(proposalSupports)).length, 1);
    assert.ok((await db.select().from(proposalTransitions)).length >= 4);
  });
});
