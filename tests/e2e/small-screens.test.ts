import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { fillPersonalData } from "../support/personal-data-builder.ts";

/** A small phone in portrait: WCAG 1.4.10 asks for no sideways scrolling of the page at 320 CSS px; 375 px is the usual test width. */
const phone = { width: 375, height: 800 };

async function expectNoHorizontalPageScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} : la page fait ${scrollWidth} px de large pour un écran de ${innerWidth} px`);
}

describe("pages on a 375 px wide screen", () => {
  const served = useServedBrowser();

  it("keeps the pages with tables within the screen, each table scrollable with the keyboard, without axe violations", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        // A member of the programme team with data in every table: the widest /compte/donnees there is.
        const email = "octave.desrosiers-lamarck@insee.fr";
        await fillPersonalData(served.platform, { email, givenName: "Octave", usualName: "Desrosiers-Lamarck", slug: "octave-desrosiers-lamarck" });
        await signInThroughOutbox(page, served.baseUrl, email);

        for (const path of ["/compte/donnees", "/donnees-personnelles", "/admin/organisations"]) {
          const response = await page.goto(path);
          assert.equal(response?.status(), 200, path);
          await expectNoHorizontalPageScroll(page);
          await expectNoHorizontalPageScroll(page);
        }

        // The organisations table is wider than the screen: Tab reaches it, and the arrow keys scroll it.
        await page.goto("/admin/organisations");
        const region = page.getByRole("region", { name: /Organisations/ }).first();
        const scrollable = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
        assert.ok(scrollable, "le tableau des organisations devrait défiler à 375 px");
        let presses = 0;
        while (!(await region.evaluate((element) => element === document.activeElement))) {
          assert.ok(++presses <= 80, "le tableau n’est pas atteint avec Tab");
          await page.keyboard.press("Tab");
        }
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
        await page.waitForFunction((element) => element!.scrollLeft > 0, await region.elementHandle());
      },
      { viewport: phone },
    ));

  for (const javaScriptEnabled of [true, false]) {
    it(`puts the directory's filters in a panel folded on a phone, so that the first result comes near the top, opened with the keyboard (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () =>
      withPage(
        served.browser,
        served.baseUrl,
        async (page) => {
          await signInThroughOutbox(page, served.baseUrl, "ines.benali@insee.fr");
          await page.goto("/annuaire?q=python");
          const firstResult = page.locator(".fr-card__title a").first();
          await firstResult.waitFor();
          // Measured from the page's <main>: without JavaScript the header shows its whole menu above it.
          const top = await firstResult.evaluate((element) => element.getBoundingClientRect().top - document.querySelector("main")!.getBoundingClientRect().top);
          assert.ok(top < 700, `le premier résultat commence à ${Math.round(top)} px du début du contenu`);
          if (javaScriptEnabled) {
            const onScreen = await firstResult.evaluate((element) => element.getBoundingClientRect().top);
            assert.ok(onScreen < 1_000, `le premier résultat commence à ${Math.round(onScreen)} px du haut de la page`);
          }
          const organisation = page.locator("#filtre-organisation");
          assert.equal(await organisation.isVisible(), false, "les filtres sont repliés sur un téléphone");
          await expectNoHorizontalPageScroll(page);
          // axe runs in the page (and the theme follows the system through the inline script): with JavaScript only.

          // Tab reaches the panel's button; Enter opens it and the filters work.
          const toggle = page.locator("summary", { hasText: "Filtrer les résultats" });
          let presses = 0;
          while (!(await toggle.evaluate((element) => element === document.activeElement))) {
            assert.ok(++presses <= 60, "le bouton des filtres n’est pas atteint avec Tab");
            await page.keyboard.press("Tab");
          }
          await page.keyboard.press("Enter");
          await organisation.waitFor({ state: "visible" });
          await page.locator("#filtre-metier").selectOption("data_scientist");
          await page.getByRole("button", { name: "Appliquer les filtres" }).click();
          await page.waitForURL(/\/annuaire\?q=python&metier=data_scientist$/);
          await page.getByRole("link", { name: "Retirer le filtre Métier\u00a0: Data scientist" }).waitFor();
          await page.locator("summary", { hasText: "Filtrer les résultats (1\u00a0filtre choisi)" }).waitFor();

          // On a wide screen the same page shows its filters unfolded.
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.locator("#filtre-metier").waitFor({ state: "visible" });
          assert.equal(await toggle.isVisible(), false, "pas de bouton à déplier sur un grand écran");
        },
        { viewport: phone, javaScriptEnabled },
      ));
  }

  it("without JavaScript, shows the navigation, the account link and the sign-out button in the header instead of the « Menu » and « Rechercher » buttons", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await page.goto("/");
        const banner = page.getByRole("banner");
        // The buttons that open the menu and search modals (their ids are set in src/ui/header.tsx).
        assert.equal(await page.locator("#bouton-menu").isVisible(), false, "le bouton « Menu » ne fait rien sans JavaScript");
        assert.equal(await page.locator("#bouton-recherche").isVisible(), false, "le bouton « Rechercher » ne fait rien sans JavaScript");
        assert.equal(await banner.getByRole("button", { name: "Paramètres d’affichage" }).isVisible(), false, "la fenêtre des paramètres d’affichage demande JavaScript");
        await banner.getByRole("searchbox", { name: "Rechercher sur le site" }).fill("cartiflette");
        await banner.getByRole("searchbox", { name: "Rechercher sur le site" }).press("Enter");
        await page.waitForURL(/\/recherche\?/);
        await expectNoHorizontalPageScroll(page);

        await page.getByRole("banner").getByRole("link", { name: "Se connecter" }).click();
        await page.waitForURL("/connexion");
        await signInThroughOutbox(page, served.baseUrl, "ines.benali@insee.fr");

        const navigation = page.getByRole("navigation", { name: "Menu principal" });
        assert.ok(await navigation.getByRole("link", { name: "Trouver un expert" }).isVisible(), "« Trouver un expert » n’est pas visible");
        await expectNoHorizontalPageScroll(page);
        await navigation.getByRole("link", { name: "Trouver un expert" }).click();
        await page.waitForURL(/\/annuaire$/);
        await page.getByRole("banner").getByRole("link", { name: "Inès Benali (mon compte)" }).click();
        await page.waitForURL("/compte");
        const breadcrumb = page.getByRole("navigation", { name: /^vous êtes ici/ });
        assert.ok(await breadcrumb.getByRole("link", { name: "Accueil" }).isVisible(), "le fil d’Ariane reste replié sans JavaScript");
        assert.equal(await breadcrumb.getByRole("button", { name: "Voir le fil d’Ariane" }).isVisible(), false);

        await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).click();
        await page.waitForURL("/deconnexion/terminee");
        await page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" }).waitFor();
      },
      { viewport: phone, javaScriptEnabled: false },
    ));
});
