import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const programmeTeam = "camille.martin@numerique.gouv.fr";

describe("projects in a browser", () => {
  const served = useServedBrowser();

  it("filters the projects by season and state, opens a project page, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/projets");
      await page.getByRole("heading", { level: 2, name: "Saison 2023" }).waitFor();

      await page.getByLabel("Saison", { exact: true }).selectOption({ label: "Saison 2023" });
      // Cartiflette ran in 2022 and 2023 and continues in the running season 2026-2027 (demo teams): « en cours ».
      await page.getByLabel("État").selectOption({ label: "En cours" });
      await page.getByRole("button", { name: "Filtrer" }).click();
      await page.waitForURL(/\/projets\?saison=2023&etat=en-cours/);
      assert.equal(await page.getByRole("heading", { level: 2, name: "Saison 2022" }).count(), 0);
      assert.equal(await page.getByLabel("Saison", { exact: true }).inputValue(), "2023");

      await page.getByRole("link", { name: "Cartiflette" }).click();
      await page.getByRole("heading", { level: 1, name: "Cartiflette" }).waitFor();
      await page.getByText("Saison 2022\u00a0: retenu à l’appel à projets").waitFor();
      await page.getByText("Saison 2023\u00a0: poursuivi").waitFor();
    }));

  it("lets the programme team carry a project over into another season, with the keyboard-reachable form", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, programmeTeam);
      await page.goto("/projets/poufdoc");
      await page.getByRole("heading", { level: 2, name: "Poursuivre dans une autre saison" }).waitFor();
      await page.getByRole("button", { name: "Poursuivre le projet" }).click();
      await page.getByText("Choisissez une saison de la liste.").first().waitFor();

      await page.getByLabel("Poursuivre dans la saison…").selectOption({ label: "Saison 2026-2027" });
      await page.getByLabel("Raison de la poursuite").fill("L’outil est adopté par trois ministères : on l’étend.");
      await page.getByRole("button", { name: "Poursuivre le projet" }).click();
      await page.getByText("Le projet est poursuivi dans la saison 2026-2027.").waitFor();
      await page.getByText("Saison 2026-2027\u00a0: poursuivi").waitFor();
    }));
});
