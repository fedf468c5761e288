import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

/** Where to save the pages' screenshots for a person to look at (unset: none taken). */
const screenshotDir = process.env.SCREENSHOT_DIR;

describe("the bulloterie in a browser", () => {
  const served = useServedBrowser();

  it("shows the bubbles and their table, filters by category without JavaScript, and opens the workshop view, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/bulloterie");
      await page.getByRole("heading", { level: 1, name: "La bulloterie" }).waitFor();
      const figure = page.getByRole("img", { name: /^Bulles des sujets de la communauté/ });
      await figure.waitFor();
      // The bubbles are drawn: each topic of the table has its outer disc.
      const rows = await page.locator("main table tbody tr").count();
      assert.ok(rows > 5);
      assert.equal(await figure.locator("svg > g").first().locator("circle").count(), rows);
      const box = await figure.boundingBox();
      assert.ok(box && box.width > 600 && box.height > 300, `figure trop petite : ${JSON.stringify(box)}`);
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/bulloterie.png`, fullPage: true });

      await page.getByLabel("Catégorie").selectOption({ label: "Géomatique" });
      await page.getByRole("button", { name: "Afficher" }).click();
      await page.waitForURL(/\/bulloterie\?categorie=geomatics$/);
      await page.getByRole("heading", { level: 2, name: "Les sujets de la catégorie « Géomatique »" }).waitFor();
      const categories = await page.locator("main table tbody tr td:nth-child(2)").allTextContents();
      assert.ok(categories.length > 0 && categories.every((category) => category === "Géomatique"));

      await page.getByRole("link", { name: "Mode atelier" }).click();
      await page.waitForURL(/\/bulloterie\/atelier\?categorie=geomatics$/);
      await page.getByRole("img", { name: /^Bulles des sujets de la catégorie « Géomatique »/ }).waitFor();
      await page.goto("/bulloterie/atelier");
      await page.getByRole("heading", { level: 2, name: "Les sujets qui rassemblent" }).waitFor();
      if (screenshotDir) {
        await page.screenshot({ path: `${screenshotDir}/bulloterie-atelier.png`, fullPage: true });
        await page.emulateMedia({ colorScheme: "dark" });
        await page.screenshot({ path: `${screenshotDir}/bulloterie-atelier-sombre.png`, fullPage: true });
        await page.emulateMedia({ colorScheme: "light" });
      }
      await page.getByRole("link", { name: "Quitter le mode atelier" }).click();
      await page.waitForURL(/\/bulloterie$/);
    }));

  it("filters by category with JavaScript off", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await page.goto("/bulloterie");
        await page.getByLabel("Catégorie").selectOption({ label: "Langages et outils" });
        await page.getByRole("button", { name: "Afficher" }).click();
        await page.waitForURL(/\/bulloterie\?categorie=languages$/);
        await page.getByRole("img", { name: /^Bulles des sujets de la catégorie « Langages et outils »/ }).waitFor();
      },
      { javaScriptEnabled: false },
    ));

  it("draws the narrow bubbles on a phone, their names at a readable size", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await page.goto("/bulloterie");
        const figure = page.getByRole("img", { name: /^Bulles des sujets de la communauté/ });
        await figure.scrollIntoViewIfNeeded();
        const shown = figure.locator("svg:visible");
        assert.equal(await shown.count(), 1);
        assert.match((await shown.getAttribute("viewBox"))!, /^0 0 400 /);
        // The largest topic is named, in text at least 12 px high on screen.
        const label = shown.locator("text tspan").first();
        const box = await label.boundingBox();
        assert.ok(box && box.height >= 12, `libellé trop petit : ${JSON.stringify(box)}`);
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/bulloterie-375.png` });
      },
      { viewport: { width: 375, height: 800 } },
    ));

  it("shows a signed-in member whom to meet, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/bulloterie");
      await page.getByRole("link", { name: "Qui rencontrer\u00a0?" }).click();
      await page.waitForURL(/\/bulloterie\/qui-rencontrer$/);
      await page.getByRole("heading", { level: 1, name: "Qui rencontrer\u00a0?" }).waitFor();
      // Camille is curious about Python in the demo: experts of other ministries are proposed.
      const python = page.getByRole("region", { name: "Python" });
      assert.ok((await python.getByRole("link").count()) > 0);
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/bulloterie-qui-rencontrer.png`, fullPage: true });
    }));
});
