import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { eventRegistrations, events, users } from "../../src/db/schema/index.ts";
import { signInThroughOutbox, type ServedPlatform, useServedBrowser, withPage } from "../support/browser.ts";

/** A small phone in portrait, the team's check-in device. */
const phone = { width: 375, height: 800 };
const team = "camille.martin@numerique.gouv.fr";

async function expectNoHorizontalPageScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} : la page fait ${scrollWidth} px de large pour un écran de ${innerWidth} px`);
}

type Prepared = { eventId: string; tokens: Record<string, string> };
const prepared: Prepared = { eventId: "", tokens: {} };

/**
 * A workshop next week, 2 seats in person (Inès Benali, Thomas Leroy) with Sophie Durand waiting, 5 remote
 * (Marc Petit). Inserted as registrations already decided: the registration journey is tested elsewhere.
 */
async function prepare(platform: ServedPlatform) {
  const db = platform.database.db;
  const start = new Date(Date.now() + 7 * 24 * 3600_000);
  start.setUTCHours(13, 0, 0, 0);
  const [event] = await db
    .insert(events)
    .values({
      slug: "atelier-pointage",
      kind: "atelier",
      title: "Atelier pointage",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3.5 * 3600_000),
      placeName: "Salle Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      visioUrl: "https://webinaire.numerique.gouv.fr/atelier",
      inPersonCapacity: 2,
      remoteCapacity: 5,
      accessListDueAt: new Date(start.getTime() - 3 * 24 * 3600_000),
      questions: [{ key: "accessibility", label: "Avez-vous des besoins d’accessibilité\u00a0?", kind: "text", required: false }],
    })
    .returning();
  prepared.eventId = event!.id;
  const people: [string, "in_person" | "remote", "confirmed" | "waitlisted", Record<string, string>][] = [
    ["ines.benali@insee.fr", "in_person", "confirmed", { accessibility: "Place proche de l’entrée" }],
    ["thomas.leroy@ign.fr", "in_person", "confirmed", {}],
    ["sophie.durand@interieur.gouv.fr", "in_person", "waitlisted", {}],
    ["marc.petit@numerique.gouv.fr", "remote", "confirmed", {}],
  ];
  for (const [email, mode, status, answers] of people) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const token = `jeton-e2e-${email.split("@")[0]!.replace(".", "-")}`;
    await db.insert(eventRegistrations).values({ eventId: event!.id, userId: user!.id, mode, status, answers, checkInToken: token, confirmedAt: status === "confirmed" ? new Date() : null });
    prepared.tokens[email] = token;
  }
}

describe("the programme team's check-in on a phone", () => {
  const served = useServedBrowser({ prepare });

  it("manages the registrations, checks people in by their QR code page and by name, and ticks the sign-in sheet, at 375 px without axe violations", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, team);
        const base = `/admin/evenements/${prepared.eventId}`;

        await page.goto(`${base}/inscriptions`);
        await page.getByRole("heading", { level: 1, name: "Inscriptions" }).waitFor();
        await page.getByText("Place proche de l’entrée").waitFor();
        await expectNoHorizontalPageScroll(page);

        // Sophie waits: the team takes her off the waitlist, over-booking on purpose.
        await page.getByRole("link", { name: "Confirmer l’inscription de Sophie Durand" }).click();
        await page.getByRole("heading", { level: 2, name: "Surréservation" }).waitFor();
        await page.getByRole("button", { name: "Confirmer au-delà de la capacité" }).click();
        await page.getByRole("heading", { name: "L’inscription de Sophie Durand est confirmée" }).waitFor();

        // The QR code of Inès opens her check-in page.
        await page.goto(`/pointage/${prepared.tokens["ines.benali@insee.fr"]}`);
        await page.getByRole("heading", { level: 1, name: "Inès Benali" }).waitFor();
        await expectNoHorizontalPageScroll(page);
        // Without a QR code reader in the browser, no « Scanner le code suivant »: back to the check-in page instead.
        assert.equal(await page.getByRole("link", { name: "Scanner le code suivant" }).isVisible(), false);
        await page.getByRole("button", { name: "Enregistrer l’arrivée d’Inès Benali" }).click();
        // The workshop is next week: the arrival waits for a second confirmation.
        await page.getByRole("heading", { level: 2, name: "Cet événement n’a pas lieu aujourd’hui" }).waitFor();
        await expectNoHorizontalPageScroll(page);
        await page.getByRole("button", { name: "Enregistrer quand même l’arrivée d’Inès Benali" }).click();
        await page.getByRole("heading", { name: /^Arrivée enregistrée / }).waitFor();
        await page.getByRole("button", { name: "Annuler l’arrivée d’Inès Benali" }).waitFor();

        // Thomas is found by name on the check-in page.
        await page.getByRole("link", { name: "Retour au pointage" }).click();
        await page.getByRole("heading", { level: 1, name: "Pointage" }).waitFor();
        await page.getByText("1\u00a0arrivée sur 3\u00a0personnes attendues sur place").waitFor();
        await expectNoHorizontalPageScroll(page);
        await page.getByLabel("Nom, prénom, organisation ou adresse").fill("leroy");
        await page.getByRole("button", { name: "Rechercher la personne" }).click();
        await page.getByText("1\u00a0personne inscrite sur place trouvée pour «\u00a0leroy\u00a0»").waitFor();
        await page.getByRole("button", { name: "Enregistrer l’arrivée de Thomas Leroy" }).click();
        await page.getByRole("button", { name: "Enregistrer quand même l’arrivée de Thomas Leroy" }).click();
        await page.getByRole("heading", { name: /^Arrivée enregistrée / }).waitFor();
        await page.getByText("2\u00a0arrivées sur 3\u00a0personnes attendues sur place").waitFor();
        await expectNoHorizontalPageScroll(page);

        // The sign-in sheet: arrivals already ticked; Marc, remote, ticked by hand.
        await page.goto(`${base}/emargement`);
        await page.getByRole("heading", { level: 1, name: "Feuille d’émargement" }).waitFor();
        assert.equal(await page.getByLabel("Présence d’Inès Benali").isChecked(), true);
        assert.equal(await page.getByLabel("Présence de Sophie Durand").isChecked(), false);
        await page.screenshot({ path: "tmp/check-in-sheet.png", fullPage: true });
        await page.locator("label", { hasText: "Présence de Marc Petit" }).click();
        assert.equal(await page.getByLabel("Présence de Marc Petit").isChecked(), true);
        await page.getByRole("button", { name: "Enregistrer les présences" }).click();
        await page.getByText("Sur place\u00a0: 2\u00a0personnes présentes — À distance\u00a0: 1\u00a0personne présente.").waitFor();

        // A message with errors, shown at the fields; then its preview, and only then the sending.
        await page.goto(`${base}/message`);
        await page.getByRole("button", { name: "Voir l’aperçu avant l’envoi" }).click();
        await page.getByText("Indiquez l’objet du message.").first().waitFor();
        await expectNoHorizontalPageScroll(page);
        await page.getByLabel(/^Objet/).fill("Changement de salle");
        await page.getByLabel(/^Message/).fill("Rendez-vous salle Ségur B, au deuxième étage.");
        await page.locator("label", { hasText: "Les personnes confirmées" }).click();
        await page.locator("label", { hasText: "Sur place et à distance" }).click();
        await page.getByRole("button", { name: "Voir l’aperçu avant l’envoi" }).click();
        await page.getByRole("heading", { level: 1, name: "Aperçu du message" }).waitFor();
        await page.getByText("Changement de salle — Atelier pointage").waitFor();
        await expectNoHorizontalPageScroll(page);
        await page.getByRole("button", { name: "Envoyer à 4\u00a0personnes" }).click();
        await page.getByRole("heading", { name: "Message envoyé" }).waitFor();
      },
      { viewport: phone },
    ));

  it("opens the check-in page of the QR code the camera reads, where the browser can read QR codes (BarcodeDetector)", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, team);
        // Chromium on Linux has no BarcodeDetector nor camera here: a detector that reads Sophie's code and a
        // camera filming a blank canvas stand in for them, as on a phone.
        const scanned = `${served.baseUrl}/pointage/${prepared.tokens["sophie.durand@interieur.gouv.fr"]}`;
        // A string, not a function: the test runner's transpiler would add helpers the page does not have.
        await page.addInitScript(`
          window.BarcodeDetector = class {
            static async getSupportedFormats() { return ["qr_code"]; }
            async detect() { return [{ rawValue: ${JSON.stringify(scanned)} }]; }
          };
          navigator.mediaDevices.getUserMedia = async () => {
            const canvas = document.createElement("canvas");
            canvas.width = 320;
            canvas.height = 320;
            canvas.getContext("2d").fillRect(0, 0, 320, 320);
            return canvas.captureStream(10);
          };
        `);
        await page.goto(`/admin/evenements/${prepared.eventId}/pointage`);
        const open = page.getByRole("button", { name: "Ouvrir la caméra" });
        await open.waitFor();
        assert.equal(await page.getByText("Avec l’appareil photo du téléphone").isVisible(), false);
        await open.click();
        await page.waitForURL(scanned);
        await page.getByRole("heading", { level: 1, name: "Sophie Durand" }).waitFor();
        // « Scanner le code suivant » comes back with the camera open: the next code opens at once. The pages
        // are followed as they come (the scanner may leave « #scanner » before a wait for it would start).
        const visited: string[] = [];
        page.on("framenavigated", (frame) => {
          if (frame === page.mainFrame()) visited.push(frame.url());
        });
        const scannedAgain = page.waitForEvent("framenavigated", { predicate: (frame) => frame === page.mainFrame() && frame.url() === scanned, timeout: 30_000 });
        await page.getByRole("link", { name: "Scanner le code suivant" }).click();
        await scannedAgain;
        // (revealed by the script: the browser reads QR codes here)
        assert.ok(visited.some((url) => /\/pointage#scanner$/.test(url)), visited.join(" → "));
      },
      // « #scanner » opens the camera, whose code opens the next page at once: the same check-in page was audited above.
      { viewport: phone, leavesByItself: /\/pointage#scanner$/ },
    ));

  it("shows a member who opens their own QR code when to present it, instead of refusing them", () =>
    withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, "thomas.leroy@ign.fr");
        const response = await page.goto(`/pointage/${prepared.tokens["thomas.leroy@ign.fr"]}`);
        assert.equal(response?.status(), 200);
        await page.getByRole("heading", { level: 2, name: "Ce code est à présenter à l’accueil le jour de l’événement" }).waitFor();
        // The event's name in the page's callout (at phone width the breadcrumb, which also names it, is folded).
        await page.locator(".fr-callout__title", { hasText: "Atelier pointage" }).waitFor();
        await expectNoHorizontalPageScroll(page);
      },
      { viewport: phone },
    ));
});
