import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { and, eq, gte, like, lt } from "drizzle-orm";
import { events } from "../src/db/schema/index.ts";
import { createFileMediaStorage, createImportContent } from "../src/modules/content/api.ts";
import { createImportedAgenda } from "../src/modules/events/api.ts";
import { shippedContentDir, startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const closing = "/evenements/evenement-de-cloture-de-la-saison-1-du-programme-10";

/** The card titles of a section of /evenements (`a-venir`, `passes`). */
function titlesIn(html: string, section: string): string[] {
  const start = html.indexOf(`id="${section}"`);
  const end = html.indexOf("</section>", start);
  return [...html.slice(start, end).matchAll(/<h3 class="fr-card__title"><a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => `${match[1]} ${match[2]}`);
}

/** The demo imports the shipped site (content/): what it publishes agrees with the platform. */
describe("the imported site in the demo", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => new Date("2026-12-01T10:00:00Z") } });
  });
  after(() => platform.stop());
  const get = (url: string) => platform.app.inject(url);

  it("does not publish the placeholder « Example page » of another site: not at /example, nor in the sitemap, search or feeds", async () => {
    assert.equal((await get("/example")).statusCode, 404);
    assert.equal((await get("/example/")).headers.location, "/example");
    for (const url of ["/sitemap.xml", "/recherche?q=example", "/recherche?q=warranty", "/actualites/flux.atom", "/evenements/flux.rss"]) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.doesNotMatch(response.body, /\/example\b(?!\.)|Example page/, url);
    }
  });

  it("makes the old site's event page an agenda event: in the archive of /evenements, at its old address, once", async () => {
    const past = titlesIn((await get("/evenements")).body, "passes");
    assert.ok(past.includes(`${closing} Evénement de clôture de la saison 1 du programme 10\u00a0%`), past.join("\n"));
    // The demo no longer makes a second event of the same closing (it used to have « Clôture de la saison 2022 »).
    const day = { from: new Date("2022-12-05T00:00:00Z"), to: new Date("2022-12-06T00:00:00Z") };
    const thatDay = await platform.database.db.select({ slug: events.slug, kind: events.kind }).from(events).where(and(gte(events.startsAt, day.from), lt(events.startsAt, day.to)));
    assert.deepEqual(thatDay, [{ slug: "evenement-de-cloture-de-la-saison-1-du-programme-10", kind: "cloture" }]);
    const page = await get(closing);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Lundi 5 décembre 2022, 15\u00a0h – 19\u00a0h/);
    assert.match(page.body, /Lieu de la transformation publique/);
    assert.match(page.body, /Membres du programme/);
    assert.match(page.body, /Saison 2022/);
  });

  it("makes each imported training an event of /formations, never twice, and its old address 301s to it", async () => {
    const imported = await platform.database.db.select({ slug: events.slug, kind: events.kind }).from(events).where(like(events.sourceKey, "content-item:%"));
    assert.equal(imported.filter((event) => event.kind === "formation").length, 9);
    const trainings = await platform.database.db.select({ slug: events.slug }).from(events).where(and(eq(events.kind, "formation"), lt(events.startsAt, new Date("2024-01-01T00:00:00Z"))));
    assert.equal(trainings.length, 9, "one event per training of the imported page, the demo adding none");
    const moved = await get("/formations/machine-learning-ops");
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, "/evenements/machine-learning-ops");
    assert.match((await get("/formations")).body, /<a href="\/evenements\/machine-learning-ops">Machine Learning Ops<\/a>/);
  });

  it("imports again (command line or zip) without a duplicate, and updates the event when its page changed", async () => {
    const db = platform.database.db;
    const count = async () => (await db.select({ id: events.id }).from(events)).length;
    const before = await count();
    const clock = { now: () => new Date("2026-12-01T10:00:00Z") };
    const importContent = createImportContent({ db, clock, media: createFileMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), "p10-media-"))), agenda: createImportedAgenda({ db, clock }) });
    const again = await importContent(shippedContentDir);
    assert.equal(again.counts.created, 0);
    assert.equal(again.entries.find((entry) => entry.path === closing.replace("/evenements", "/evenements"))?.agenda?.outcome, "unchanged");
    assert.equal(await count(), before);

    // The same seed, edited: its event is updated in place (same address, same row).
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "p10-seeds-"));
    const seed = fs.readdirSync(path.join(shippedContentDir, "seeds")).find((name) => name.startsWith("003_"))!;
    fs.mkdirSync(path.join(folder, "seeds"));
    const text = fs.readFileSync(path.join(shippedContentDir, "seeds", seed), "utf8").replace("location: Lieu de la transformation publique", "location: Lieu de la Transformation publique, Paris");
    fs.writeFileSync(path.join(folder, "seeds", seed), text);
    const edited = await importContent(folder);
    const entry = edited.entries.find((candidate) => candidate.path === closing);
    assert.equal(entry?.outcome, "updated");
    assert.deepEqual(entry?.agenda, { outcome: "updated", path: closing });
    assert.equal(await count(), before);
    const [event] = await db.select({ placeName: events.placeName, version: events.version }).from(events).where(eq(events.slug, "evenement-de-cloture-de-la-saison-1-du-programme-10"));
    assert.equal(event?.placeName, "Lieu de la Transformation publique, Paris");
    assert.equal(event?.version, 2);
  });

  it("adopts an event the demo made before the importer did (key content:<path>) instead of adding a second one", async () => {
    const db = platform.database.db;
    await db.update(events).set({ sourceKey: "content:/formations/machine-learning-ops" }).where(eq(events.slug, "machine-learning-ops"));
    const count = async () => (await db.select({ id: events.id }).from(events)).length;
    const before = await count();
    const clock = { now: () => new Date("2026-12-01T10:00:00Z") };
    const report = await createImportContent({ db, clock, media: createFileMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), "p10-media-"))), agenda: createImportedAgenda({ db, clock }) })(shippedContentDir);
    assert.deepEqual(report.entries.find((entry) => entry.path === "/formations/machine-learning-ops")?.agenda, { outcome: "unchanged", path: "/evenements/machine-learning-ops" });
    assert.equal(await count(), before);
    const [event] = await db.select({ sourceKey: events.sourceKey }).from(events).where(eq(events.slug, "machine-learning-ops"));
    assert.match(event?.sourceKey ?? "", /^content-item:[0-9a-f-]{36}$/);
  });
});
