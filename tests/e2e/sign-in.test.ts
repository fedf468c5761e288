import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium, openMailInOutbox, reservePublicUrl, type ServedPlatform, startServedPlatform, withPage } from "../support/browser.ts";
import { proconnectAgent, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider.ts";

describe("signing in and out in a browser", () => {
  let provider: TestOidcProvider;
  let platform: ServedPlatform;
  let browser: Browser;

  before(async () => {
    const address = await reservePublicUrl();
    provider = await startOidcProvider(address);
    platform = await startServedPlatform({ ...address, config: provider.platformConfig });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
    await provider?.stop();
  });

  it("signs a public agent in with a link read from the outbox, then signs out", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      const email = "ines.benali@insee.fr";
      await page.goto("/");

      await page.getByRole("link", { name: "Se connecter", exact: true }).click();
      await page.waitForURL("/connexion");

      await page.getByLabel("Adresse électronique professionnelle").fill(email);
      await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
      await page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" }).waitFor();
      assert.match(await page.getByRole("main").innerText(), /ines\.benali@insee\.fr/);

      await openMailInOutbox(page, platform.baseUrl, email);
      assert.match(await page.getByRole("heading", { level: 1 }).innerText(), /Votre lien de connexion/);
      await page.getByRole("link", { name: /\/connexion\/lien\?jeton=/ }).click();
      await page.getByRole("heading", { level: 1, name: "Confirmer la connexion" }).waitFor();

      await page.getByRole("button", { name: "Me connecter" }).click();
      await page.waitForURL("/compte");
      assert.match(await page.getByRole("main").innerText(), /ines\.benali@insee\.fr/);

      await page.getByRole("main").getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL("/deconnexion/terminee");
      await page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" }).waitFor();

      await page.goto("/compte");
      assert.equal(new URL(page.url()).pathname, "/connexion");
      await page.getByRole("heading", { level: 1, name: "Se connecter au Programme 10 %" }).waitFor();
    }));

  it("refuses an address outside the public sector, explains why beside the field and keeps what was typed", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      await page.goto("/connexion");
      const field = page.getByLabel("Adresse électronique professionnelle");
      await field.fill("someone@gmail.com");
      const answer = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/connexion");
      await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
      assert.equal((await answer).status(), 422);
      await page.waitForLoadState();

      assert.equal(await field.inputValue(), "someone@gmail.com");
      assert.equal(await field.getAttribute("aria-invalid"), "true");
      const explanation = await page.locator("#email-messages").innerText();
      assert.match(explanation, /Cette adresse n’est pas celle d’un organisme public/);
      assert.match(explanation, /réservée aux agents publics/);
      assert.match(explanation, /ou ProConnect\./, "ProConnect est proposé quand il est configuré");

      await page.locator("#email-messages").getByRole("link", { name: "Écrire à l’équipe du programme" }).click();
      await page.waitForURL("/contact");
    }));

  it("signs an agent in with ProConnect, takes names and organisation from it, and signs out at the provider too", () =>
    withPage(browser, platform.baseUrl, async (page) => {
      await page.goto("/connexion");
      await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();

      await page.waitForURL((url) => url.href.startsWith(provider.issuer));
      await page.locator('input[name="login"]').fill("agathe");
      await page.locator('input[name="password"]').fill("n-importe-quel-mot-de-passe");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.getByRole("button", { name: "Continue" }).click();

      await page.waitForURL(`${platform.baseUrl}/compte`);
      const main = page.getByRole("main");
      assert.equal(await main.getByLabel(/^Prénom/).inputValue(), proconnectAgent.given_name);
      assert.equal(await main.getByLabel(/^Nom/).inputValue(), proconnectAgent.usual_name);
      const details = await main.innerText();
      assert.match(details, /agathe\.proconnect@insee\.fr/);
      assert.match(details, /Institut national de la statistique et des études économiques/);
      assert.match(details, /ProConnect/);

      await main.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL((url) => url.href.startsWith(provider.issuer));
      await page.getByRole("button", { name: "Yes, sign me out" }).click();

      await page.waitForURL((url) => url.href.startsWith(`${platform.baseUrl}/deconnexion/terminee`));
      await page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" }).waitFor();

      await page.goto("/compte");
      assert.equal(new URL(page.url()).pathname, "/connexion");
    }));
});
