import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { eventRegistrations, events, seasons, users } from "../../src/db/schema/index.ts";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { waitForMail } from "../support/test-platform.ts";

const run = promisify(execFile);
const screenshotDir = process.env.SCREENSHOT_DIR;
/** A Tuesday of the demo season 2026-2027, the morning of a workshop. */
const clock = { now: () => new Date("2026-12-08T09:00:00Z") };
const member = "julien.moreau@insee.fr";
const manager = "claire.fontaine@insee.fr";
const team = "camille.martin@numerique.gouv.fr";

describe("« Mon 10 % » in a browser: the agreement, the ledger, the manager's page and the attestation", () => {
  const served = useServedBrowser({ clock });
  const db = () => served.platform.database.db;
  const shot = async (page: import("playwright-core").Page, name: string) => {
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  };
  let attestationCode = "";

  /** This afternoon's workshop of the season (14 h – 17 h 30 in Paris), where Julien Moreau has a seat. */
  async function prepareWorkshop(): Promise<void> {
    const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    const [julien] = await db().select({ id: users.id }).from(users).where(eq(users.email, member));
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-du-8-decembre", kind: "atelier", title: "Atelier du 8 décembre", startsAt: new Date("2026-12-08T13:00:00Z"), endsAt: new Date("2026-12-08T16:30:00Z"), inPersonCapacity: 30, remoteCapacity: 30, seasonId: season!.id })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: julien!.id, mode: "in_person", status: "confirmed", checkInToken: "qr-julien-8-decembre", confirmedAt: new Date("2026-12-01T10:00:00Z") });
  }

  it("a member prepares and sends their agreement to their manager", async () => {
    await prepareWorkshop();
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      await page.getByRole("link", { name: "Ma convention et mon temps" }).click();
      await page.getByRole("heading", { level: 1, name: "Mon 10\u00a0%" }).waitFor();
      await page.getByRole("link", { name: "Préparer ma convention" }).click();
      await page.getByRole("heading", { level: 1, name: "Préparer ma convention 10\u00a0%" }).waitFor();
      // Sent without the charter: refused at the field, the input kept.
      await page.getByLabel("Nom de votre manager").fill("Claire Fontaine");
      await page.getByLabel("Adresse électronique de votre manager").fill(manager);
      await page.getByRole("button", { name: "Envoyer à mon manager" }).click();
      await page.getByText(/Le formulaire contient/).waitFor();
      assert.equal(await page.getByLabel("Adresse électronique de votre manager").inputValue(), manager);
      await page.locator("label", { hasText: "J’ai lu la charte du programme" }).click();
      await shot(page, "convention-preparer");
      await page.getByRole("button", { name: "Envoyer à mon manager" }).click();
      await page.getByText("En attente de signature").first().waitFor();
      await shot(page, "convention-envoyee");
    });
  });

  it("the manager opens the personal link from the mail, without an account, and accepts", async () => {
    const mail = await waitForMail(served.platform, manager, { matching: /convention/i });
    const link = /https?:\/\/\S+\/convention\/signature\/[\w-]{40,}/.exec(mail.text)?.[0];
    assert.ok(link, `pas de lien personnel dans : ${mail.text}`);
    await withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: "Convention 10\u00a0% de Julien Moreau" }).waitFor();
      await shot(page, "convention-signature");
      await page.locator("label", { hasText: "J’accepte la convention" }).click();
      await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
      await page.getByRole("heading", { level: 1, name: "Votre accord est enregistré" }).waitFor();
      // The link served its purpose: opened again, it no longer decides anything.
      const again = await page.goto(link);
      assert.equal(again?.status(), 410);
    });
  });

  it("the programme team checks the member in at the workshop", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, team);
      await page.goto("/pointage/qr-julien-8-decembre");
      await page.getByRole("heading", { level: 1, name: "Julien Moreau" }).waitFor();
      await page.getByRole("button", { name: "Enregistrer l’arrivée de Julien Moreau" }).click();
      await page.getByRole("heading", { name: /^Arrivée enregistrée/ }).waitFor();
    }));

  it("the member declares a half-day: the ledger shows it and the workshop against the budget", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      await page.getByRole("link", { name: "Ma convention et mon temps" }).click();
      await page.getByText("Acceptée").first().waitFor();
      await page.getByRole("link", { name: "Mon temps" }).click();
      await page.getByRole("heading", { level: 1, name: "Mon temps" }).waitFor();
      await page.getByLabel("Date").fill("2026-12-07");
      await page.getByLabel("Projet").selectOption({ label: "Sans projet précis" });
      await page.getByLabel("Ce que vous avez fait, en une ligne").fill("Revue des données d’entrée avec l’équipe");
      await page.getByRole("button", { name: "Déclarer ce temps" }).click();
      await page.getByRole("cell", { name: "Revue des données d’entrée avec l’équipe" }).waitFor();
      const december = (await page.getByRole("row", { name: /Décembre 2026/ }).first().innerText()).replace(/\s+/g, " ");
      assert.match(december, /Décembre 2026 1 demi-journée 1 demi-journée 2 demi-journées 2 demi-journées/, december);
      await page.getByRole("link", { name: "Atelier du 8 décembre" }).waitFor();
      // November's workshops (the demo's) count as time given, before the agreement began: no budget, not « over » it.
      const november = (await page.getByRole("row", { name: /Novembre 2026/ }).first().innerText()).replace(/\s+/g, " ");
      assert.match(november, /Novembre 2026 2 demi-journées 0 demi-journée 2 demi-journées Hors de la période de la convention/, november);
      assert.doesNotMatch(november, /au-delà/i);
      await shot(page, "mon-temps");
    }));

  it("the manager's page shows the agent", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, manager);
      await page.getByRole("link", { name: "Mes agents", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Mes agents" }).waitFor();
      await page.getByText("Julien Moreau").first().waitFor();
      await shot(page, "mes-agents");
    }));

  it("the member downloads an attestation whose code verifies on the public page", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "attestation-"));
    const file = path.join(folder, "attestation.pdf");
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      await page.getByRole("link", { name: "Ma convention et mon temps" }).click();
      await page.getByRole("link", { name: "Mes attestations" }).click();
      await page.getByRole("heading", { level: 1, name: "Mes attestations de temps" }).waitFor();
      await page.getByRole("button", { name: "Émettre l’attestation" }).click();
      await page.getByText("Attestation émise").waitFor();
      attestationCode = (await page.locator("strong", { hasText: /^P10-/ }).first().innerText()).trim();
      assert.match(attestationCode, /^P10-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l’attestation (PDF)" }).click()]);
      await download.saveAs(file);
      assert.equal((await readFile(file)).subarray(0, 5).toString(), "%PDF-");
      const { stdout } = await run("pdftotext", [file, "-"]);
      assert.match(stdout, /Julien Moreau/);
      assert.match(stdout, new RegExp(attestationCode));
      assert.match(stdout, /Atelier du 8 décembre/);
    });
    await withPage(served.browser, served.baseUrl, async (page) => {
      await page.goto("/attestations/verifier");
      await page.getByLabel("Code de l’attestation").fill(attestationCode.toLowerCase());
      await page.getByRole("button", { name: "Vérifier" }).click();
      await page.getByRole("heading", { level: 1, name: `Attestation ${attestationCode}` }).waitFor();
      await page.getByText("Julien Moreau").first().waitFor();
      // The file itself, checked in the browser against the issued file's fingerprint.
      await page.getByLabel(/Fichier PDF de l’attestation/).setInputFiles(file);
      await page.getByRole("button", { name: "Vérifier mon fichier" }).click();
      await page.getByText("Ce fichier est celui émis").waitFor();
      await shot(page, "attestation-verifiee");
    });
  });
});
