import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { repositoryRoot } from "../support/test-platform.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;
const referentialFile = path.join(repositoryRoot, "src/modules/organisations/test-fixtures/referentiel-etat.json");

describe("organisations administration in a browser", () => {
  const served = useServedBrowser();

  it("shows the tree, the form with its errors, the merge confirmation and the import with its report, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const shot = async (name: string) => {
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/organisations-${name}.png`, fullPage: true });
      };
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      const list = await page.goto("/admin/organisations");
      assert.equal(list?.status(), 200);
      await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
      await page.getByRole("rowheader", { name: /^Direction interministérielle du numérique/ }).waitFor();
      await shot("liste");

      await page.getByLabel("Rechercher une organisation par son nom ou son sigle").fill("etalab");
      await page.getByLabel("Rechercher une organisation par son nom ou son sigle").press("Enter");
      await page.getByText("1 organisation correspond").waitFor();

      await page.getByRole("link", { name: "Etalab", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /Modifier «\sEtalab\s»/ }).waitFor();

      await page.locator("#name").fill("");
      await page.locator("#siren").fill("12345");
      await page.locator("#domains").fill("pas un domaine");
      await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient 3 erreurs" }).waitFor();
      assert.equal(await page.locator("#siren").inputValue(), "12345", "saisie conservée");
      await shot("erreurs");

      await page.goto("/admin/organisations/nouvelle");
      await page.locator("#name").fill("Etalab (doublon)");
      await page.locator("#kind").selectOption("service");
      await page.getByRole("button", { name: "Créer l’organisation" }).click();
      await page.getByRole("heading", { level: 2, name: "Organisation enregistrée" }).waitFor();
      await page.getByRole("link", { name: "Fusionner avec une autre organisation" }).click();
      await page.getByRole("heading", { level: 1, name: /Fusionner «\sEtalab \(doublon\)\s»/ }).waitFor();
      await page.locator("#cible").selectOption({ label: "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Etalab" });
      await page.getByRole("button", { name: "Voir ce que la fusion va faire" }).click();
      await page.getByRole("button", { name: "Confirmer la fusion" }).waitFor();
      await shot("fusion");
      await page.getByRole("button", { name: "Confirmer la fusion" }).click();
      await page.getByRole("heading", { level: 2, name: "Fusion faite" }).waitFor();

      await page.goto("/admin/organisations/import");
      await page.getByRole("heading", { level: 1, name: "Importer le référentiel de l’État" }).waitFor();
      await page.getByRole("button", { name: "Importer" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
      await page.getByLabel("Fichier du référentiel").setInputFiles(referentialFile);
      await page.getByRole("button", { name: "Importer" }).click();
      await page.getByRole("heading", { name: "Import terminé" }).waitFor();
      await page.getByRole("table", { name: /Rapport d’import/ }).waitFor();
      await shot("import");
    }));
});
