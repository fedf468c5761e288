import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { openMailInOutbox, signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const author = "ines.benali@insee.fr";
const supporter = "thomas.leroy@ign.fr";
const amd = "sophie.durand@interieur.gouv.fr";
const programmeTeam = "camille.martin@numerique.gouv.fr";
const title = "Prévoir les effectifs scolaires par commune";

describe("the call for projects in a browser", () => {
  const served = useServedBrowser();
  let proposalPath = "";

  const as = (email: string, journey: (page: Page) => Promise<void>) =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, email);
      await journey(page);
    });

  it("a member drafts a proposal (errors at the fields first) and submits it", () =>
    as(author, async (page) => {
      await page.goto("/appel-a-projets");
      await page.getByText(/ouvert jusqu’au/).first().waitFor();
      await page.getByRole("link", { name: "Proposer un projet" }).click();
      await page.getByRole("heading", { level: 1, name: "Proposer un projet" }).waitFor();
      await page.locator("#problem").fill("Les communes ne savent pas anticiper leurs effectifs scolaires.");
      await page.getByRole("button", { name: "Déposer" }).click();
      await page.getByText("Indiquez le titre de la proposition.").first().waitFor();
      assert.equal(await page.locator("#problem").inputValue(), "Les communes ne savent pas anticiper leurs effectifs scolaires.");

      await page.locator("#title").fill(title);
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      await page.getByText("Brouillon enregistré").waitFor();
      proposalPath = new URL(page.url()).pathname.replace(/\/modifier$/, "");
      await page.locator("#needHolders").fill("Les services des écoles de 200 communes.");
      await page.locator("#expectedImpact").fill("Des ouvertures de classes mieux anticipées.");
      await page.locator("#successIndicators").fill("Écart entre prévision et rentrée réelle.");
      await page.locator("#dataSources").fill("Recensement, état civil.");
      await page.locator("#dataAccess").fill("Données ouvertes.");
      await page.locator("#codeLicence").selectOption("EUPL 1.2");
      await page.locator("#skill0").selectOption({ label: "Python" });
      await page.locator("#deliverable").fill("Une application de projection.");
      await page.locator("#milestones").fill("Prototype en mars, version 1 en juin.");
      await page.locator("#upkeep").fill("Le SSM de l’Insee.");
      await page.locator("#sponsorOrganisationId").selectOption({ label: "Institut national de la statistique et des études économiques (Insee)" });
      await page.locator("#participatingOrganisationIds").selectOption({ label: "Gendarmerie nationale" });
      await page.getByRole("button", { name: "Déposer" }).click();
      await page.getByText("Proposition envoyée").waitFor();
      await page.getByText("Déposée", { exact: true }).first().waitFor();
    }));

  it("a member of another organisation supports it with « Nous aussi »", () =>
    as(supporter, async (page) => {
      await page.goto(proposalPath);
      await page.getByLabel(/Votre organisation a le même besoin/).fill("L’IGN prévoit aussi des effectifs pour ses cartes scolaires.");
      await page.getByRole("button", { name: "Nous aussi" }).click();
      await page.getByText("1 soutien, de 1 organisation différente.").waitFor();
    }));

  it("the AMD concerned reviews it from the dashboard", () =>
    as(amd, async (page) => {
      await page.goto("/appel-a-projets/qualification");
      await page.getByRole("link", { name: title }).click();
      await page.getByRole("heading", { level: 1, name: /Qualifier/ }).waitFor();
      await page.getByRole("button", { name: "Enregistrer ma qualification" }).click();
      await page.getByText("Notez le critère «\u00a0Intérêt commun\u00a0» de 0 à 3.").first().waitFor();
      await page.locator('label[for="commonInterest-3"]').click();
      await page.locator('label[for="immediateNeed-2"]').click();
      await page.locator('label[for="openness-3"]').click();
      await page.getByLabel(/Note privée/).fill("Déjà vu avec la gendarmerie.");
      await page.getByRole("button", { name: "Enregistrer ma qualification" }).click();
      await page.getByText("Qualification enregistrée").waitFor();
    }));

  it("the programme team asks for more information; the author answers", async () => {
    await as(programmeTeam, async (page) => {
      await page.goto("/appel-a-projets/qualification");
      await page.getByRole("heading", { level: 1, name: "Qualification des propositions" }).waitFor();
      // Opening a season's call: refused at its fields when empty (the demo's call stays the open one).
      await page.goto("/appel-a-projets");
      await page.getByRole("link", { name: "Ouvrir l’appel à projets d’une saison" }).click();
      await page.getByRole("heading", { level: 1, name: "Ouvrir un appel à projets" }).waitFor();
      await page.getByRole("button", { name: "Ouvrir l’appel" }).click();
      await page.getByRole("heading", { name: /^Le formulaire contient \d+ erreurs$/ }).waitFor();
      await page.goto(`${proposalPath}/qualification`);
      await page.getByLabel(/Question à l’auteur/).fill("Quelles communes sont prêtes à tester\u00a0?");
      await page.getByRole("button", { name: "Demander des informations" }).click();
      await page.getByText("Demande d’informations envoyée").waitFor();
    });
    await as(author, async (page) => {
      await page.goto(`${proposalPath}/modifier`);
      await page.getByText("Quelles communes sont prêtes à tester").first().waitFor();
      await page.getByLabel(/Votre réponse/).fill("Lyon, Rennes et Lille.");
      await page.getByRole("button", { name: "Envoyer la réponse" }).click();
      await page.getByText("En qualification", { exact: true }).first().waitFor();
    });
  });

  it("the programme team selects it; the author receives the decision and the project appears under the season", async () => {
    await withPage(served.browser, served.baseUrl, async (page) => {
      // Seen by an anonymous visitor before the decision, so the cached page must be refreshed by it.
      await page.goto("/saisons/2026-2027");
    });
    await as(programmeTeam, async (page) => {
      await page.goto(`${proposalPath}/qualification`);
      await page.locator('label[for="decision-select"]').click();
      await page.getByLabel(/^Raison/).fill("Un besoin partagé par trois ministères.");
      await page.getByRole("button", { name: "Enregistrer la décision" }).click();
      await page.getByText("Décision enregistrée").waitFor();
    });
    await withPage(served.browser, served.baseUrl, async (page) => {
      await openMailInOutbox(page, served.baseUrl, author);
      await page.getByText(/Un besoin partagé par trois ministères/).first().waitFor();
      await page.goto("/saisons/2026-2027");
      await page.getByRole("link", { name: title }).first().waitFor();
      await page.goto("/projets");
      await page.getByRole("link", { name: title }).first().waitFor();
    });
  });
});
