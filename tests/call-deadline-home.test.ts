import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { calls, seasonPhases, seasons } from "../src/db/schema/index.ts";
import type { HttpSession } from "./support/http.ts";
import { httpSessionOn, signInOverHttp } from "./support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/** Early December 2026: the demo season 2026-2027 is in its « appel à projets » phase (until 31 December). */
const now = new Date("2026-12-07T10:00:00Z");

/** The deadline a page states for the call: « jusqu’au 6 janvier 2027 à 18 h ». */
function deadlineIn(html: string, where: string): string {
  const deadlines = [...html.matchAll(/jusqu’au (\d+(?:er)? [a-zéû]+(?: \d{4})?)(?: à\u00a0(\d+\u00a0h(?:\u00a0\d+)?))?/g)].map((match) => `${match[1]} à ${match[2] ?? "?"}`);
  assert.equal(new Set(deadlines).size, 1, `${where} : une seule échéance attendue, trouvé ${JSON.stringify(deadlines)}`);
  return deadlines[0]!;
}

/** The home page's season callout (the call is announced there). */
function homeCallout(html: string): string {
  const start = html.indexOf('<div class="fr-callout">');
  return html.slice(start, html.indexOf("</div>", start));
}

describe("the call's deadline on the home page and the call page", () => {
  let platform: TestPlatform;
  let member: HttpSession;
  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
    member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("states the same date and time for the demo call on both pages, read from the call", async () => {
    const visitor = httpSessionOn(platform);
    const callPage = await visitor.get("/appel-a-projets");
    const home = await visitor.get("/");
    assert.equal(deadlineIn(callPage.body, "/appel-a-projets"), "6 janvier 2027 à 18\u00a0h");
    assert.equal(deadlineIn(homeCallout(home.body), "/"), "6 janvier 2027 à 18\u00a0h");
    assert.match(homeCallout(home.body), /href="\/appel-a-projets"/);
  });

  it("follows an edited closing on both pages, whatever the season's planned phase says", async () => {
    const db = platform.database.db;
    await db.update(calls).set({ closesAt: new Date("2027-01-20T16:30:00Z") });
    // The season's planned « appel à projets » phase is moved too, to another day: it is a plan, not the deadline.
    const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    await db.update(seasonPhases).set({ endsOn: "2026-12-20" }).where(and(eq(seasonPhases.seasonId, season!.id), eq(seasonPhases.key, "call")));
    const callPage = await member.get("/appel-a-projets");
    const home = await member.get("/");
    assert.equal(deadlineIn(callPage.body, "/appel-a-projets"), "20 janvier 2027 à 17\u00a0h\u00a030");
    assert.equal(deadlineIn(homeCallout(home.body), "/"), "20 janvier 2027 à 17\u00a0h\u00a030");
  });

  it("shows anonymous visitors the deadline of a call opened by the team at once (the cached home page is cleared)", async () => {
    const db = platform.database.db;
    const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    const visitor = httpSessionOn(platform);
    // The anonymous home page is now in the page cache, with the demo call's deadline.
    assert.equal((await visitor.get("/")).statusCode, 200);
    await db.delete(calls);
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const opened = await team.post("/appel-a-projets/ouvrir", { seasonId: season!.id, title: "Appel à défis 2027", opensAt: "2026-12-01T09:00", closesAt: "2027-02-02T12:00" });
    assert.equal(opened.statusCode, 303);
    assert.equal(deadlineIn((await visitor.get("/appel-a-projets")).body, "/appel-a-projets"), "2 février 2027 à 12\u00a0h");
    assert.equal(deadlineIn(homeCallout((await visitor.get("/")).body), "/"), "2 février 2027 à 12\u00a0h");
  });
});
