import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

describe("pages in a browser: accessibility and keyboard use", () => {
  const served = useServedBrowser();

  // The site pages exist in the demo data: the import of the shipped content/.
  const sitePages = [
    "/actualites",
    "/actualites?annee=2023",
    "/actualites/saison2023",
    "/projets",
    "/projets/cartiflette",
    "/formations",
    "/evenements",
    "/programme",
    "/programme/contribuer",
    "/rejoindre",
    "/contact",
    "/ressources",
  ];
  const publicPages = ["/", ...sitePages, "/connexion", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/plan-du-site", "/_dev/composants"];
  for (const path of publicPages) {
    it(`shows ${path} to visitors without WCAG 2.1 AA violations, in light and dark themes`, () =>
      withPage(served.browser, served.baseUrl, async (page) => {
        const response = await page.goto(path);
        assert.equal(response?.status(), 200);
      }));
  }

  it("answers an unknown address with an accessible 404 page", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      const response = await page.goto("/page-inexistante");
      assert.equal(response?.status(), 404);
      await page.getByRole("heading", { level: 1, name: "Page non trouvée" }).waitFor();
    }));

  it("shows a plain member an accessible 403 page on the administration", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "thomas.leroy@ign.fr");
      const response = await page.goto("/admin");
      assert.equal(response?.status(), 403);
      await page.getByRole("heading", { level: 1, name: "Accès refusé" }).waitFor();
    }));

  it("shows the programme team its account and the administration pages without violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
      // The team's longest menu holds on one line at 1280 px: every entry on the same row, none wrapped.
      const entries = await page.locator(".fr-nav__link").evaluateAll((links) => links.map((link) => ({ top: link.getBoundingClientRect().top, height: link.getBoundingClientRect().height })));
      assert.ok(entries.length >= 10, `${entries.length} entrées dans le menu`);
      assert.equal(new Set(entries.map((entry) => entry.top)).size, 1, "le menu passe sur deux lignes");
      assert.equal(new Set(entries.map((entry) => entry.height)).size, 1, "un intitulé du menu passe sur deux lignes");

      for (const [path, heading] of [
        ["/admin", "Administration"],
        ["/admin/domaines", /Domaines/],
        ["/admin/messages", "Messages reçus"],
      ] as const) {
        const response = await page.goto(path);
        assert.equal(response?.status(), 200, path);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      }
    }));

  it("lets a visitor write to the programme team from /contact: errors at the fields, then the confirmation, and the team reads it", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/contact");
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await page.getByRole("heading", { level: 1, name: "Contacter l’équipe du programme" }).waitFor();
      assert.match(await page.locator("#topic-messages").innerText(), /Choisissez le sujet de votre message/);

      await page.getByLabel(/^Votre nom/).fill("Léa Visiteuse");
      await page.getByLabel(/^Votre adresse électronique/).fill("lea.navigateur@culture.gouv.fr");
      await page.getByLabel(/^Sujet/).selectOption({ label: "Une question de manager ou de ressources humaines" });
      await page.getByLabel(/^Votre message/).fill("Mon agente peut-elle consacrer 10 % de son temps au programme ?");
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await page.getByRole("heading", { level: 1, name: "Message envoyé" }).waitFor();

      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin/messages");
      await page.getByRole("main").getByRole("table").getByRole("link").first().click();
      await page.getByRole("heading", { level: 1, name: "Message de Léa Visiteuse" }).waitFor();
    }));

  it("focuses the skip link to the content on the first Tab, and Enter moves focus to the main content", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute("href") }));
      assert.deepEqual(focused, { text: "Contenu", href: "#contenu" });
      await page.keyboard.press("Enter");
      await page.waitForURL(/#contenu$/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "contenu");
    }));

  it("lets a keyboard user fill and send the sign-in form without a mouse", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/connexion");
      let presses = 0;
      while ((await page.evaluate(() => document.activeElement?.id)) !== "email") {
        assert.ok(++presses <= 40, "le champ d’adresse électronique n’est pas atteint avec Tab");
        await page.keyboard.press("Tab");
      }
      await page.keyboard.type("ines.benali@insee.fr");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" }).waitFor();
    }));
});
