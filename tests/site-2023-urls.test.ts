import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFrontMatter } from "../src/modules/content/api.ts";
import { shippedContentDir, startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/**
 * Walks the 2023 site's content folder and computes, the way Hugo did, the URL each file was published
 * at; every one of them must still answer, directly or through 301 redirects, with the right page.
 * The expectations are read from the files here, independently of the importer.
 */
const contentRoot = path.join(shippedContentDir, "site-2023", "content");

type PublishedFile = { file: string; url: string; title: string | null; date: Date | null; kind: "text" | "media" | "placeholder" };

/**
 * The platform's own pages answer at these paths, or lead from them (301) to the page that replaces them: the legal
 * pages (they describe this platform, not the old site), the join page, the projects, the old « Communauté : A venir », and the contact page (a form to the programme team).
 */
const platformOwnedPaths = new Set(["/accessibilite/", "/mentions-legales/", "/donnees-personnelles/", "/rejoindre/", "/projets/", "/equipe/", "/contact/"]);

function walk(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Hugo's URL for a content file: sections and slugs lower-cased, with a trailing slash. */
function publishedFiles(): PublishedFile[] {
  return walk(contentRoot).map((full) => {
    const relative = path.relative(contentRoot, full).split(path.sep).join("/");
    const extension = path.extname(relative).toLowerCase();
    const directory = path.posix.dirname(relative) === "." ? "" : path.posix.dirname(relative);
    if (![".md", ".html"].includes(extension)) return { file: relative, url: `/${relative}`, title: null, date: null, kind: "media" };
    const source = fs.readFileSync(full, "utf8");
    const data = parseFrontMatter(source).data;
    const name = path.posix.basename(relative, extension);
    const slug = typeof data.slug === "string" ? data.slug : name.toLowerCase();
    const url = name === "_index" ? (directory ? `/${directory}/` : "/") : `/${directory ? `${directory}/` : ""}${slug}/`;
    const title = typeof data.title === "string" ? data.title : (/<title>([^<]+)<\/title>/.exec(source)?.[1] ?? null);
    const date = data.date instanceof Date ? data.date : typeof data.date === "string" ? new Date(data.date) : null;
    // Another site's whole HTML document dropped in the folder (`example.html`): a placeholder, never published (ADR 0023).
    const placeholder = extension === ".html" && !parseFrontMatter(source).hasFrontMatter && /<html[\s>]/i.test(source) && /<head[\s>]/i.test(source);
    return { file: relative, url, title, date: directory === "actualites" && name !== "_index" ? date : null, kind: placeholder ? "placeholder" : "text" };
  });
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;|&#xA0;|\u00a0/gi, " ")
    .replace(/&amp;/g, "&");
}

describe("every URL of the 2023 site", () => {
  let platform: TestPlatform;
  const files = publishedFiles();

  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform?.stop();
  });

  it("covers the whole folder (pages, posts, projects and images)", () => {
    assert.ok(files.filter((file) => file.kind === "text").length >= 30);
    assert.ok(files.some((file) => file.kind === "media"));
  });

  for (const file of files.filter((candidate) => candidate.kind === "placeholder")) {
    it(`does not publish the placeholder ${file.url} (${file.file})`, async () => {
      assert.equal((await platform.app.inject({ method: "GET", url: file.url.replace(/\/$/, "") })).statusCode, 404);
    });
  }

  for (const file of files.filter((candidate) => candidate.kind !== "placeholder")) {
    it(`answers ${file.url} (${file.file}) with 200 or 301 to the right page`, async () => {
      let url = file.url;
      let response = await platform.app.inject({ method: "GET", url });
      for (let hops = 0; response.statusCode === 301 && hops < 3; hops++) {
        url = new URL(String(response.headers.location), "http://localhost").pathname;
        response = await platform.app.inject({ method: "GET", url });
      }
      assert.equal(response.statusCode, 200, `${file.url} ended at ${url} with ${response.statusCode}`);
      if (file.kind === "media") {
        assert.match(String(response.headers["content-type"]), /^image\//);
        return;
      }
      const html = decodeEntities(response.body);
      assert.doesNotMatch(html, /\{\{[<%]/, "no raw Hugo shortcode");
      assert.doesNotMatch(html, /^\s*(title|slug|date|summary):/m, "no raw front matter");
      for (const [, source] of response.body.matchAll(/<img[^>]+src="([^"]+)"/g)) {
        if (!source!.startsWith("/")) continue;
        const image = await platform.app.inject({ method: "GET", url: source! });
        assert.equal(image.statusCode, 200, `${url} shows the image ${source}`);
      }
      if (platformOwnedPaths.has(file.url)) return;
      // French typography may add (non-breaking) spaces, as in « Programme 10 % »: compare without spaces.
      const withoutSpaces = (text: string) => text.replace(/\s+/g, "");
      if (file.title) assert.ok(withoutSpaces(html).includes(withoutSpaces(file.title)), `${url} shows its title « ${file.title} »`);
      if (file.date) {
        const frenchDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(file.date);
        assert.ok(html.includes(frenchDate), `${url} shows its date « ${frenchDate} »`);
      }
    });
  }
});
