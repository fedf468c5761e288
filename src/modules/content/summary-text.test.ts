import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import type { ContentFields } from "./domain/content-item.ts";
import { createSaveContentItem } from "./use-cases/save-content-item.ts";
import { plainSummary } from "./views/site-parts.tsx";

const now = new Date("2026-03-10T09:00:00Z");
const clock = { now: () => now };
const hostile = `Le **quinoa** en <script>alert("x")</script>résumé<style>p { color: red }</style> &amp; fin.`;

describe("summaries derived from sanitised content", () => {
  it("never keep the text of a stripped script or style", () => {
    assert.equal(plainSummary(hostile), "Le quinoa en résumé & fin.");
    assert.equal(plainSummary(`<SCRIPT type="module">alert("x")</SCRIPT >Après`), "Après");
    // An unclosed script hides the rest, as a browser would.
    assert.equal(plainSummary(`Avant <script>alert("x")`), "Avant");
    assert.equal(plainSummary("Un [lien](https://exemple.fr) et du _texte_"), "Un lien et du texte");
  });

  describe("on lists, meta descriptions, feeds and search", () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform({ clock, config: { SEED_DEMO: "false" } });
      const fields: ContentFields = {
        kind: "news",
        slug: "quinoa",
        title: "Le quinoa",
        summary: hostile,
        body: `Corps <script>alert("x")</script> du quinoa.`,
        bodyFormat: "markdown",
        coverImage: null,
        coverImageAlt: null,
        tags: [],
        date: new Date("2026-02-01T00:00:00Z"),
        status: "published",
        publishAt: null,
        details: {},
      };
      await createSaveContentItem({ db: platform.database.db, clock })({ fields, author: { userId: null, label: "Test" }, note: "Création" });
    });
    after(() => platform?.stop());

    for (const url of ["/actualites", "/actualites/quinoa", "/actualites/flux.atom", "/actualites/flux.rss", "/recherche?q=quinoa"]) {
      it(`${url} shows the summary without « alert » nor CSS`, async () => {
        const response = await platform.app.inject(url);
        assert.equal(response.statusCode, 200);
        assert.doesNotMatch(response.body, /alert|color: red/);
        assert.match(response.body, /résumé/);
      });
    }
  });
});
