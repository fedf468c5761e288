import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { desc, eq } from "drizzle-orm";
import { eventProjects, eventRegistrations, events, projectReuses, projects, seasons, teamMembers, users, workspaceFramings, workspaceLogEntries } from "../../src/db/schema/index.ts";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { waitForMail } from "../support/test-platform.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;
/** In the investigation phase of the demo season 2026-2027, the day after a Cartiflette workshop. */
const clock = { now: () => new Date("2027-03-10T09:00:00Z") };
const lead = "thomas.leroy@ign.fr";
const coach = "marc.petit@numerique.gouv.fr";
const amd = "sophie.durand@interieur.gouv.fr";

describe("a project workspace in a browser", () => {
  const served = useServedBrowser({ clock });
  const db = () => served.platform.database.db;

  /** Marc Petit coaches Cartiflette too; yesterday's workshop, linked to the project, where Thomas Leroy was checked in. */
  async function prepare(): Promise<void> {
    const [project] = await db().select({ id: projects.id }).from(projects).where(eq(projects.slug, "cartiflette"));
    const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    const [marc] = await db().select({ id: users.id }).from(users).where(eq(users.email, coach));
    const [thomas] = await db().select({ id: users.id }).from(users).where(eq(users.email, lead));
    await db().insert(teamMembers).values({ seasonId: season!.id, projectId: project!.id, userId: marc!.id, role: "coach", source: "named" }).onConflictDoNothing();
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-cartiflette-mars", kind: "atelier", title: "Atelier Cartiflette de mars", startsAt: new Date("2027-03-09T13:00:00Z"), endsAt: new Date("2027-03-09T16:00:00Z"), inPersonCapacity: 20, remoteCapacity: 20 })
      .returning({ id: events.id });
    await db().insert(eventProjects).values({ eventId: workshop!.id, projectId: project!.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: thomas!.id, mode: "in_person", status: "confirmed", checkInToken: "qr-atelier-cartiflette-mars", attendedAt: new Date("2027-03-09T13:04:00Z"), attendanceMarkedBy: thomas!.id });
  }

  it("the lead updates the framing, adds a milestone and writes the workshop's log « Bloqué », without WCAG 2.1 AA violations", async () => {
    await prepare();
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, lead);
      await page.goto("/projets/cartiflette");
      await page.getByRole("link", { name: "Ouvrir l’espace projet" }).click();
      await page.getByRole("heading", { level: 1, name: "Espace projet" }).waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/espace-projet.png`, fullPage: true });

      await page.getByRole("link", { name: "Fiche de cadrage" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Fiche de cadrage" }).waitFor();
      await page.locator("textarea#summary").fill("Des fonds de carte administratifs prêts à l’emploi, désormais avec l’outre-mer.");
      await page.locator("textarea#deliverable").fill("Les contours des collectivités d’outre-mer dans le paquet Cartiflette.");
      await page.getByRole("button", { name: "Enregistrer une nouvelle version" }).click();
      await page.getByText(/version 2/i).first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/espace-cadrage.png`, fullPage: true });

      await page.getByRole("link", { name: "Jalons" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Jalons" }).waitFor();
      // A refused form comes back focused on its error summary (read out, scrolled to), not at the top of the page.
      await page.getByRole("button", { name: "Ajouter le jalon" }).click();
      await page.getByText(/Le formulaire contient \d* ?erreurs?/).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "alert");
      await page.locator("#phase").selectOption("investigation");
      await page.locator("#title").fill("Contours d’outre-mer récupérés");
      await page.locator("#dueOn").fill("2027-04-15");
      await page.getByRole("button", { name: "Ajouter le jalon" }).click();
      await page.getByText("Contours d’outre-mer récupérés").first().waitFor();

      await page.getByRole("link", { name: "Journal de bord" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Journal de bord" }).waitFor();
      await page.locator("#happenedOn").fill("2027-03-09");
      await page.locator("#eventId").selectOption({ label: (await page.locator("#eventId option", { hasText: "Atelier Cartiflette de mars" }).first().textContent())! });
      await page.locator("#done").fill("Atelier de mars : les scripts de découpage tournent sur SSP Cloud.");
      await page.locator('label[for="weather-blocked"]').click();
      await page.locator("#weatherNote").fill("Les contours d’outre-mer ne sont toujours pas publiés.");
      await page.getByRole("button", { name: "Ajouter au journal" }).click();
      await page.getByText(/Présents à l’atelier/).first().waitFor();
      await page.getByText("Thomas Leroy").first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/espace-journal.png`, fullPage: true });
    });
    const [entry] = await db().select().from(workspaceLogEntries).orderBy(desc(workspaceLogEntries.createdAt)).limit(1);
    assert.equal(entry?.weather, "blocked");
    const [framing] = await db().select({ version: workspaceFramings.version, publicSections: workspaceFramings.publicSections }).from(workspaceFramings).orderBy(desc(workspaceFramings.createdAt)).limit(1);
    assert.equal(framing?.version, 2);
  });

  it("the coach is mailed about the blocked project and reads the workspace, without WCAG 2.1 AA violations", async () => {
    const mail = await waitForMail(served.platform, coach, { matching: /Cartiflette/ });
    assert.match(mail.text, /contours d’outre-mer ne sont toujours pas publiés/);
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, coach);
      await page.goto("/projets/cartiflette/espace/journal");
      await page.getByText("Les contours d’outre-mer ne sont toujours pas publiés.").first().waitFor();
      assert.equal(await page.getByRole("button", { name: "Ajouter au journal" }).count(), 0);
    });
  });

  it("a ministry declares that it uses the project, without WCAG 2.1 AA violations", async () => {
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, amd);
      await page.goto("/projets/cartiflette/reutilisations");
      await page.locator("#purpose").fill("Les cartes des résultats électoraux par commune, outre-mer compris.");
      await page.locator("#since").fill("2026-09");
      await page.getByRole("button", { name: /Déclarer/ }).click();
      await page.getByText("Les cartes des résultats électoraux par commune").first().waitFor();
    });
    const reuses = await db().select().from(projectReuses);
    assert.equal(reuses.length, 1);
  });

  it("the public project page shows the public part only, without JavaScript and without WCAG 2.1 AA violations", async () => {
    await withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await page.goto("/projets/cartiflette");
        await page.getByText("Les cartes des résultats électoraux par commune").first().waitFor();
        const body = await page.locator("main").innerText();
        assert.doesNotMatch(body, /toujours pas publiés/, "la météo reste interne");
        assert.doesNotMatch(body, /scripts de découpage/, "le journal reste interne");
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/projet-public.png`, fullPage: true });
        // Counted in the season's figures.
        await page.goto("/saisons/2026-2027");
        await page.getByText("1\u00a0projet réutilisé par d’autres administrations").waitFor();
        const workspace = await page.goto("/projets/cartiflette/espace");
        assert.ok(page.url().includes("/connexion"), `un visiteur est invité à se connecter (${workspace?.status()})`);
      },
      { javaScriptEnabled: false },
    );
  });

  it("every workspace page and the portfolio, without JavaScript, have no WCAG 2.1 AA violations", async () => {
    await withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
        for (const section of ["", "/cadrage", "/cadrage/versions", "/cadrage/comparer?de=1&a=2", "/jalons", "/journal", "/liens", "/restitution"]) {
          const response = await page.goto(`/projets/cartiflette/espace${section}`);
          assert.equal(response?.status(), 200, section);
        }
        await page.goto("/portefeuille");
        await page.getByRole("heading", { level: 1, name: "Portefeuille des projets" }).waitFor();
        await page.locator("#meteo").selectOption("blocked");
        await page.getByRole("button", { name: "Afficher" }).click();
        await page.getByRole("link", { name: /Cartiflette/ }).waitFor();
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/portefeuille.png`, fullPage: true });
      },
      { javaScriptEnabled: false },
    );
  });
});
