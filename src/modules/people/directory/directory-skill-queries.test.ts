import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { userRoles } from "../../../db/schema/index.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createDirectoryFixtures } from "./directory-fixtures.ts";

/** The names on the result cards, in order. */
function names(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-card__title"><a href="\/annuaire\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]!);
}

const levelOfLabel: Record<string, number> = { "curieux·se": 1, "je connais": 2, "expert·e": 3 };

/** For each card, the level of its best skill marked as matching the query (0 when none is marked). */
function matchedLevels(html: string): number[] {
  return html
    .split('<div class="fr-card fr-enlarge-link">')
    .slice(1)
    .map((card) => Math.max(0, ...[...card.matchAll(/<mark>[^<]+<\/mark>\u00a0: ([^<]+)<\/p>/g)].map((match) => levelOfLabel[match[1]!] ?? -1)));
}

const isNonIncreasing = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1]! >= value);

describe("directory searches for a skill", () => {
  let platform: TestPlatform;
  let member: HttpSession;
  const ids: Record<string, string> = {};

  before(async () => {
    platform = await startTestPlatform({ config: { SEED_DEMO: "false" } });
    const fixtures = createDirectoryFixtures(platform.database.db);
    ids.ecologie = await fixtures.organisation({ name: "Ministère de la Transition écologique", kind: "ministry" });
    ids.ign = await fixtures.organisation({ name: "Institut géographique national", acronym: "IGN", kind: "body", parentId: ids.ecologie });
    // Curious people whose bio repeats the word rank first by text relevance alone; experts say nothing of it.
    for (let index = 1; index <= 9; index++) {
      await fixtures.person({ givenName: "Curieux", usualName: `Pythonesque ${index}`, skills: { python: 1 }, bio: "Python, python et encore python : j’aimerais apprendre python." });
    }
    for (let index = 1; index <= 9; index++) {
      await fixtures.person({ givenName: "Connaisseur", usualName: `Serpent ${index}`, skills: { python: 2, sql: 3 }, bio: "J’utilise python au quotidien." });
    }
    for (let index = 1; index <= 9; index++) {
      await fixtures.person({ givenName: "Experte", usualName: `Reptile ${index}`, skills: { python: 3 }, bio: "Dix ans de développement de chaînes de traitement pour la statistique publique, des enquêtes et des tableaux de bord." });
    }
    // Mentions the word in the bio only, without the skill: after every holder of the skill.
    await fixtures.person({ givenName: "Lecteur", usualName: "Anaconda", bio: "Je lis des articles sur python." });

    await fixtures.person({ givenName: "Chloé", usualName: "Martin", organisationId: ids.ign, skills: { sig: 2, cartographie: 1 } });
    await fixtures.person({ givenName: "Gérard", usualName: "Cartier", skills: { teledetection: 3 } });
    await fixtures.person({ givenName: "Julie", usualName: "Statisticienne", skills: { sondages: 3 } });

    ids.observatoire = await fixtures.organisation({ name: "Observatoire des pollinisateurs", kind: "body", parentId: ids.ecologie });
    const leaving = await fixtures.person({ givenName: "Ambroise", usualName: "Quetzalcoatl", email: "ambroise.quetzalcoatl@ecologie.gouv.fr", organisationId: ids.observatoire, skills: { julia: 3 } });
    await platform.database.db.insert(userRoles).values({ userId: leaving.userId, role: "member" });

    await fixtures.account({ email: "valerie.membre@insee.fr", givenName: "Valérie", usualName: "Membre" });
    member = await signInOverHttp(platform, "valerie.membre@insee.fr");
  });
  after(async () => {
    await platform?.stop();
  });

  it("ranks every result by level in the skill, on every page: expert·es, then « je connais », then curieux·ses, then the others", async () => {
    const first = await member.get("/annuaire?q=python");
    const second = await member.get("/annuaire?q=python&page=2");
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    const levels = [...matchedLevels(first.body), ...matchedLevels(second.body)];
    assert.equal(levels.length, 28);
    assert.deepEqual(levels, [...Array(9).fill(3), ...Array(9).fill(2), ...Array(9).fill(1), 0]);
    assert.ok(isNonIncreasing(levels));
    assert.equal(names(second.body).at(-1), "Lecteur Anaconda");
  });

  it("ranks by level in the skill named by the query, not by the person's best skill", async () => {
    // The « je connais » people are experts in SQL: for « python » they still come after the Python experts.
    const page = await member.get("/annuaire?q=python");
    assert.deepEqual(
      names(page.body).slice(0, 9),
      Array.from({ length: 9 }, (_, index) => `Experte Reptile ${index + 1}`),
    );
  });

  it("finds the members holding a category's skills from its name (« géomatique »), accents and case aside, by level", async () => {
    for (const q of ["géomatique", "Geomatique", "GÉOMATIQUE"]) {
      const page = await member.get(`/annuaire?q=${encodeURIComponent(q)}`);
      assert.equal(page.statusCode, 200, q);
      assert.deepEqual(names(page.body), ["Gérard Cartier", "Chloé Martin"], q);
      assert.match(page.body, /<mark>Télédétection<\/mark>/);
      assert.match(page.body, /<mark>Systèmes d’information géographique<\/mark>/);
    }
    const statistics = await member.get(`/annuaire?q=${encodeURIComponent("statistique")}`);
    assert.ok(names(statistics.body).includes("Julie Statisticienne"));
  });

  it("never reads a mistyped word as a word only a deleted profile had (name, organisation, skill)", async () => {
    const typos = { quetzlcoatl: "quetzalcoatl", polinisateurs: "pollinisateurs", jullia: "julia" };
    for (const [typo, word] of Object.entries(typos)) {
      const page = await member.get(`/annuaire?q=${typo}`);
      assert.match(page.body, new RegExp(`recherche de «\u00a0${word}\u00a0» à la place`), `${typo}: ${/<h2[^>]*id="resultats"[\s\S]{0,600}/.exec(page.body)?.[0]}`);
      assert.deepEqual(names(page.body), ["Ambroise Quetzalcoatl"], typo);
    }
    const leaving = await signInOverHttp(platform, "ambroise.quetzalcoatl@ecologie.gouv.fr");
    assert.equal((await leaving.post("/compte/suppression", { confirmation: "SUPPRIMER" })).statusCode, 303);
    for (const [typo, word] of Object.entries(typos)) {
      const page = await member.get(`/annuaire?q=${typo}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, new RegExp(word, "i"), typo);
      assert.doesNotMatch(page.body, /à la place/, typo);
      assert.deepEqual(names(page.body), [], typo);
    }
  });
});
