import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { auditTime, signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

/** Posts the page's form by its button and waits for the answer to be shown. */
async function submit(page: Page, button: string): Promise<number> {
  const answer = page.waitForResponse((response) => response.request().method() === "POST" && response.request().isNavigationRequest());
  await page.getByRole("button", { name: button }).click();
  const status = (await answer).status();
  await page.waitForLoadState();
  return status;
}

/** Follows each link of the error summary: the focus lands on the field it names (an input, a select…), never on nothing. */
async function expectSummaryLinksMoveFocus(page: Page): Promise<void> {
  const links = page.locator(".fr-alert--error a[href^='#']");
  const count = await links.count();
  assert.ok(count > 0, "aucun lien dans le résumé des erreurs");
  for (let index = 0; index < count; index += 1) {
    const target = (await links.nth(index).getAttribute("href"))!.slice(1);
    await links.nth(index).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id ?? null), target, `le lien #${target} du résumé ne place pas le focus sur son champ`);
  }
}

/** Ticks a DSFR radio button or checkbox as a person does: by its label (the styled label covers the input). */
async function choose(page: Page, input: Locator): Promise<void> {
  await page.locator(`label[for="${await input.getAttribute("id")}"]`).click();
  assert.equal(await input.isChecked(), true);
}

describe("joining the community in a browser", () => {
  const served = useServedBrowser();

  it("takes a brand-new agent from the sign-in link through the three steps to their profile, then the directory, in well under two minutes", (t) =>
    withPage(served.browser, served.baseUrl, async (page) => {
      // The journey's own time: what a person spends, without the accessibility audit of each page.
      const started = Date.now();

      await signInThroughOutbox(page, served.baseUrl, "nora.kaci@insee.fr");
      await page.getByRole("main").getByRole("link", { name: "Rejoindre la communauté" }).click();
      await page.waitForURL("/rejoindre/inscription/etape-1");
      await page.getByRole("heading", { level: 2, name: /Votre organisation et votre métier/ }).waitFor();

      // Step 1: the organisation comes from the address; a forgotten first name is refused at its field.
      const main = page.getByRole("main");
      assert.match(await main.getByLabel("Votre organisation").locator("option:checked").innerText(), /Institut national de la statistique/);
      await main.getByLabel(/^Nom(?! de votre organisation)/).fill("Kaci");
      await choose(page, main.getByRole("radio", { name: "Data scientist" }));
      assert.equal(await submit(page, "Enregistrer et continuer"), 400);
      assert.match(await page.locator("#givenName-messages").innerText(), /Indiquez votre prénom\./);
      assert.equal(await main.getByLabel(/^Nom(?! de votre organisation)/).inputValue(), "Kaci");
      assert.equal(await main.getByRole("radio", { name: "Data scientist" }).isChecked(), true);
      assert.equal(await main.getByLabel(/^Prénom/).getAttribute("aria-invalid"), "true");
      await expectSummaryLinksMoveFocus(page);
      await main.getByLabel(/^Prénom/).fill("Nora");
      assert.equal(await submit(page, "Enregistrer et continuer"), 303);
      await page.waitForURL("/rejoindre/inscription/etape-2");

      // Step 2: nothing chosen is refused at the group, and its summary link leads into the first row.
      assert.equal(await submit(page, "Enregistrer et continuer"), 400);
      assert.match(await page.locator("#levels-fieldset-messages").innerText(), /Choisissez votre niveau pour au moins une compétence/);
      await expectSummaryLinksMoveFocus(page);
      // Levels by keyboard-friendly radio rows in categories that open; a proposal without its category is refused, levels kept.
      await choose(page, main.getByRole("radiogroup", { name: "Python", exact: true }).getByRole("radio", { name: "Expert·e" }));
      await main.locator("summary", { hasText: "Traitement automatique du langage" }).click();
      await choose(page, main.getByRole("radiogroup", { name: "Classification de textes", exact: true }).getByRole("radio", { name: "Je connais" }));
      await main.locator("summary", { hasText: "IA générative et LLM" }).click();
      await choose(page, main.getByRole("radiogroup", { name: "Grands modèles de langage (LLM)", exact: true }).getByRole("radio", { name: "Curieux·se" }));
      await main.getByLabel("Ce que j’aimerais apprendre").fill("Les modèles de langue en production.");
      await main.getByLabel("Nom de la compétence").fill("Quarto");
      assert.equal(await submit(page, "Enregistrer et continuer"), 400);
      assert.match(await page.locator("#proposedCategory-messages").innerText(), /Choisissez la catégorie/);
      assert.equal(await main.getByRole("radiogroup", { name: "Python", exact: true }).getByRole("radio", { name: "Expert·e" }).isChecked(), true);
      // The categories holding a chosen level come back open.
      assert.equal(await main.getByRole("radiogroup", { name: "Classification de textes", exact: true }).getByRole("radio", { name: "Je connais" }).isChecked(), true);
      await expectSummaryLinksMoveFocus(page);
      assert.equal(await main.getByLabel("Nom de la compétence").inputValue(), "Quarto");
      await main.getByLabel("Catégorie", { exact: true }).selectOption({ label: "Langages et outils" });
      await choose(page, main.getByRole("group", { name: /^Votre niveau/ }).getByRole("radio", { name: "Je connais" }));
      await submit(page, "Enregistrer et continuer");
      await page.waitForURL("/rejoindre/inscription/etape-3");

      // Step 3: joining needs the charter.
      await main.getByLabel("Votre disponibilité").selectOption({ label: "2 demi-journées par mois (10\u00a0%)" });
      await main.getByLabel("Présentation courte").fill("Data scientist à l’Insee, je travaille sur la codification automatique.");
      await main.getByLabel("Adresse électronique de votre manager").fill("manager@");
      assert.equal(await submit(page, "Enregistrer et rejoindre la communauté"), 400);
      assert.match(await page.locator("#charter-messages").innerText(), /Acceptez la charte du programme/);
      assert.match(await page.locator("#managerEmail-messages").innerText(), /Indiquez une adresse électronique valide/);
      assert.equal(await main.getByLabel("Présentation courte").inputValue(), "Data scientist à l’Insee, je travaille sur la codification automatique.");
      await expectSummaryLinksMoveFocus(page);
      // The charter opens in a new tab, leaving what is typed here in place.
      const [charter] = await Promise.all([page.context().waitForEvent("page"), main.getByRole("link", { name: /^Lire la charte du programme/ }).click()]);
      await charter.waitForLoadState();
      assert.equal(new URL(charter.url()).pathname, "/programme/charte");
      await charter.getByRole("heading", { level: 1, name: /^Charte du Programme 10/ }).waitFor();
      await charter.close();
      assert.equal(await main.getByLabel("Présentation courte").inputValue(), "Data scientist à l’Insee, je travaille sur la codification automatique.");
      await main.getByLabel("Adresse électronique de votre manager").fill("cheffe.service@insee.fr");
      await choose(page, main.getByLabel("J’ai lu la charte du programme et je l’accepte"));
      await submit(page, "Enregistrer et rejoindre la communauté");
      await page.waitForURL("/annuaire/nora-kaci?bienvenue=1");

      const auditing = auditTime(page);
      const journey = Date.now() - started - auditing;
      t.diagnostic(`parcours d’inscription : ${(journey / 1000).toFixed(1)} s (audits d’accessibilité en plus : ${(auditing / 1000).toFixed(1)} s)`);
      assert.ok(journey < 60_000, `le parcours a pris ${Math.round(journey / 1000)} s`);

      await page.getByRole("heading", { level: 1, name: "Nora Kaci" }).waitFor();
      const profile = await main.innerText();
      assert.match(profile, /Bienvenue dans la communauté/);
      assert.match(profile, /Data scientist — Ministère de l’Économie.* › Insee/);
      assert.match(profile, /Quarto \(proposée\)/);
      assert.equal(await main.getByRole("link", { name: "Python" }).getAttribute("href"), "/annuaire/competences/python");

      // Her profile's three sections on one page, each saved by its own button; a refused one keeps the input.
      await main.getByRole("link", { name: "Modifier mon profil" }).click();
      await page.getByRole("heading", { level: 1, name: "Modifier mon profil" }).waitFor();
      await main.locator("#givenName").fill("");
      assert.equal(await submit(page, "Enregistrer « Votre organisation et votre métier »"), 400);
      assert.match(await page.locator("#givenName-messages").innerText(), /Indiquez votre prénom\./);
      await main.locator("#givenName").fill("Nora");
      assert.equal(await submit(page, "Enregistrer « Votre organisation et votre métier »"), 303);

      // The new member is found in the directory by name.
      await page.goto("/annuaire?q=Nora+Kaci");
      await main.getByRole("link", { name: "Nora Kaci" }).first().waitFor();
    }));

  it("keeps the skills step short on a phone, and fills it with the keyboard without JavaScript", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, "lina.morel@insee.fr");
        await page.goto("/rejoindre/inscription/etape-1");
        const main = page.getByRole("main");
        await main.getByLabel(/^Prénom/).fill("Lina");
        await main.getByLabel(/^Nom(?! de votre organisation)/).fill("Morel");
        await choose(page, main.getByRole("radio", { name: "Statisticien·ne" }));
        assert.equal(await submit(page, "Enregistrer et continuer"), 303);
        await page.waitForURL("/rejoindre/inscription/etape-2");

        // About fifty skills: only the first category is open at first, each row's four levels on one line.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 4000, `l’étape 2 fait ${height} px de haut à 375 px`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "l’étape 2 défile de côté à 375 px");
        const row = main.getByRole("radiogroup", { name: "Python", exact: true });
        const tops = await row.locator("label").evaluateAll((labels) => labels.map((label) => Math.round(label.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, `les quatre niveaux de Python tiennent sur plusieurs lignes : ${tops.join(", ")}`);

        // A closed category opens with the keyboard; arrow keys choose a level in a row.
        const geomatics = main.locator("summary", { hasText: "Géomatique" });
        await geomatics.focus();
        await page.keyboard.press("Enter");
        const mapping = main.getByRole("radiogroup", { name: "Cartographie", exact: true });
        await mapping.getByRole("radio", { name: "Aucun niveau" }).focus();
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
        assert.equal(await mapping.getByRole("radio", { name: "Je connais" }).isChecked(), true);
        await main.getByRole("button", { name: "Enregistrer et continuer" }).focus();
        await page.keyboard.press("Enter");
        await page.waitForURL("/rejoindre/inscription/etape-3");
        await page.goto("/rejoindre/inscription/etape-2");
        assert.equal(await main.getByRole("radiogroup", { name: "Cartographie", exact: true }).getByRole("radio", { name: "Je connais" }).isChecked(), true);
      },
      { viewport: { width: 375, height: 800 }, javaScriptEnabled: false },
    ));

  it("shows the programme team the skills vocabulary and its members' proposals", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin/competences");
      await page.getByRole("heading", { level: 1, name: "Vocabulaire des compétences" }).waitFor();
      assert.match(await page.getByRole("main").innerText(), /Lidar/);
      await page.getByRole("button", { name: "Fusionner" }).first().click();
      await page.waitForLoadState();
      assert.match(await page.getByRole("main").innerText(), /Choisissez la compétence avec laquelle fusionner\./);

      // A proposal is corrected on its own page before being accepted: a name left empty is refused at its field.
      await page.getByRole("link", { name: "Modifier le nom, la catégorie ou les synonymes avant d’accepter" }).first().click();
      await page.getByRole("heading", { level: 1, name: /^Accepter la proposition/ }).waitFor();
      await page.getByLabel(/^Nom/).fill("");
      await page.getByRole("button", { name: "Enregistrer et accepter" }).click();
      await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
    }));
});
