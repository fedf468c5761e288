import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { userRoles } from "../../../db/schema/index.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createDirectoryFixtures } from "./directory-fixtures.ts";

/** The names on the result cards, in order. */
function names(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-card__title"><a href="\/annuaire\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]!);
}

function heading(html: string): string | undefined {
  return /<h2 class="[^"]*" id="resultats">([^<]*)<\/h2>/.exec(html)?.[1];
}

/** The options of a filter <select>, as « label (count) » by value. */
function options(html: string, name: string): Record<string, string> {
  const select = new RegExp(`<select[^>]* name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return Object.fromEntries([...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].filter((match) => match[1] !== "").map((match) => [match[1]!, match[2]!]));
}

describe("the directory « Trouver un expert »", () => {
  let platform: TestPlatform;
  let member: HttpSession;
  let team: HttpSession;
  const ids: Record<string, string> = {};

  before(async () => {
    platform = await startTestPlatform({ config: { SEED_DEMO: "false" } });
    const fixtures = createDirectoryFixtures(platform.database.db);
    ids.economie = await fixtures.organisation({ name: "Ministère de l’Économie", kind: "ministry" });
    ids.insee = await fixtures.organisation({ name: "Institut national de la statistique et des études économiques", acronym: "Insee", kind: "body", parentId: ids.economie });
    ids.methodes = await fixtures.organisation({ name: "Département des méthodes", kind: "service", parentId: ids.insee });
    ids.ecologie = await fixtures.organisation({ name: "Ministère de la Transition écologique", kind: "ministry" });
    ids.ign = await fixtures.organisation({ name: "Institut géographique national", acronym: "IGN", kind: "body", parentId: ids.ecologie });

    await fixtures.person({
      givenName: "Amélie",
      usualName: "Durand",
      organisationId: ids.insee,
      jobFamily: "data_scientist",
      bio: "J’analyse les données de santé.",
      learningWishes: "Apprendre la statistique bayésienne.",
      skills: { python: 3, sql: 2 },
      participations: [{ season: "2023", projectSlug: "cartiflette", projectTitle: "Cartiflette" }],
    });
    await fixtures.person({
      givenName: "Bruno",
      usualName: "Lefèvre",
      organisationId: ids.methodes,
      jobFamily: "statistician",
      skills: { r: 3, python: 2, sondages: 3 },
      participations: [{ season: "2024" }],
    });
    await fixtures.person({
      givenName: "Chloé",
      usualName: "Martin",
      organisationId: ids.ign,
      jobFamily: "other",
      skills: { sig: 3, python: 1, cartographie: 2 },
      participations: [{ season: "2023", projectSlug: "cartiflette", projectTitle: "Cartiflette" }],
    });
    await fixtures.person({ givenName: "David", usualName: "Petit", organisationId: ids.ecologie, jobFamily: "developer", bio: "Développeur d’applications web.", skills: { javascript: 3, git: 2 } });
    // Never listed for members: kept for the programme team, still in the wizard, erased.
    await fixtures.person({ givenName: "Hélène", usualName: "Discrète", organisationId: ids.insee, bio: "Spécialiste de zanzibar.", skills: { python: 3, llm: 3 }, visibility: "programme_team", participations: [{ season: "2022", projectSlug: "secret", projectTitle: "Projet discret" }] });
    await fixtures.person({ givenName: "Fabien", usualName: "Brouillon", organisationId: ids.insee, skills: { python: 3 }, joined: false });
    await fixtures.person({ givenName: "Gaston", usualName: "Parti", organisationId: ids.insee, skills: { python: 3 }, erased: true });
    for (let index = 1; index <= 23; index++) {
      await fixtures.person({ givenName: "Zoé", usualName: `Origami ${String(index).padStart(2, "0")}`, jobFamily: null, bio: "Passionnée d’origami." });
    }
    await fixtures.person({ givenName: "Formule", usualName: "=SOMME(A1:A9)", bio: "Kangourou.", skills: { sas: 1 } });

    await fixtures.account({ email: "valerie.membre@insee.fr", givenName: "Valérie", usualName: "Membre" });
    await fixtures.account({ email: "camille.equipe@numerique.gouv.fr", givenName: "Camille", usualName: "Équipe", programmeTeam: true });
    member = await signInOverHttp(platform, "valerie.membre@insee.fr");
    team = await signInOverHttp(platform, "camille.equipe@numerique.gouv.fr");
  });
  after(async () => {
    await platform?.stop();
  });

  describe("access", () => {
    it("sends an anonymous visitor to the sign-in page, for every directory address", async () => {
      for (const url of ["/annuaire", "/annuaire?q=python", "/annuaire/competences", "/annuaire/competences/python", "/annuaire/export.csv"]) {
        const response = await httpSessionOn(platform).get(url);
        assert.equal(response.statusCode, 303, url);
        assert.equal(response.headers.location, `/connexion?retour=${encodeURIComponent(url)}`);
      }
    });

    it("refuses the directory to an account without the member role (403)", async () => {
      const fixtures = createDirectoryFixtures(platform.database.db);
      const userId = await fixtures.account({ email: "sans.role@insee.fr", givenName: "Sans", usualName: "Rôle" });
      const session = await signInOverHttp(platform, "sans.role@insee.fr");
      await platform.database.db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, "member")));
      await platform.database.db.insert(userRoles).values({ userId, role: "ministry_data_admin", organisationId: ids.insee });
      for (const url of ["/annuaire", "/annuaire/competences", "/annuaire/competences/python"]) assert.equal((await session.get(url)).statusCode, 403, url);
    });

    it("refuses the CSV export to members (403) and gives it to the programme team", async () => {
      const refused = await member.get("/annuaire/export.csv?q=python");
      assert.equal(refused.statusCode, 403);
      assert.doesNotMatch(refused.body, /Durand/);
      assert.equal((await team.get("/annuaire/export.csv?q=python")).statusCode, 200);
    });
  });

  describe("search", () => {
    it("finds « données » from « donnees », case and accents aside (« DONNÉES »)", async () => {
      for (const q of ["donnees", "DONNÉES", "Données"]) {
        const response = await member.get(`/annuaire?q=${encodeURIComponent(q)}`);
        assert.equal(response.statusCode, 200);
        assert.deepEqual(names(response.body), ["Amélie Durand"], q);
        assert.equal(heading(response.body), `1 profil pour «\u00a0${q}\u00a0»`);
      }
    });

    it("finds the Python experts from « pyton », says which word it searched instead, and marks the matching skill", async () => {
      const response = await member.get("/annuaire?q=pyton");
      assert.equal(response.statusCode, 200);
      assert.deepEqual(names(response.body), ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin"]);
      assert.match(response.body, /Aucun profil ne contient «\u00a0pyton\u00a0»\u00a0: recherche de «\u00a0python\u00a0» à la place\./);
      assert.match(response.body, /<p class="fr-tag fr-tag--sm"><mark>Python<\/mark>\u00a0: expert·e<\/p>/);
      assert.doesNotMatch(response.body, /<mark>SQL<\/mark>/);
    });

    it("corrects one word of two: « donnees pyton » finds who has both", async () => {
      const response = await member.get(`/annuaire?q=${encodeURIComponent("donnees pyton")}`);
      assert.deepEqual(names(response.body), ["Amélie Durand"]);
    });

    it("stems French words: « statistiques » finds « statistique » in a learning wish", async () => {
      const found = names((await member.get("/annuaire?q=statistiques")).body);
      assert.ok(found.includes("Amélie Durand"), found.join(", "));
      assert.ok(found.includes("Bruno Lefèvre"), "le métier de statisticien compte aussi");
    });

    it("lists everyone by name without a query, with the relevance order kept for queries", async () => {
      const response = await member.get("/annuaire");
      assert.equal(response.statusCode, 200);
      assert.equal(heading(response.body), "28 profils");
      // (Where « =SOMME » sorts depends on the server's collation.)
      assert.deepEqual(names(response.body).filter((name) => !name.startsWith("Formule")).slice(0, 4), ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "Zoé Origami 01"]);
    });

    it("pages 20 cards at a time with DSFR pagination, and shows the last page for a page past the end", async () => {
      const first = await member.get("/annuaire?q=origami");
      assert.equal(heading(first.body), "23 profils pour «\u00a0origami\u00a0»");
      assert.equal(names(first.body).length, 20);
      assert.equal(names(first.body)[0], "Zoé Origami 01");
      assert.match(first.body, /<nav role="navigation" class="fr-pagination" aria-label="Pagination">/);
      assert.match(first.body, /href="\/annuaire\?q=origami&amp;page=2" title="Page 2"/);
      const second = await member.get("/annuaire?q=origami&page=2");
      assert.deepEqual(names(second.body), ["Zoé Origami 21", "Zoé Origami 22", "Zoé Origami 23"]);
      assert.match(second.body, /aria-current="page" title="Page 2">2</);
      assert.deepEqual(names((await member.get("/annuaire?q=origami&page=99")).body), ["Zoé Origami 21", "Zoé Origami 22", "Zoé Origami 23"]);
    });

    it("says when nothing matches, with the filters to remove", async () => {
      const response = await member.get(`/annuaire?q=python&metier=developer`);
      assert.equal(response.statusCode, 200);
      assert.equal(heading(response.body), "Aucun profil pour «\u00a0python\u00a0»");
      assert.match(response.body, /Aucun profil ne correspond/);
      assert.match(response.body, /retirez le filtre <a href="\/annuaire\?q=python">Métier\u00a0: Développeur·se<\/a>/);
    });

    it("names the chosen filters even when no profile matches the words", async () => {
      const response = await member.get(`/annuaire?q=ornithorynque&ministere=${ids.economie}&competence=python`);
      assert.equal(heading(response.body), "Aucun profil pour «\u00a0ornithorynque\u00a0»");
      assert.match(response.body, /retirez le filtre <a href="[^"]+">Ministère\u00a0: Ministère de l’Économie<\/a>/);
      assert.match(response.body, /retirez le filtre <a href="[^"]+">Compétence\u00a0: Python<\/a>/);
      assert.match(response.body, new RegExp(`<option value="${ids.economie}" selected="">Ministère de l’Économie \\(0\\)</option>`));
    });

    it("never answers 500 to hostile queries, and refuses an over-long one with a French message at the field", async () => {
      for (const q of ['"python', "python & | ! : * ( ) < >", "'; drop table users; --", "!!!", "python:*", "-python", "é".repeat(200), "\\\\", "<script>alert(1)</script>"]) {
        const response = await member.get(`/annuaire?q=${encodeURIComponent(q)}`);
        assert.equal(response.statusCode, 200, q);
        assert.doesNotMatch(response.body, /<script>alert/, q);
      }
      // A NUL byte is refused for every query in one place (ADR 0027).
      assert.equal((await member.get(`/annuaire?q=${encodeURIComponent("\u0000python")}`)).statusCode, 400);
      const tooLong = await member.get(`/annuaire?q=${"a".repeat(201)}&metier=statistician`);
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Votre recherche ne peut dépasser 200 caractères\. Raccourcissez-la\./);
      assert.match(tooLong.body, /<input type="hidden" name="metier" value="statistician"\/>/);
    });

    it("ignores filter values it does not know, as if they were absent", async () => {
      const plain = heading((await member.get("/annuaire?q=python")).body);
      for (const filters of ["ministere=pas-un-id", "ministere=00000000-0000-4000-8000-000000000000", "metier=astronaute", "competence=..%2F..%2Fetc", "competence=inconnue&niveau=9", "saison=1789", "projet=nulle-part", "page=-3", "page=abc", "q=python"]) {
        const response = await member.get(`/annuaire?q=python&${filters}`);
        assert.equal(response.statusCode, 200, filters);
        assert.equal(heading(response.body), plain, filters);
      }
      assert.equal(heading((await member.get(`/annuaire?q=python&ministere=${ids.insee}`)).body), plain, "une organisation qui n’est pas un ministère");
    });
  });

  describe("filters and their counts", () => {
    it("counts each value for the query and the other filters", async () => {
      const response = await member.get("/annuaire?q=python");
      assert.deepEqual(names(response.body), ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin"]);
      assert.deepEqual(options(response.body, "ministere"), { [ids.economie!]: "Ministère de l’Économie (2)", [ids.ecologie!]: "Ministère de la Transition écologique (1)" });
      assert.deepEqual(options(response.body, "metier"), { data_scientist: "Data scientist (1)", statistician: "Statisticien·ne (1)", other: "Autre (1)" });
      assert.deepEqual(options(response.body, "saison"), { "2023": "2023 (2)", "2024": "2024 (1)" });
      assert.deepEqual(options(response.body, "projet"), { cartiflette: "Cartiflette (2)" });
      assert.equal(options(response.body, "competence").python, "Python (3)");
      assert.equal(options(response.body, "competence").sig, "Systèmes d’information géographique (1)");
    });

    it("combines ministry, organisation, job, skill with a minimum level, season and project", async () => {
      const ministry = await member.get(`/annuaire?q=python&ministere=${ids.economie}`);
      assert.deepEqual(names(ministry.body), ["Amélie Durand", "Bruno Lefèvre"]);
      // A facet ignores its own filter: the other ministry keeps its count.
      assert.deepEqual(options(ministry.body, "ministere"), { [ids.economie!]: "Ministère de l’Économie (2)", [ids.ecologie!]: "Ministère de la Transition écologique (1)" });
      assert.deepEqual(options(ministry.body, "metier"), { data_scientist: "Data scientist (1)", statistician: "Statisticien·ne (1)" });
      // An organisation counts the people of its services too.
      assert.deepEqual(options(ministry.body, "organisation"), {
        [ids.insee!]: "Institut national de la statistique et des études économiques (Insee) (2)",
        [ids.methodes!]: "Département des méthodes (1)",
      });

      const skilled = await member.get(`/annuaire?q=python&ministere=${ids.economie}&competence=python&niveau=2`);
      assert.deepEqual(names(skilled.body), ["Amélie Durand", "Bruno Lefèvre"]);
      const skills = options(skilled.body, "competence");
      assert.equal(skills.python, "Python (2)");
      assert.equal(skills.sql, "SQL (1)");
      assert.equal(skills.r, "R (1)");
      assert.equal(skills.cartographie, undefined, "Chloé n’est pas au ministère choisi");

      const expert = await member.get(`/annuaire?q=python&competence=python&niveau=3`);
      assert.deepEqual(names(expert.body), ["Amélie Durand"]);
      assert.deepEqual(options(expert.body, "metier"), { data_scientist: "Data scientist (1)" });

      const job = await member.get(`/annuaire?q=python&ministere=${ids.economie}&competence=python&niveau=2&metier=statistician`);
      assert.deepEqual(names(job.body), ["Bruno Lefèvre"]);
      assert.deepEqual(options(job.body, "ministere"), { [ids.economie!]: "Ministère de l’Économie (1)" });
      assert.match(job.body, /<option value="statistician" selected="">Statisticien·ne \(1\)<\/option>/);

      const organisation = await member.get(`/annuaire?organisation=${ids.insee}`);
      assert.deepEqual(names(organisation.body), ["Amélie Durand", "Bruno Lefèvre"]);

      const season = await member.get(`/annuaire?q=python&saison=2023`);
      assert.deepEqual(names(season.body), ["Amélie Durand", "Chloé Martin"]);
      assert.deepEqual(options(season.body, "saison"), { "2023": "2023 (2)", "2024": "2024 (1)" });
      const project = await member.get(`/annuaire?saison=2023&projet=cartiflette&metier=other`);
      assert.deepEqual(names(project.body), ["Chloé Martin"]);
    });
  });

  describe("profiles kept for the programme team", () => {
    it("never shows them to members: not in results, counts, corrections or filters", async () => {
      const everyone = await member.get("/annuaire");
      assert.doesNotMatch(everyone.body, /Discrète|Brouillon|Parti|Projet discret|Visible de l’équipe seulement/);
      assert.equal(options(everyone.body, "ministere")[ids.economie!], "Ministère de l’Économie (2)");
      assert.equal(options(everyone.body, "saison")["2022"], undefined);
      assert.equal(options(everyone.body, "competence").llm, undefined);
      const word = await member.get("/annuaire?q=zanzibar");
      assert.equal(heading(word.body), "Aucun profil pour «\u00a0zanzibar\u00a0»");
      assert.doesNotMatch(word.body, /Discrète/);
      const name = await member.get("/annuaire?q=Discrete");
      assert.equal(heading(name.body), "Aucun profil pour «\u00a0Discrete\u00a0»");
      const typo = await member.get("/annuaire?q=Discrette");
      assert.doesNotMatch(typo.body, /discrete|Discrète/i, "aucune correction vers le nom d’un profil caché");
      assert.equal(heading((await member.get("/annuaire?q=python&saison=2022")).body), "3 profils pour «\u00a0python\u00a0»", "une saison inconnue des membres est ignorée");
    });

    it("shows them to the programme team, marked « Visible de l’équipe seulement »", async () => {
      const response = await team.get("/annuaire?q=zanzibar");
      assert.deepEqual(names(response.body), ["Hélène Discrète"]);
      assert.match(response.body, /Visible de l’équipe seulement/);
      const python = await team.get("/annuaire?q=python");
      assert.equal(heading(python.body), "4 profils pour «\u00a0python\u00a0»");
      assert.equal(options(python.body, "ministere")[ids.economie!], "Ministère de l’Économie (3)");
      assert.doesNotMatch(python.body, /Brouillon|Parti/, "ni inscription inachevée ni compte supprimé");
    });

    it("keeps them off the skill pages for members", async () => {
      const list = await member.get("/annuaire/competences");
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<a href="\/annuaire\/competences\/python">Python<\/a> \(3 membres\)/);
      assert.match(list.body, /<a href="\/annuaire\/competences\/llm">Grands modèles de langage \(LLM\)<\/a> \(aucun membre\)/);
      const python = await member.get("/annuaire/competences/python");
      assert.doesNotMatch(python.body, /Discrète|Brouillon|Parti/);
      assert.match(python.body, /Expert·es \(1\)/);
      const forTeam = await team.get("/annuaire/competences/python");
      assert.match(forTeam.body, /Expert·es \(2\)/);
      assert.match(forTeam.body, /Hélène Discrète/);
    });
  });

  describe("skill pages « Qui peut m’aider ? »", () => {
    it("lists the vocabulary by category with the members of each skill", async () => {
      const response = await member.get("/annuaire/competences");
      assert.match(response.body, /<h1>Qui peut m’aider&nbsp;\?<\/h1>|<h1>Qui peut m’aider\u00a0\?<\/h1>/);
      assert.match(response.body, /<h2 class="fr-h4" id="categorie-languages">Langages et outils<\/h2>/);
      assert.match(response.body, /<a href="\/annuaire\/competences\/sig">Systèmes d’information géographique<\/a> \(1 membre\)/);
    });

    it("lists the people of a skill by level, with its synonyms, and answers 404 for an unknown skill", async () => {
      const response = await member.get("/annuaire/competences/python");
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Aussi appelée\u00a0: py, pandas, jupyter/);
      const sections = response.body.split(/<h2 class="fr-h4" id="niveau-/).slice(1);
      assert.match(sections[0]!, /^3">Expert·es \(1\)<\/h2>[\s\S]*Amélie Durand/);
      assert.match(sections[1]!, /^2">Je connais \(1\)<\/h2>[\s\S]*Bruno Lefèvre/);
      assert.match(sections[2]!, /^1">Curieux·ses \(1\)<\/h2>[\s\S]*Chloé Martin/);
      assert.equal((await member.get("/annuaire/competences/cuisine")).statusCode, 404);
      assert.equal((await member.get("/annuaire/competences/%3Cscript%3E")).statusCode, 404);
    });
  });

  describe("CSV export", () => {
    it("gives the whole result set as French-spreadsheet CSV: BOM, « ; », CRLF, formulas neutralised", async () => {
      const response = await team.get("/annuaire/export.csv?q=kangourou");
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["content-type"], "text/csv; charset=utf-8");
      assert.match(String(response.headers["content-disposition"]), /^attachment; filename="annuaire-programme-10-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = response.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString("utf8").split("\r\n");
      assert.equal(lines[0], "Nom;Prénom;Courriel;Organisation;Ministère;Métier;Compétences (niveau);Visibilité");
      assert.equal(lines[1], "'=SOMME(A1:A9);Formule;formule.somme.a1.a9.31@insee.fr;;;Data scientist;SAS (curieux·se);Membres");
      assert.equal(lines[2], "");
      assert.equal(lines.length, 3);
    });

    it("exports all pages of the current search, hidden profiles included for the team", async () => {
      const origami = (await team.get("/annuaire/export.csv?q=origami")).rawPayload.toString("utf8").split("\r\n").filter(Boolean);
      assert.equal(origami.length, 1 + 23);
      const python = (await team.get(`/annuaire/export.csv?q=python&ministere=${ids.economie}`)).rawPayload.toString("utf8").split("\r\n").filter(Boolean);
      assert.deepEqual(
        python.slice(1).map((line) => line.split(";").slice(0, 2).join(" ")),
        ["Discrète Hélène", "Durand Amélie", "Lefèvre Bruno"],
      );
      assert.match(python[1]!, /;Équipe du programme seulement$/);
      assert.match(python[2]!, /;Ministère de l’Économie;Data scientist;Python \(expert·e\), SQL \(je connais\);Membres$/);
    });

    it("links the export from the directory for the team only", async () => {
      assert.match((await team.get("/annuaire?q=python")).body, /<a class="fr-link fr-icon-download-line fr-link--icon-left" href="\/annuaire\/export\.csv\?q=python">Télécharger \(CSV\)<\/a>/);
      assert.doesNotMatch((await member.get("/annuaire?q=python")).body, /Télécharger \(CSV\)/);
    });
  });
});
