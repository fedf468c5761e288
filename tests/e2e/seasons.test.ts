import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;

describe("seasons in a browser", () => {
  const served = useServedBrowser();

  it("shows the public seasons and a season's calendar, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const list = await page.goto("/saisons");
      assert.equal(list?.status(), 200);
      await page.getByRole("heading", { level: 1, name: "Saisons" }).waitFor();
      await page.getByRole("link", { name: "Saison 2023" }).waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/saisons-liste.png`, fullPage: true });

      await page.getByRole("link", { name: "Saison 2023" }).click();
      await page.getByRole("heading", { level: 1, name: "Saison 2023" }).waitFor();
      await page.getByRole("table", { name: /Les phases de la saison 2023/ }).waitFor();
      await page.getByRole("rowheader", { name: "Investigation" }).waitFor();
      await page.getByText("Cette saison est terminée.").waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/saison-2023.png`, fullPage: true });
    }));

  it("refuses a season with wrong dates at the field, keeping the input, creates it, then refuses a phase out of the season, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin/saisons");
      await page.getByRole("heading", { level: 1, name: "Saisons" }).waitFor();

      await page.getByRole("link", { name: "Nouvelle saison" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouvelle saison" }).waitFor();
      await page.locator("#name").fill("Saison 2028");
      await page.locator("#slug").fill("Saison 2028");
      await page.locator("#startsOn").fill("2028-12-01");
      await page.locator("#endsOn").fill("2028-01-15");
      await page.getByRole("button", { name: "Créer la saison" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient 2 erreurs" }).waitFor();
      assert.equal(await page.locator("#slug").inputValue(), "Saison 2028", "saisie conservée");
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/saison-erreurs.png`, fullPage: true });

      await page.locator("#slug").fill("2028");
      await page.locator("#endsOn").fill("2028-12-15");
      await page.locator("#startsOn").fill("2028-01-15");
      await page.getByRole("button", { name: "Créer la saison" }).click();
      await page.getByRole("heading", { level: 2, name: "Saison créée" }).waitFor();
      assert.equal(await page.locator("#phase-7-name").inputValue(), "Restitution");
      assert.equal(await page.locator("#phase-7-endsOn").inputValue(), "2028-12-15");

      await page.locator("#phase-1-startsOn").fill("2027-06-01");
      // DSFR draws the checkbox on its label: a click on the label ticks it, as a person does.
      await page.locator('label[for="phase-2-remove"]').click();
      assert.equal(await page.locator("#phase-2-remove").isChecked(), true);
      await page.getByRole("button", { name: "Enregistrer la saison" }).click();
      await page.getByRole("heading", { name: /^Le formulaire contient \d+ erreurs$/ }).waitFor();
      await page.getByText("La phase «\u00a0Qualification\u00a0» commence avant la saison.").first().waitFor();
      assert.equal(await page.locator("#phase-6-name").inputValue(), "Restitution", "la phase retirée n’est plus dans le formulaire");
      assert.equal(await page.locator("#phase-0-startsOn").inputValue(), "2027-06-01", "la phase mal datée, rangée par date, garde sa saisie");
    }));
});
