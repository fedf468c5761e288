import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createDirectoryFixtures } from "./directory-fixtures.ts";

// Broad searches (ADR 0015) with the threshold lowered to 5 profiles instead of 1,000: the same code
// paths as a search finding tens of thousands of profiles, on a few dozen.
const broadAbove = 5;

/** The names on the result cards, in order. */
function names(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-card__title"><a href="\/annuaire\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]!);
}

function heading(html: string): string | undefined {
  return /<h2 class="[^"]*" id="resultats">([^<]*)<\/h2>/.exec(html)?.[1];
}

/** The options of a filter <select>, as their label by value. */
function options(html: string, name: string): Record<string, string> {
  const select = new RegExp(`<select[^>]* name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return Object.fromEntries([...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].filter((match) => match[1] !== "").map((match) => [match[1]!, match[2]!]));
}

/** The address of a pagination link (« Page suivante »…), or null when it is disabled. */
function pageLink(html: string, label: string): string | null {
  const link = new RegExp(`<a class="fr-pagination__link [^"]*"( href="([^"]*)")? title="${label}"`).exec(html);
  assert.ok(link, `lien « ${label} » absent`);
  return link[2] ? link[2].replace(/&amp;/g, "&") : null;
}

/** The directory's order: family name then given name, accents and case aside. */
const byName = (a: string, b: string) => {
  const key = (name: string) => name.split(" ").reverse().join(" ").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

describe("a broad directory search (more profiles than the threshold)", () => {
  let platform: TestPlatform;
  let member: HttpSession;
  let team: HttpSession;
  const ids: Record<string, string> = {};
  const hidden: Record<string, string> = {};
  /** Every visible profile with Python, by name. */
  let pythonists: string[] = [];
  let statisticians: string[] = [];

  before(async () => {
    platform = await startTestPlatform({ config: { SEED_DEMO: "false" }, directoryBroadSearchAbove: broadAbove });
    const fixtures = createDirectoryFixtures(platform.database.db);
    ids.economie = await fixtures.organisation({ name: "Ministère de l’Économie", kind: "ministry" });
    ids.insee = await fixtures.organisation({ name: "Institut national de la statistique et des études économiques", acronym: "Insee", kind: "body", parentId: ids.economie });
    ids.culture = await fixtures.organisation({ name: "Ministère de la Culture", kind: "ministry" });
    ids.bnf = await fixtures.organisation({ name: "Bibliothèque nationale de France", acronym: "BnF", kind: "body", parentId: ids.culture });
    ids.discrete = await fixtures.organisation({ name: "Officine discrète", kind: "body", parentId: ids.culture });

    const families = ["Zola", "Martin", "Éluard", "Durand", "Bernard", "Faure", "Girard", "Hugo", "Dupont", "Leroy", "Moreau", "Lambert", "Fournier", "Roux", "Petit", "Blanc", "Garnier", "Chevalier", "Robin", "Mercier", "Vidal", "Noël", "Caron", "Weber"];
    for (const [index, family] of families.entries()) {
      const statistician = index < 8;
      await fixtures.person({
        givenName: "Alex",
        usualName: family,
        organisationId: statistician ? ids.insee : ids.bnf,
        jobFamily: statistician ? "statistician" : "data_scientist",
        skills: { python: statistician ? 2 : 3, sql: 1 },
        participations: index % 3 === 0 ? [{ season: "2024", projectSlug: "cartiflette", projectTitle: "Cartiflette" }] : [],
      });
      (statistician ? statisticians : pythonists).push(`Alex ${family}`);
    }
    await fixtures.person({ givenName: "Sacha", usualName: "Kahn", organisationId: ids.bnf, jobFamily: "other", skills: { python: 1, sig: 3 } });
    await fixtures.person({ givenName: "Sacha", usualName: "Quentin", organisationId: ids.insee, jobFamily: "other", skills: { python: 1, cartographie: 2 } });
    pythonists = [...pythonists, ...statisticians, "Sacha Kahn", "Sacha Quentin"].sort(byName);
    statisticians = statisticians.sort(byName);

    // First in name order, never shown to members: kept for the team (alone in its organisation, season and project), unfinished, erased.
    const secret = await fixtures.person({
      givenName: "Aaron",
      usualName: "Abadie",
      organisationId: ids.discrete,
      jobFamily: "statistician",
      skills: { python: 3, llm: 3 },
      visibility: "programme_team",
      participations: [{ season: "2019", projectSlug: "projet-discret", projectTitle: "Projet discret" }],
    });
    hidden.slug = secret.slug;
    await fixtures.person({ givenName: "Abel", usualName: "Abord", organisationId: ids.insee, skills: { python: 3 }, joined: false });
    await fixtures.person({ givenName: "Achille", usualName: "Absent", organisationId: ids.insee, skills: { python: 3 }, erased: true });
    for (const family of ["Origami", "Pliage", "Papier"]) await fixtures.person({ givenName: "Zoé", usualName: family, organisationId: ids.bnf, bio: "Passionnée d’origami." });

    await fixtures.account({ email: "valerie.membre@insee.fr", givenName: "Valérie", usualName: "Membre" });
    await fixtures.account({ email: "camille.equipe@numerique.gouv.fr", givenName: "Camille", usualName: "Équipe", programmeTeam: true });
    member = await signInOverHttp(platform, "valerie.membre@insee.fr");
    team = await signInOverHttp(platform, "camille.equipe@numerique.gouv.fr");
  });
  after(async () => {
    await platform?.stop();
  });

  it("says that more than the threshold match, invites to narrow, and lists the profiles by name", async () => {
    const response = await member.get("/annuaire?q=python");
    assert.equal(response.statusCode, 200);
    assert.equal(heading(response.body), "Plus de 5 profils pour «\u00a0python\u00a0»");
    assert.match(response.body, /Plus de 5 profils correspondent à votre recherche\u00a0: ils sont présentés par ordre alphabétique des noms/);
    assert.match(response.body, /Précisez votre recherche avec les filtres ou d’autres mots/);
    assert.deepEqual(names(response.body), pythonists.slice(0, 20));
    assertFrenchSpacing(response.body);
  });

  it("shows the filters' values without counts, none of them from a hidden profile", async () => {
    const response = await member.get("/annuaire?q=python");
    assert.match(response.body, /Plus de 5 profils correspondent\u00a0: le nombre de profils n’est pas calculé pour chaque choix\./);
    assert.deepEqual(options(response.body, "ministere"), { [ids.economie!]: "Ministère de l’Économie", [ids.culture!]: "Ministère de la Culture" });
    assert.deepEqual(options(response.body, "organisation"), {
      [ids.bnf!]: "Bibliothèque nationale de France (BnF)",
      [ids.insee!]: "Institut national de la statistique et des études économiques (Insee)",
    });
    assert.equal(options(response.body, "metier").statistician, "Statisticien·ne");
    assert.equal(options(response.body, "competence").python, "Python");
    assert.equal(options(response.body, "competence").llm, undefined, "seul un profil caché a cette compétence");
    assert.deepEqual(options(response.body, "saison"), { "2024": "2024" });
    assert.deepEqual(options(response.body, "projet"), { cartiflette: "Cartiflette" });
    assert.doesNotMatch(response.body, /Abadie|Abord|Absent|Officine discrète|Projet discret|2019/);
  });

  it("pages by name: « Page suivante » after the page's last profile, « Page précédente » back", async () => {
    const first = await member.get("/annuaire?q=python");
    assert.equal(pageLink(first.body, "Page précédente"), null);
    assert.equal(pageLink(first.body, "Première page"), null);
    const nextHref = pageLink(first.body, "Page suivante");
    assert.match(nextHref!, /^\/annuaire\?q=python&apres=[a-z0-9-]+$/);

    const second = await member.get(nextHref!);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(names(second.body), pythonists.slice(20));
    assert.match(second.body, new RegExp(`<title>Trouver un expert\u00a0: «\u00a0python\u00a0» — à partir de ${pythonists[20]}`));
    assert.equal(pageLink(second.body, "Page suivante"), null, "dernière page");
    assert.equal(pageLink(second.body, "Première page"), "/annuaire?q=python");

    const back = await member.get(pageLink(second.body, "Page précédente")!);
    assert.deepEqual(names(back.body), pythonists.slice(0, 20));
  });

  it("keeps the filters applied, shown and removable one by one", async () => {
    const response = await member.get(`/annuaire?q=python&ministere=${ids.economie}&metier=statistician`);
    assert.equal(heading(response.body), "Plus de 5 profils pour «\u00a0python\u00a0»");
    assert.deepEqual(names(response.body), statisticians);
    assert.match(response.body, new RegExp(`<option value="${ids.economie}" selected="">Ministère de l’Économie</option>`));
    assert.match(response.body, /<option value="statistician" selected="">Statisticien·ne<\/option>/);
    assert.match(response.body, new RegExp(`<a class="fr-tag[^"]*" href="/annuaire\\?q=python&amp;metier=statistician" aria-label="Retirer le filtre Ministère\u00a0: Ministère de l’Économie">`));
    assert.match(response.body, new RegExp(`<a class="fr-tag[^"]*" href="/annuaire\\?q=python&amp;ministere=${ids.economie}" aria-label="Retirer le filtre Métier\u00a0: Statisticien·ne">`));
    assertFrenchSpacing(response.body);
  });

  it("shows the profiles kept for the team to the team only, and never starts a member's page at one of them", async () => {
    const forTeam = await team.get("/annuaire?q=python");
    assert.equal(names(forTeam.body)[0], "Aaron Abadie");
    assert.match(forTeam.body, /Visible de l’équipe seulement/);
    assert.equal(options(forTeam.body, "competence").llm, "Grands modèles de langage (LLM)");

    const fromHidden = await member.get(`/annuaire?q=python&apres=${hidden.slug}`);
    assert.deepEqual(names(fromHidden.body), pythonists.slice(0, 20), "une position inconnue du membre : la première page");
    assert.doesNotMatch(fromHidden.body, /Abadie/);
  });

  it("searches exactly at or under the threshold, by relevance with counts, as before", async () => {
    const response = await member.get("/annuaire?q=origami");
    assert.equal(heading(response.body), "3 profils pour «\u00a0origami\u00a0»");
    assert.doesNotMatch(response.body, /Plus de 5 profils/);
    assert.deepEqual(options(response.body, "ministere"), { [ids.culture!]: "Ministère de la Culture (3)" });
    assert.match(response.body, /Le nombre de profils est indiqué entre parenthèses\./);
  });

  it("lists without counts the values of a filter in use whose own count would go over the threshold", async () => {
    const response = await member.get("/annuaire?q=python&metier=other");
    assert.equal(heading(response.body), "2 profils pour «\u00a0python\u00a0»");
    assert.deepEqual(names(response.body), ["Sacha Kahn", "Sacha Quentin"]);
    // With the query alone (the job facet's own count) more than 5 profiles match.
    assert.equal(options(response.body, "metier").statistician, "Statisticien·ne");
    assert.match(response.body, /Nombre de profils non calculé pour chaque choix\u00a0: plus de 5 avec vos autres critères/);
    // The other filters count the two profiles found.
    assert.deepEqual(options(response.body, "ministere"), { [ids.economie!]: "Ministère de l’Économie (1)", [ids.culture!]: "Ministère de la Culture (1)" });
    assertFrenchSpacing(response.body);
  });

  it("exports every profile of a broad search as CSV, hidden ones included for the team", async () => {
    const lines = (await team.get("/annuaire/export.csv?q=python")).rawPayload.toString("utf8").split("\r\n").filter(Boolean);
    assert.equal(lines.length, 1 + pythonists.length + 1);
    assert.ok(lines.some((line) => line.startsWith("Abadie;Aaron;")));
    assert.match((await team.get("/annuaire?q=python")).body, /href="\/annuaire\/export\.csv\?q=python">Télécharger \(CSV\)<\/a>/);
  });
});
