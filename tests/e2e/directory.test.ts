import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eq, inArray } from "drizzle-orm";
import { organisations, profileSkills, profiles, skills, users } from "../../src/db/schema/index.ts";
import { skillVocabulary } from "../../src/modules/people/api.ts";
import { signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const member = "ines.benali@insee.fr";

describe("the directory « Trouver un expert » in a browser", () => {
  const served = useServedBrowser({
    prepare: async (platform) => {
      // Profiles of our own, whatever the demo holds (inserted through the schema: tests reach modules only through their API).
      const db = platform.database.db;
      await db.insert(skills).values(skillVocabulary.map((skill) => ({ slug: skill.slug, name: skill.name, category: skill.category, synonyms: skill.synonyms }))).onConflictDoNothing();
      const skillIds = new Map((await db.select({ id: skills.id, slug: skills.slug }).from(skills).where(inArray(skills.slug, ["python", "sig", "sql"]))).map((row) => [row.slug, row.id]));
      const [insee] = await db.select({ id: organisations.id, ministryId: organisations.ministryId }).from(organisations).where(eq(organisations.acronym, "Insee"));
      const [office] = await db
        .insert(organisations)
        .values({ name: "Bureau des essais de l’annuaire", kind: "service", parentId: insee?.id ?? null, ministryId: insee?.ministryId ?? null })
        .returning({ id: organisations.id });
      const people = [
        { givenName: "Aurore", usualName: "Quillet", jobFamily: "data_scientist", bio: "Je modélise les données de transport.", levels: { python: 3, sql: 2 }, visibility: "members" },
        { givenName: "Basile", usualName: "Quenot", jobFamily: "other", bio: "Cartographe.", levels: { sig: 3, python: 1 }, visibility: "members" },
        { givenName: "Cyrielle", usualName: "Voilée", jobFamily: "data_scientist", bio: "Profil réservé.", levels: { python: 3 }, visibility: "programme_team" },
      ] as const;
      for (const [index, person] of people.entries()) {
        const [user] = await db
          .insert(users)
          .values({ email: `${person.givenName.toLowerCase()}.annuaire@insee.fr`, givenName: person.givenName, usualName: person.usualName, organisationId: office!.id })
          .returning({ id: users.id });
        await db.insert(profileSkills).values(Object.entries(person.levels).map(([slug, level]) => ({ userId: user!.id, skillId: skillIds.get(slug)!, level })));
        const joinedAt = new Date("2026-01-15T09:00:00Z");
        await db.insert(profiles).values({
          userId: user!.id,
          slug: `annuaire-e2e-${index + 1}`,
          jobFamily: person.jobFamily,
          bio: person.bio,
          visibility: person.visibility,
          onboardingStep: 4,
          joinedAt,
          charterAcceptedAt: joinedAt,
        });
      }
    },
  });

  it("searches with a typo, filters by skill and level, and opens a skill page, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Trouver un expert" }).click();
      await page.getByRole("heading", { level: 1, name: "Trouver un expert" }).waitFor();

      await page.getByLabel("Rechercher dans l’annuaire").fill("pyton");
      await page.getByLabel("Rechercher dans l’annuaire").press("Enter");
      await page.waitForURL(/\/annuaire\?q=pyton$/);
      await page.getByText(/Aucun profil ne contient «\s*pyton\s*»\s*: recherche de «\s*python\s*» à la place\./).waitFor();
      assert.equal(await page.locator("mark", { hasText: "Python" }).count() >= 2, true);

      const organisation = page.locator("#filtre-organisation");
      await organisation.selectOption({ label: "Bureau des essais de l’annuaire (2)" });
      await page.getByRole("button", { name: "Appliquer les filtres" }).click();
      await page.waitForURL(/\/annuaire\?q=pyton&organisation=[\w-]+$/);
      await page.getByRole("link", { name: "Aurore Quillet" }).waitFor();
      await page.getByRole("link", { name: "Basile Quenot" }).waitFor();
      assert.equal(await page.getByText("Cyrielle Voilée").count(), 0, "un profil réservé à l’équipe n’apparaît pas aux membres");

      const skill = page.getByLabel("Compétence", { exact: true });
      const python = await skill.locator("option", { hasText: /^Python \(\d+\)$/ }).getAttribute("value");
      await skill.selectOption(python!);
      await page.getByLabel("Niveau minimum dans cette compétence").selectOption({ label: "Expert·e" });
      await page.getByRole("button", { name: "Appliquer les filtres" }).click();
      await page.waitForURL(/organisation=[\w-]+&competence=python&niveau=3$/);
      await page.getByRole("link", { name: "Aurore Quillet" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Basile Quenot" }).count(), 0, "Basile est seulement curieux de Python");

      await page.getByRole("link", { name: "qui peut m’aider, compétence par compétence" }).click();
      await page.getByRole("heading", { level: 1, name: /^Qui peut m’aider\s\?$/ }).waitFor();
      await page.getByRole("link", { name: "Python", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /^Qui peut m’aider sur Python\s\?$/ }).waitFor();
      const experts = page.locator("section", { has: page.getByRole("heading", { level: 2, name: /^Expert·es/ }) });
      await experts.getByRole("link", { name: "Aurore Quillet" }).waitFor();
      assert.equal(await page.getByText("Cyrielle Voilée").count(), 0);
      await page.getByText(/Aussi appelée\s: py, pandas, jupyter/).waitFor();
    }));

  it("shows the message of an over-long query beside the field, accessibly", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      const response = await page.goto(`/annuaire?q=${"python ".repeat(40)}`);
      assert.equal(response?.status(), 400);
      await page.getByText("Votre recherche ne peut dépasser 200 caractères").waitFor();
    }));
});

describe("a broad directory search in a browser (threshold lowered to 3 profiles)", () => {
  const served = useServedBrowser({ directoryBroadSearchAbove: 3 });

  it("says that more profiles match, lists them by name, pages and narrows with a filter, without WCAG 2.1 AA violations", () =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, member);
      await page.goto("/annuaire");
      await page.getByRole("heading", { level: 2, name: "Plus de 3 profils" }).waitFor();
      await page.getByText(/Plus de 3 profils figurent dans l’annuaire\s: ils sont présentés par ordre alphabétique des noms/).waitFor();

      const firstPage = await page.locator(".fr-card__title a").allTextContents();
      await page.getByRole("link", { name: "Page suivante" }).click();
      await page.waitForURL(/\/annuaire\?apres=[a-z0-9-]+$/);
      const secondPage = await page.locator(".fr-card__title a").allTextContents();
      assert.equal(secondPage.some((name) => firstPage.includes(name)), false, "la page suivante montre d’autres profils");
      await page.getByRole("link", { name: "Page précédente" }).click();
      await page.waitForURL(/\/annuaire\?avant=[a-z0-9-]+$/);
      assert.deepEqual(await page.locator(".fr-card__title a").allTextContents(), firstPage);

      await page.getByLabel("Métier").selectOption({ label: "Data scientist" });
      await page.getByRole("button", { name: "Appliquer les filtres" }).click();
      await page.waitForURL(/\/annuaire\?metier=data_scientist$/);
      const remove = page.getByRole("link", { name: "Retirer le filtre Métier\u00a0: Data scientist" });
      await remove.waitFor();
      await remove.click();
      await page.waitForURL(/\/annuaire$/);
    }));
});
