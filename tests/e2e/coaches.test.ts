import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { waitForMail } from "../support/test-platform.ts";

/** Inside the wishes phase of the demo season 2026-2027, where Marc Petit coaches ChartsGouv. */
const clock = { now: () => new Date("2027-02-10T09:00:00Z") };
const team = "camille.martin@numerique.gouv.fr";
const coach = "marc.petit@numerique.gouv.fr";

describe("coaches in a browser", () => {
  const served = useServedBrowser({ clock });

  it("the programme team removes and names ChartsGouv's coach, who is mailed and reads « Gérer l'équipe », without WCAG 2.1 AA violations", async () => {
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, team);
      await page.goto("/projets/chartgouv/equipe-recherchee");
      const section = page.locator('section[aria-labelledby="coachs"]');
      await section.getByRole("heading", { level: 2, name: "Coachs du projet" }).waitFor();
      await section.getByRole("button", { name: "Retirer" }).click();
      await page.getByText("Le ou la coach est retiré·e.").waitFor();
      await page.getByLabel("Nommer un ou une coach").fill("ines.benali@insee.fr");
      await section.getByRole("button", { name: "Nommer" }).click();
      await page.getByText("Cette personne n’a pas le rôle de coach du programme.").waitFor();
      await page.getByLabel("Nommer un ou une coach").fill(coach);
      await section.getByRole("button", { name: "Nommer" }).click();
      await page.getByText("Le ou la coach est nommé·e et en est informé·e par courriel.").waitFor();
      await section.getByText("Marc Petit").waitFor();
    });
    const mail = await waitForMail(served.platform, coach, { matching: /Vous êtes coach du projet ChartsGouv/ });
    assert.match(mail.text, /saison 2026-2027/);

    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, coach);
      await page.goto("/projets/chartgouv");
      await page.getByRole("link", { name: "Gérer l’équipe" }).click();
      await page.getByRole("heading", { level: 1, name: "Gérer l’équipe de ChartsGouv" }).waitFor();
      await page.getByText("Marc Petit — coach").waitFor();
      assert.equal(await page.getByRole("link", { name: "Modifier l’équipe recherchée" }).count(), 0);
    });
  });
});
