import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

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
});
