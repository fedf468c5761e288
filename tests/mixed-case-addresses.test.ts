import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { shippedContentDir, startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/**
 * Old addresses are matched whatever their case: the old site's files named in mixed case
 * (`projets/TrouverMonExpertData.md`) were linked with that spelling, while Hugo published them lower-cased.
 */
const projectsFolder = path.join(shippedContentDir, "site-2023", "content", "projets");
const mixedCaseNames = fs
  .readdirSync(projectsFolder)
  .filter((name) => name.endsWith(".md") && name !== "_index.md" && /[A-Z]/.test(name))
  .map((name) => name.replace(/\.md$/, ""));

describe("old addresses in mixed case", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform.stop());

  /** Follows 301s (at most three) and returns the last answer and where it was. */
  async function follow(url: string): Promise<{ statusCode: number; url: string; body: string; hops: number }> {
    let current = url;
    for (let hops = 0; hops <= 3; hops += 1) {
      const response = await platform.app.inject(current);
      if (response.statusCode !== 301) return { statusCode: response.statusCode, url: current, body: response.body, hops };
      current = String(response.headers.location);
    }
    throw new Error(`Trop de redirections depuis ${url}`);
  }

  it("finds mixed-case project files in the shipped corpus", () => {
    assert.ok(mixedCaseNames.includes("TrouverMonExpertData"), mixedCaseNames.join(", "));
    assert.ok(mixedCaseNames.length >= 5, mixedCaseNames.join(", "));
  });

  it("lead /projets/TrouverMonExpertData/ and every mixed-case project address to its page", async () => {
    for (const name of mixedCaseNames) {
      for (const url of [`/projets/${name}/`, `/projets/${name}`]) {
        const answer = await follow(url);
        assert.equal(answer.statusCode, 200, `${url} → ${answer.url}`);
        assert.equal(answer.url, answer.url.toLowerCase(), `${url} → ${answer.url}`);
        assert.ok(answer.hops >= 1 && answer.hops <= 2, `${url} : ${answer.hops} redirections`);
      }
    }
    const ted = await follow("/projets/TrouverMonExpertData/");
    assert.equal(ted.url, "/projets/trouvermonexpertdata");
    assert.equal((await platform.app.inject("/projets/TrouverMonExpertData/")).headers.location, "/projets/trouvermonexpertdata");
  });

  it("matches stored redirects and other sections' paths whatever the case", async () => {
    // Hugo's address of `Impact_environnemental.md` is a stored redirect to the item's hyphenated path.
    assert.equal((await follow("/projets/Impact_Environnemental/")).url, "/projets/impact-environnemental");
    assert.equal((await follow("/Actualites")).url, "/actualites");
    assert.equal((await follow("/Programme/Calendrier/")).statusCode, 200);
    assert.equal((await follow("/formations/Machine-Learning-Ops")).url, "/evenements/machine-learning-ops");
    assert.equal((await follow("/projets/Nexistepas")).statusCode, 404);
  });
});
