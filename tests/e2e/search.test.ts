import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentItems } from "../../src/db/schema/index.ts";
import { useServedBrowser, withPage } from "../support/browser.ts";

describe("site search in a browser", () => {
  const served = useServedBrowser({
    prepare: async (platform) => {
      // A post of our own, whatever the demo content holds (inserted directly: tests reach modules only through their API).
      await platform.database.db.insert(contentItems).values({
        kind: "news",
        slug: "recherche-donnees-ouvertes",
        path: "/actualites/recherche-donnees-ouvertes",
        title: "Données ouvertes : le point",
        summary: "Où en est l’ouverture des données publiques ?",
        body: "Les **données** publiques sont un bien commun, et leur ouverture avance chaque saison.",
        date: new Date("2026-02-14T10:00:00Z"),
        status: "published",
      });
    },
  });

  it("shows results for « donnees » without WCAG 2.1 AA violations, in light and dark themes", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const response = await page.goto("/recherche?q=donnees");
      assert.equal(response?.status(), 200);
      await page.getByRole("heading", { level: 2, name: /résultats? pour « donnees »/ }).waitFor();
      await page.getByRole("link", { name: "Données ouvertes : le point" }).waitFor();
    }));

  it("searches from the header's search bar and filters by type without JavaScript errors", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
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
    }));

  it("shows the message of an over-long query beside the field, accessibly", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const response = await page.goto(`/recherche?q=${"données ".repeat(30)}`);
      assert.equal(response?.status(), 400);
      await page.getByText("Votre recherche ne peut dépasser 200 caractères").waitFor();
    }));
});
