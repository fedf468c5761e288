import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import type { ContentFields } from "../domain/content-item.ts";
import { createSaveContentItem } from "../use-cases/save-content-item.ts";

const now = new Date("2026-03-10T09:00:00Z");
const clock = { now: () => now };
const author = { userId: null, label: "Test" };

function fields(overrides: Partial<ContentFields> & Pick<ContentFields, "kind" | "slug" | "title">): ContentFields {
  return { summary: null, body: "", bodyFormat: "markdown", coverImage: null, coverImageAlt: null, tags: [], date: null, status: "published", publishAt: null, details: {}, ...overrides };
}

function wellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  assert.equal(result, true, `XML mal formé : ${JSON.stringify(result)}`);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "item", "url", "category"].includes(name) });

describe("feeds, sitemap and robots.txt", () => {
  let platform: TestPlatform;

  before(async () => {
    platform = await startTestPlatform({ clock, config: { SEED_DEMO: "false" } });
    const save = createSaveContentItem({ db: platform.database.db, clock });
    const items: ContentFields[] = [
      fields({ kind: "news", slug: "ancienne", title: "Ancienne actualité", date: new Date("2025-01-05T00:00:00Z"), summary: "Un résumé", tags: ["données"] }),
      fields({
        kind: "news",
        slug: "hostile",
        title: `Titre <script>&"`,
        date: new Date("2026-02-01T00:00:00Z"),
        summary: `Résumé <b>&"`,
        body: "Du **gras**, un [lien](/projets/un-projet) et <script>alert(1)</script>]]> la fin.",
        tags: [`étiquette <"&>`, "ouverture"],
      }),
      fields({ kind: "news", slug: "brouillon", title: "Brouillon secret", status: "draft", date: new Date("2026-03-01T00:00:00Z") }),
      fields({ kind: "news", slug: "programmee", title: "Actualité programmée", publishAt: new Date("2026-04-01T00:00:00Z"), date: new Date("2026-04-01T00:00:00Z") }),
      fields({ kind: "event", slug: "atelier-mars", title: "Atelier de mars", details: { startsAt: "2026-03-20T13:30:00Z", location: "Paris" } }),
      fields({ kind: "event", slug: "atelier-janvier", title: "Atelier de janvier", details: { startsAt: "2026-01-15T09:00:00Z" } }),
      fields({ kind: "event", slug: "atelier-brouillon", title: "Atelier brouillon", status: "draft", details: { startsAt: "2026-05-15T09:00:00Z" } }),
      fields({ kind: "project", slug: "un-projet", title: "Un projet" }),
      fields({ kind: "page", slug: "programme/contribuer", title: "Contribuer" }),
    ];
    for (const item of items) await save({ fields: item, author, note: "Création" });
  });
  after(async () => {
    await platform?.stop();
  });

  it("serves the news as a well-formed Atom feed of published posts only, newest first, with absolute links", async () => {
    const response = await platform.app.inject("/actualites/flux.atom");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/atom+xml; charset=utf-8");
    wellFormed(response.body);
    const feed = parser.parse(response.body).feed;
    const entries = feed.entry as { title: { "#text": string }; id: string; link: { "@href": string }; content: { "#text": string }; category: { "@term": string }[] }[];
    assert.deepEqual(
      entries.map((entry) => entry.id),
      ["http://localhost:3000/actualites/hostile", "http://localhost:3000/actualites/ancienne"],
    );
    const hostile = entries[0]!;
    assert.equal(hostile.link["@href"], "http://localhost:3000/actualites/hostile");
    assert.equal(hostile.title["#text"], "Titre &lt;script&gt;&amp;&quot;");
    assert.match(hostile.content["#text"], /<strong>gras<\/strong>/);
    assert.match(hostile.content["#text"], /href="http:\/\/localhost:3000\/projets\/un-projet"/);
    assert.doesNotMatch(hostile.content["#text"], /<script/);
    assert.deepEqual(
      hostile.category.map((category) => category["@term"]),
      ["étiquette ‹”&›", "ouverture"],
    );
    assert.doesNotMatch(response.body, /Brouillon secret|Actualité programmée/);
    // Dated by the post's own date, not by when it was saved or imported (the clock's now).
    assert.deepEqual(
      (entries as unknown as { updated: string }[]).map((entry) => entry.updated),
      ["2026-02-01T00:00:00.000Z", "2025-01-05T00:00:00.000Z"],
    );
    assert.equal(feed.updated, "2026-02-01T00:00:00.000Z");
  });

  it("serves the news as a well-formed RSS feed with the same posts", async () => {
    const response = await platform.app.inject("/actualites/flux.rss");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/rss+xml; charset=utf-8");
    wellFormed(response.body);
    const items = parser.parse(response.body).rss.channel.item as { title: string; link: string; category: string[] }[];
    assert.deepEqual(
      items.map((item) => item.link),
      ["http://localhost:3000/actualites/hostile", "http://localhost:3000/actualites/ancienne"],
    );
    assert.equal(items[0]!.title, `Titre <script>&"`);
    assert.deepEqual(items[0]!.category, [`étiquette <"&>`, "ouverture"]);
  });

  it("shows a scheduled post in the feed once its time has come", async () => {
    const later = await startTestPlatform({ clock: { now: () => new Date("2026-04-02T00:00:00Z") }, config: { SEED_DEMO: "false" } });
    try {
      const save = createSaveContentItem({ db: later.database.db, clock });
      await save({ fields: fields({ kind: "news", slug: "programmee", title: "Actualité programmée", publishAt: new Date("2026-04-01T00:00:00Z") }), author, note: "Création" });
      const body = (await later.app.inject("/actualites/flux.atom")).body;
      assert.match(body, /Actualité programmée/);
    } finally {
      await later.stop();
    }
  });

  it("serves the published events in Atom and RSS, latest start first, with when and where", async () => {
    for (const [format, type] of [
      ["atom", "application/atom+xml; charset=utf-8"],
      ["rss", "application/rss+xml; charset=utf-8"],
    ] as const) {
      const response = await platform.app.inject(`/evenements/flux.${format}`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["content-type"], type);
      wellFormed(response.body);
      assert.doesNotMatch(response.body, /Atelier brouillon/);
      const parsed = parser.parse(response.body);
      const links = format === "atom" ? (parsed.feed.entry as { id: string }[]).map((entry) => entry.id) : (parsed.rss.channel.item as { link: string }[]).map((item) => item.link);
      assert.deepEqual(links, ["http://localhost:3000/evenements/atelier-mars", "http://localhost:3000/evenements/atelier-janvier"]);
      assert.match(response.body, /Le 20 mars 2026 à\u00a014\u00a0h\u00a030, Paris/);
    }
  });

  it("lists the static pages and every published item once in a well-formed sitemap, with their last change", async () => {
    const response = await platform.app.inject("/sitemap.xml");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/xml; charset=utf-8");
    wellFormed(response.body);
    const urls = parser.parse(response.body).urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((url) => url.loc);
    assert.equal(new Set(locs).size, locs.length);
    for (const path of ["/", "/actualites", "/evenements", "/plan-du-site", "/mentions-legales", "/actualites/hostile", "/evenements/atelier-mars", "/projets/un-projet", "/programme/contribuer"]) {
      assert.ok(locs.includes(`http://localhost:3000${path}`), `${path} manque au plan`);
    }
    for (const path of ["/actualites/brouillon", "/actualites/programmee", "/evenements/atelier-brouillon", "/recherche"]) {
      assert.ok(!locs.includes(`http://localhost:3000${path}`), `${path} ne doit pas y être`);
    }
    assert.equal(urls.find((url) => url.loc === "http://localhost:3000/actualites/hostile")?.lastmod, "2026-03-10");
  });

  it("lets crawlers in, keeps them out of private areas and points them to the sitemap", async () => {
    const response = await platform.app.inject("/robots.txt");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/plain; charset=utf-8");
    const lines = response.body.split("\n");
    for (const line of ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /compte", "Disallow: /connexion", "Disallow: /_dev", "Sitemap: http://localhost:3000/sitemap.xml"]) {
      assert.ok(lines.includes(line), `robots.txt sans « ${line} »`);
    }
  });
});
