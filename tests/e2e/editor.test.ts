import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;

describe("content editor in a browser: accessibility, and working without JavaScript", () => {
  const served = useServedBrowser();

  it("shows the list, the form (also in error), the preview and the history without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const shot = async (name: string) => {
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
      };
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      const list = await page.goto("/admin/contenus");
      assert.equal(list?.status(), 200);
      await page.getByRole("heading", { level: 1, name: "Contenus du site" }).waitFor();
      await shot("liste");

      await page.getByRole("link", { name: "Nouvelle actualité" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouvelle actualité" }).waitFor();

      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
      await shot("erreurs");

      await page.locator("#title").fill("Atelier de printemps : les données ouvertes");
      await page.locator("#body").fill("## Programme\n\n| Heure | Sujet |\n|---|---|\n| 9 h | Accueil |\n\nVenez **nombreux**.");
      await page.locator("#tags").fill("atelier, données");
      await page.getByRole("button", { name: "Prévisualiser" }).click();
      await page.getByRole("heading", { level: 2, name: "Aperçu (non enregistré)" }).waitFor();
      await page.getByRole("heading", { level: 4, name: "Programme" }).waitFor();
      await shot("apercu");

      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.getByRole("heading", { name: "Enregistré. Version 1." }).waitFor();
      await shot("modification");

      await page.getByRole("link", { name: "Historique des versions" }).click();
      await page.getByRole("heading", { level: 1, name: /^Historique de/ }).waitFor();
      await shot("historique");
      await page.getByRole("link", { name: "Voir la version 1" }).click();
      await page.getByRole("heading", { level: 1, name: /^Version 1 de/ }).waitFor();
      await shot("version");

      // The zip import: sent without an archive, it says so at the field.
      await page.goto("/admin/contenus/import");
      await page.getByRole("heading", { level: 1, name: "Importer des contenus" }).waitFor();
      await page.getByRole("button", { name: "Importer", exact: true }).click();
      await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
    }));

  it("previews and saves with JavaScript disabled, using the keyboard", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
        await page.goto("/admin/contenus/nouveau?type=page");
        await page.locator("#title").fill("Page sans JavaScript");
        await page.locator("#slug").fill("sans-javascript");
        await page.locator("#body").fill("Un paragraphe avec un [lien](https://www.numerique.gouv.fr).");
        await page.getByRole("button", { name: "Prévisualiser" }).click();
        await page.getByRole("heading", { level: 2, name: "Aperçu (non enregistré)" }).waitFor();
        assert.equal(await page.locator("#apercu a[href='https://www.numerique.gouv.fr']").textContent(), "lien");
        assert.equal(await page.locator("#title").inputValue(), "Page sans JavaScript", "saisie conservée après l’aperçu");

        await page.locator("#status-published").focus();
        await page.keyboard.press("Space");
        assert.ok(await page.locator("#status-published").isChecked());
        await page.getByRole("button", { name: "Enregistrer" }).focus();
        await page.keyboard.press("Enter");
        await page.getByRole("heading", { name: "Enregistré. Version 1." }).waitFor();
        await page.getByRole("link", { name: "Voir «\u00a0Page sans JavaScript\u00a0» sur le site" }).waitFor();
      },
      { javaScriptEnabled: false },
    ));
});
