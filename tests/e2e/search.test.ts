import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { ContentFields } from "../../src/modules/content/domain/content-item.ts";
import { createSaveContentItem } from "../../src/modules/content/use-cases/save-content-item.ts";
import { systemClock } from "../../src/shared/clock.ts";
import { expectAccessible, launchChromium, reservePublicUrl, type ServedPlatform, startServedPlatform, withPage } from "../support/browser.ts";

function fields(overrides: Partial<ContentFields> & Pick<ContentFields, "kind" | "slug" | "title">): ContentFields {
  return { summary: null, body: "", bodyFormat: "markdown", coverImage: null, coverImageAlt: null, tags: [], date: null, status: "published", publishAt: null, details: {}, ...overrides };
}

describe("site search in a browser", () => {
  let platform: ServedPlatform;
  let browser: Browser;

  before(async () => {
    platform = await startServedPlatform(await reservePublicUrl());
    const save = createSaveContentItem({ db: platform.database.db, clock: systemClock });
    await save({
      fields: fields({
        kind: "news",
        slug: "recherche-donnees-ouvertes",
        title: "Données ouvertes : le point",
        summary: "Où en est l’ouverture des données publiques ?",
        body: "Les **données** publiques sont un bien commun, et leur ouverture avance chaque saison.",
        date: new Date("2026-02-14T10:00:00Z"),
      }),
      author: { userId: null, label: "Test" },
      note: "Création",
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("shows results for « donnees » without WCAG 2.1 AA violations, in light and dark themes", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      const response = await page.goto("/recherche?q=donnees");
      assert.equal(response?.status(), 200);
      await page.getByRole("heading", { level: 2, name: /résultats? pour « donnees »/ }).waitFor();
      await page.getByRole("link", { name: "Données ouvertes : le point" }).waitFor();
      await expectAccessible(page);
    }));

  it("searches from the header's search bar and filters by type without JavaScript errors", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      await page.goto("/mentions-legales");
      await page.locator("#recherche-entete-input").fill("DONNÉES");
      await page.locator("#recherche-entete-input").press("Enter");
      await page.waitForURL(/\/recherche\?q=DONN%C3%89ES$/);
      await page.getByRole("link", { name: "Données ouvertes : le point" }).waitFor();
      await page.getByText(/^Actualités \(\d+\)$/).click();
      assert.equal(await page.locator("#type-actualite").isChecked(), true);
      await page.getByRole("button", { name: "Filtrer" }).click();
      await page.waitForURL(/type=actualite/);
      await page.getByRole("link", { name: "Données ouvertes : le point" }).waitFor();
      await expectAccessible(page);
    }));

  it("shows the message of an over-long query beside the field, accessibly", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      const response = await page.goto(`/recherche?q=${"données ".repeat(30)}`);
      assert.equal(response?.status(), 400);
      await page.getByText("Votre recherche ne peut dépasser 200 caractères").waitFor();
      await expectAccessible(page);
    }));
});
