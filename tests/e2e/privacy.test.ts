import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { fillPersonalData } from "../support/personal-data-builder.ts";

describe("seeing, downloading and deleting one's personal data in a browser", () => {
  const served = useServedBrowser();

  it("shows the member's data, downloads it, refuses a wrong confirmation, then deletes the account and signs out", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const email = "zephyrine.quintard-vasseur@insee.fr";
      await fillPersonalData(served.platform, { email, givenName: "Zéphyrine", usualName: "Quintard-Vasseur", slug: "zephyrine-quintard-vasseur" });
      await signInThroughOutbox(page, served.baseUrl, email);

      await page.getByRole("heading", { level: 2, name: "Mes données personnelles" }).waitFor();
      await page.getByRole("link", { name: "Voir et télécharger mes données" }).click();
      await page.waitForURL("/compte/donnees");
      await page.getByRole("heading", { level: 1, name: "Mes données personnelles" }).waitFor();
      const main = page.getByRole("main");
      assert.match(await main.innerText(), /Zéphyrine/);
      await main.getByRole("table", { name: "Profil" }).waitFor();
      await main.getByRole("link", { name: "Corriger mon profil" }).waitFor();

      const [download] = await Promise.all([page.waitForEvent("download"), main.getByRole("link", { name: "Télécharger mes données (JSON)" }).click()]);
      assert.match(download.suggestedFilename(), /^donnees-programme-10-\d{4}-\d{2}-\d{2}\.json$/);

      await main.getByRole("link", { name: "Supprimer mon compte" }).click();
      await page.waitForURL("/compte/suppression");
      await page.getByRole("heading", { level: 1, name: "Supprimer mon compte" }).waitFor();

      const confirmation = page.getByLabel(/Pour confirmer, saisissez SUPPRIMER ou votre adresse électronique/);
      await confirmation.fill("je confirme");
      await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
      await page.getByRole("heading", { level: 2, name: "Le formulaire contient une erreur" }).waitFor();
      assert.match(await page.locator("#confirmation-messages").innerText(), /La confirmation ne correspond pas/);
      assert.equal(await page.getByLabel(/Pour confirmer/).inputValue(), "je confirme");

      await page.getByLabel(/Pour confirmer/).fill("SUPPRIMER");
      await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
      await page.waitForURL("/compte/suppression/terminee");
      await page.getByRole("heading", { level: 1, name: "Votre compte est supprimé" }).waitFor();

      await page.goto("/compte");
      assert.equal(new URL(page.url()).pathname, "/connexion");

      await page.goto("/donnees-personnelles");
      await page.getByRole("heading", { level: 2, name: "Vos droits, en libre-service" }).waitFor();
      await page.getByRole("main").getByRole("link", { name: "Mes données personnelles" }).waitFor();
    }));
});
