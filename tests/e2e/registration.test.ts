import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { events } from "../../src/db/schema/index.ts";
import { openMailInOutbox, signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const member = "thomas.leroy@ign.fr";
const day = 24 * 3600_000;
const workshop = { slug: "atelier-inscription-navigateur", title: "Atelier inscription dans le navigateur" };
const webinar = { slug: "webinaire-public-navigateur", title: "Webinaire public dans le navigateur" };

describe("registering for an event in a browser", () => {
  const served = useServedBrowser({
    async prepare(platform) {
      // The served platform runs on the real clock: the events are placed relative to now.
      const startsAt = new Date(Math.ceil((Date.now() + 10 * day) / 3600_000) * 3600_000);
      const common = {
        kind: "atelier",
        description: "Un atelier pour tester l’inscription.",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        placeName: "Salle Ségur",
        placeAddress: "20 avenue de Ségur, 75007 Paris",
        visioUrl: "https://webinaire.numerique.gouv.fr/navigateur",
        registrationOpensAt: new Date(Date.now() - day),
        registrationClosesAt: new Date(startsAt.getTime() - day),
      };
      await platform.database.db.insert(events).values([
        {
          ...common,
          ...workshop,
          inPersonCapacity: 20,
          remoteCapacity: 50,
          audience: "members",
          questions: [
            { key: "diet", label: "Avez-vous un régime alimentaire particulier\u00a0?", kind: "text", required: false },
            { key: "lunch", label: "Resterez-vous déjeuner\u00a0?", kind: "choice", required: true, options: ["Oui", "Non"] },
          ],
        },
        { ...common, ...webinar, kind: "webinaire", inPersonCapacity: null, remoteCapacity: 100, audience: "public", questions: [] },
      ]);
    },
  });

  const as = (email: string, journey: (page: Page) => Promise<void>) =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, email);
      await journey(page);
    });

  it("a member fills the form (errors at the fields first), registers in person, finds the QR code in « Mes inscriptions » and cancels", () =>
    as(member, async (page) => {
      await page.goto(`/evenements/${workshop.slug}`);
      await page.getByRole("link", { name: "S’inscrire", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /S’inscrire à/ }).waitFor();

      await page.getByLabel(/Avez-vous un régime alimentaire particulier/).fill("Végétarien");
      await page.getByRole("button", { name: "S’inscrire" }).click();
      await page.getByText("Choisissez sur place ou à distance.").first().waitFor();
      await page.getByText("Répondez à la question «\u00a0Resterez-vous déjeuner\u00a0».").first().waitFor();
      assert.equal(await page.getByLabel(/Avez-vous un régime alimentaire particulier/).inputValue(), "Végétarien");
      assert.match(await page.title(), /^Erreur — /);

      await page.locator('label[for="mode-in_person"]').click();
      await page.getByText("Oui", { exact: true }).click();
      await page.getByRole("button", { name: "S’inscrire" }).click();
      await page.getByText("Votre inscription est enregistrée.").waitFor();
      await page.getByText("Vous êtes inscrit·e (sur place).").waitFor();

      await page.getByRole("link", { name: "Mes inscriptions", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Mes inscriptions" }).waitFor();
      await page.getByRole("img", { name: `Code QR d’accueil pour «\u00a0${workshop.title}\u00a0»` }).waitFor();

      await openMailInOutbox(page, served.baseUrl, member);
      await page.getByText(`Inscription confirmée\u00a0: ${workshop.title}`).first().waitFor();
      // The HTML part in its sandboxed frame, under the page's CSP: the inline QR code shows (data: address).
      const preview = page.frameLocator('iframe[title^="Version HTML du courriel"]');
      const qrImage = preview.getByRole("img", { name: /^Code QR d’accueil/ });
      await qrImage.waitFor();
      assert.ok((await qrImage.evaluate((image: HTMLImageElement) => image.naturalWidth)) > 0, "le code QR ne s’affiche pas dans la version HTML");
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "invitation.ics" }).click();
      assert.equal((await download).suggestedFilename(), "invitation.ics");

      await page.goto("/compte/evenements");
      // The event page's confirmation step first, then back to the list.
      await page.getByRole("link", { name: `Annuler mon inscription à «\u00a0${workshop.title}\u00a0»` }).click();
      await page.getByRole("heading", { level: 1, name: `Annuler mon inscription à «\u00a0${workshop.title}\u00a0»` }).waitFor();
      await page.getByRole("button", { name: "Confirmer l’annulation" }).click();
      await page.getByText("Votre inscription est annulée.").waitFor();
    }));

  it("a visitor asks to register for a public event with their address (errors at the fields first) and confirms from the mail", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto(`/evenements/${webinar.slug}`);
      await page.getByRole("link", { name: "S’inscrire avec mon adresse électronique" }).click();
      await page.getByText("Membre du programme 10\u00a0%\u00a0?").waitFor();
      await page.getByLabel("Prénom").fill("Alex");
      await page.getByRole("button", { name: "Recevoir le lien de confirmation" }).click();
      await page.getByText("Indiquez votre adresse électronique.").first().waitFor();
      assert.equal(await page.getByLabel("Prénom").inputValue(), "Alex");

      await page.getByLabel("Adresse électronique").fill("alex.visiteur@exemple.fr");
      await page.locator("#usualName").fill("Visiteur");
      await page.getByLabel("Organisation").fill("Mairie de Lyon");
      await page.getByRole("button", { name: "Recevoir le lien de confirmation" }).click();
      await page.getByRole("heading", { level: 1, name: "Confirmez votre adresse électronique" }).waitFor();

      await openMailInOutbox(page, served.baseUrl, "alex.visiteur@exemple.fr");
      await page.getByRole("link", { name: /\/evenements\/inscription\/confirmer\// }).click();
      await page.getByRole("button", { name: "Confirmer mon inscription" }).waitFor();
      await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
      await page.getByText("Votre place est réservée").waitFor();
    }));
});
