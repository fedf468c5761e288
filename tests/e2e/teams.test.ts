import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { and, asc, eq, isNotNull, notInArray } from "drizzle-orm";
import { profiles, projectNeeds, projects, users } from "../../src/db/schema/index.ts";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { waitForMail } from "../support/test-platform.ts";

const screenshotDir = process.env.SCREENSHOT_DIR;
/** Inside the wishes phase of the demo season 2026-2027 (8–15 February 2027). */
const clock = { now: () => new Date("2027-02-10T09:00:00Z") };

const team = "camille.martin@numerique.gouv.fr";
const lead = "thomas.leroy@ign.fr";
/** Leads (Inès Benali leads Transformers, Thomas Leroy Cartiflette) are fixed in their project: the members are others. */
const demoAccounts = ["camille.martin@numerique.gouv.fr", "ines.benali@insee.fr", "thomas.leroy@ign.fr", "marc.petit@numerique.gouv.fr", "sophie.durand@interieur.gouv.fr"];

describe("forming teams in a browser", () => {
  const served = useServedBrowser({ clock });

  async function projectId(slug: string): Promise<string> {
    const [row] = await served.platform.database.db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug));
    assert.ok(row, `projet absent : ${slug}`);
    return row.id;
  }

  // One journey in steps (each page audited with axe): they share the served platform and run in order.
  let members: string[] = [];

  it("the lead of Cartiflette says what the team seeks, without WCAG 2.1 AA violations", async () => {
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, lead);
      await page.goto("/projets/cartiflette");
      await page.getByRole("link", { name: "Modifier l’équipe recherchée" }).click();
      await page.getByRole("heading", { level: 1, name: "Équipe recherchée" }).waitFor();
      await page.locator("#minSize").fill("2");
      await page.locator("#maxSize").fill("7");
      await page.locator("#whyJoin").fill("Étendre les fonds de carte aux territoires d’outre-mer avec des géomaticiens de plusieurs ministères.");
      await page.getByRole("button", { name: "Enregistrer l’équipe recherchée" }).click();
      await page.getByText("outre-mer avec des géomaticiens").first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/equipe-recherchee.png`, fullPage: true });
    });
    const [needs] = await served.platform.database.db.select().from(projectNeeds).where(eq(projectNeeds.projectId, await projectId("cartiflette")));
    assert.equal(needs?.maxSize, 7);
  });

  it("three members rank their wishes, two on « Mes vœux », one from a project page, without WCAG 2.1 AA violations", async () => {
    const [generated] = await served.platform.database.db
      .select({ email: users.email })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(and(isNotNull(profiles.joinedAt), notInArray(users.email, demoAccounts)))
      .orderBy(asc(users.email))
      .limit(1);
    members = ["sophie.durand@interieur.gouv.fr", generated!.email, "marc.petit@numerique.gouv.fr"];
    const wished = ["Cartiflette", "ChartsGouv", "Datanonyme"];
    for (const [index, email] of members.entries()) {
      await withPage(served.browser, served.baseUrl, async (page) => {
        await signInThroughOutbox(page, served.baseUrl, email);
        if (index === 2) {
          await page.goto("/projets/chartgouv");
          await page.getByRole("button", { name: "Je souhaite contribuer" }).click();
          await page.getByRole("heading", { level: 1, name: "Mes vœux" }).waitFor();
          await page.getByText(/ChartsGouv a été ajouté à vos vœux/).waitFor();
        } else {
          await page.goto("/voeux");
          await page.getByRole("heading", { level: 1, name: "Mes vœux" }).waitFor();
          for (const [rank, title] of (index === 0 ? wished : [...wished].reverse()).entries()) await page.locator(`#project-${rank + 1}`).selectOption({ label: title });
          await page.locator("#motivation-1").fill("Je connais bien ces données.");
        }
        await page.getByRole("button", { name: "Envoyer mes vœux" }).click();
        await page.getByText(/Vos vœux sont envoyés|vœux ont été envoyés/).first().waitFor();
        if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/mes-voeux-${index}.png`, fullPage: true });
      });
    }

  });

  it("the programme team runs the assignment, moves a member, locks her, runs again and publishes, without WCAG 2.1 AA violations", async () => {
    const [sophie] = await served.platform.database.db.select({ id: users.id }).from(users).where(eq(users.email, members[0]!));
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, team);
      await page.goto("/admin");
      await page.getByRole("link", { name: "Équipes" }).click();
      await page.getByRole("link", { name: "Saison 2026-2027" }).click();
      await page.getByRole("heading", { level: 1, name: "Équipes de la saison 2026-2027" }).waitFor();
      await page.getByRole("button", { name: "Calculer les équipes" }).click();
      await page.getByText("Optimum prouvé").waitFor();
      await page.getByRole("rowheader", { name: "Sophie Durand" }).waitFor();

      const target = "TrouverMonExpertData";
      await page.locator(`#deplacer-${sophie!.id}`).selectOption({ label: target });
      await page.locator(`form:has(#deplacer-${sophie!.id}) button`).click();
      await page.getByRole("heading", { level: 2, name: "Membre déplacé·e" }).waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/equipes-deplacement.png`, fullPage: true });
      const section = page.locator(`section[aria-labelledby="projet-${await projectId("trouvermonexpertdata")}"]`);
      await section.getByRole("link", { name: "Sophie Durand" }).waitFor();
      await page.getByRole("button", { name: "Verrouiller Sophie Durand" }).click();
      await page.getByRole("button", { name: "Déverrouiller Sophie Durand" }).waitFor();
      await page.getByRole("button", { name: /Recalculer les équipes/ }).click();
      await page.getByRole("heading", { level: 2, name: "Équipes calculées" }).waitFor();
      await section.getByRole("link", { name: "Sophie Durand" }).waitFor();
      await section.getByText(/verrouillé·e/).first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/equipes-proposition.png`, fullPage: true });

      await page.locator('label[for="confirm"]').click();
      await page.getByRole("button", { name: "Publier les équipes" }).click();
      await page.getByRole("heading", { level: 2, name: /Équipes publiées/ }).first().waitFor();
    });

  });

  it("mails the member and the lead, and the project page shows its team, without WCAG 2.1 AA violations", async () => {
    const placed = await waitForMail(served.platform, members[0]!, { matching: /Votre équipe de la saison 2026-2027/ });
    assert.match(placed.text, /TrouverMonExpertData/);
    const leadMail = await waitForMail(served.platform, lead, { matching: /L’équipe de votre projet «\u00a0Cartiflette\u00a0»/ });
    assert.match(leadMail.text, /Gérer l’équipe/);

    // The project page shows its team to members.
    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, members[1]!);
      await page.goto("/projets/trouvermonexpertdata");
      await page.getByText("Sophie Durand").first().waitFor();
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/projet-equipe.png`, fullPage: true });
    });
  });
});
