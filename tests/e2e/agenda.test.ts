import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentItems } from "../../src/db/schema/index.ts";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;

describe("the agenda in a browser", () => {
  const served = useServedBrowser({
    // A training of the content store without an event (a page from before the platform), as its editor writes one.
    prepare: async (platform) => {
      await platform.database.db.insert(contentItems).values({
        kind: "training",
        slug: "formation-sans-evenement",
        path: "/formations/formation-sans-evenement",
        title: "Formation d’avant la plateforme",
        body: "Texte de l’ancienne page.",
        date: new Date("2021-10-05T12:00:00Z"),
        status: "published",
        details: { season: 2021, trainers: "Équipe Insee" },
      });
    },
  });

  it("shows the agenda, filters it with its plain form (address kept), an event’s page and the trainings, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
        const agenda = await page.goto("/evenements");
        assert.equal(agenda?.status(), 200);
        await page.getByRole("heading", { level: 1, name: "Événements" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "À venir" }).waitFor();
        await page.getByRole("link", { name: "Évaluer un grand modèle de langage sur des textes administratifs" }).waitFor();
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/agenda.png`, fullPage: true });

        await page.getByLabel("Type d’événement").selectOption("formation");
        await page.getByLabel("Saison").selectOption("2022");
        await page.getByRole("button", { name: "Filtrer" }).click();
        await page.waitForURL(/\/evenements\?type=formation&saison=2022$/);
        await page.getByText(/Filtré sur formations, saison 2022/).waitFor();
        assert.equal(await page.locator("#passes ~ ul h3, section[aria-labelledby=passes] h3").count(), 4);

        await page.getByRole("link", { name: "Machine Learning Ops" }).click();
        await page.getByRole("heading", { level: 1, name: "Machine Learning Ops" }).waitFor();
        await page.getByText("Mardi 20 septembre 2022, 14\u00a0h – 15\u00a0h\u00a030").first().waitFor();
        await page.getByRole("link", { name: /Voir le replay/ }).waitFor();

        await page.goto("/evenements/evaluer-un-grand-modele-de-langage-sur-des-textes-administratifs");
        await page.getByRole("heading", { level: 2, name: "Inscription" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Déroulé" }).waitFor();
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/evenement.png`, fullPage: true });

        await page.goto("/formations");
        await page.getByRole("heading", { level: 1, name: "Formations" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Saison 2023" }).waitFor();
        await page.getByRole("link", { name: "Bonnes pratiques de programmation avec Python" }).waitFor();
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/formations.png`, fullPage: true });

        // An old training address: the event imported from it, or the training's own page when it has none.
        await page.goto("/formations/machine-learning-ops");
        assert.equal(new URL(page.url()).pathname, "/evenements/machine-learning-ops");
        const training = await page.goto("/formations/formation-sans-evenement");
        assert.equal(training?.status(), 200);
        await page.getByRole("heading", { level: 1, name: "Formation d’avant la plateforme" }).waitFor();
    }));

  it("shows a member who comes from their ministry (never a profile kept for the team), without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "ines.benali@insee.fr");
      await page.goto("/evenements");
      await page.getByRole("link", { name: "Atelier du Programme 10\u00a0%" }).first().click();
      await page.getByRole("heading", { level: 2, name: "Qui vient de mon ministère" }).waitFor();
      await page.getByRole("link", { name: "Julien Moreau" }).waitFor();
      assert.equal(await page.getByText("Yasmine Saïdi").count(), 0);
    }));

  it("lets the team list the events and create one: errors at their fields with the input kept, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin");
      await page.locator('a[href="/admin/evenements"]').first().click();
      await page.getByRole("heading", { level: 1, name: "Événements" }).waitFor();
      await page.getByRole("table", { name: "Événements à venir" }).waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/admin-evenements.png`, fullPage: true });

      await page.getByRole("link", { name: "Nouvel événement" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouvel événement" }).waitFor();
      await page.locator("#kind").selectOption("atelier");
      await page.locator("#title").fill("Atelier d’essai");
      await page.locator("#startsOn").fill("2030-03-12");
      await page.locator("#startTime").fill("14h");
      await page.locator("#endTime").fill("13h");
      await page.locator("#inPersonCapacity").fill("20");
      await page.getByRole("button", { name: "Créer l’événement" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient 2 erreurs" }).waitFor();
      assert.equal(await page.locator("#endTime").inputValue(), "13h", "saisie conservée");
      await page.getByText("L’événement doit finir après son début.").first().waitFor();
      await page.getByText("Indiquez le lieu\u00a0: l’événement propose des places sur place.").first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/evenement-erreurs.png`, fullPage: true });

      await page.locator("#endTime").fill("17:30");
      await page.locator("#placeName").fill("BercyLab");
      await page.getByRole("button", { name: "Créer l’événement" }).click();
      await page.getByRole("heading", { level: 2, name: "Événement créé" }).waitFor();

      // Cancelling it asks for the reason mailed to the registered people.
      await page.getByRole("link", { name: "Annuler l’événement…" }).click();
      await page.getByRole("heading", { level: 1, name: "Annuler «\u00a0Atelier d’essai\u00a0»" }).waitFor();
      await page.getByRole("button", { name: "Confirmer l’annulation" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
      await page.getByLabel(/^Motif de l’annulation/).fill("Salle indisponible.");
      await page.getByRole("button", { name: "Confirmer l’annulation" }).click();
      await page.getByText("Événement annulé", { exact: true }).waitFor();

      // A series: its repetition refused at the fields first.
      await page.getByRole("link", { name: "Nouvelle série" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouvelle série d’événements" }).waitFor();
      await page.getByRole("button", { name: "Créer la série" }).click();
      await page.getByRole("heading", { name: /^Le formulaire contient \d+ erreurs$/ }).waitFor();
    }));

  it("lets the team change a session of a series and the following ones after a confirmation saying what changes, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin/evenements");
      await page.getByRole("link", { name: /^Modifier — Atelier du Programme 10/ }).nth(1).click();
      await page.getByRole("heading", { level: 1, name: /^Modifier/ }).waitFor();
      await page.locator("#placeAccess").fill("Badge à retirer à l’accueil, salle au deuxième étage.");
      await page.locator('label[for="scope-following"]').click();
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.getByRole("heading", { level: 1, name: /^Modifier \d+\sséances/ }).waitFor();
      await page.getByRole("listitem").filter({ hasText: /^les informations d’accès$/ }).waitFor();
      await page.getByRole("button", { name: /^Modifier les \d+\sséances$/ }).click();
      await page.getByRole("heading", { level: 2, name: /séances enregistrées$/ }).waitFor();
    }));
});

