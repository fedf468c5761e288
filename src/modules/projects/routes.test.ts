import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { projects, projectSeasons, seasons, skills } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { organisationLookup } from "../organisations/api.ts";

let platform: TestPlatform;
// Mid-2023: the demo season 2023 runs, 2022 is over, 2026-2027 is to come.
const clock = { now: () => new Date("2023-06-01T10:00:00Z") };
const db = () => platform.database.db;
const anonymous = () => httpSessionOn(platform);

/** The project addresses listed under each season heading of `/projets`, in page order. */
function listedBySeason(html: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let current = "";
  for (const match of html.matchAll(/<h2 id="saison-[^"]*" class="fr-h3">([^<]*)<\/h2>|<a href="\/projets\/([^"?]+)">/g)) {
    if (match[1]) current = match[1];
    else if (current) (result[current] ??= []).push(match[2]!);
  }
  return result;
}

async function seasonsOf(slug: string): Promise<string[]> {
  const [project] = await db().select().from(projects).where(eq(projects.slug, slug));
  const rows = await db().select({ entry: projectSeasons.entry, reason: projectSeasons.decisionReason }).from(projectSeasons).where(eq(projectSeasons.projectId, project!.id));
  return rows.map((row) => `${row.entry}:${row.reason ?? ""}`).sort();
}

describe("project pages", () => {
  let team: HttpSession;
  let member: HttpSession;
  let inseeId: string;
  let pythonId: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    inseeId = (await organisationLookup.listHierarchy(db())).find((organisation) => organisation.acronym?.toUpperCase() === "INSEE")!.id;
    const [python] = await db().select({ id: skills.id }).from(skills).where(eq(skills.name, "Python"));
    pythonId = python!.id;
    // Cartiflette seeks Python; Poufdoc too, without Insee among its organisations.
    await db().update(projects).set({ skillsSought: [{ skillId: pythonId, level: 2, required: true }] }).where(eq(projects.slug, "cartiflette"));
    await db().update(projects).set({ skillsSought: [{ skillId: pythonId, level: 1, required: false }], participatingOrganisationIds: [] }).where(eq(projects.slug, "poufdoc"));
  });
  after(async () => {
    await platform.stop();
  });

  it("shows both seasons of a carried-over project, how it entered each, its organisations, skills sought and links", async () => {
    const page = await anonymous().get("/projets/cartiflette");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Cartiflette<\/h1>/);
    assert.match(page.body, /<li>Saison 2022\u00a0: retenu à l’appel à projets<\/li><li>Saison 2023\u00a0: poursuivi<\/li>/);
    assert.match(page.body, /<p class="fr-tag">Institut national de la statistique et des études économiques<\/p>/);
    assert.match(page.body, /<dt class="fr-text--bold">Compétences recherchées<\/dt><dd class="fr-ml-0">.*<p class="fr-tag">Python<\/p>/);
    assert.match(page.body, /href="https:\/\/www.tchap.gouv.fr\//);
    assert.match(page.body, /<dt class="fr-text--bold">Phase en cours<\/dt>/);
    // The news naming it (the 2023 kick-off and the first newsletter).
    const news = page.body.slice(page.body.indexOf('<h2 id="actualites-projet">'));
    assert.match(news, /^<h2 id="actualites-projet">Actualités du projet<\/h2><ul><li><a href="\/actualites\/[^"]+">/);
    assert.ok((news.match(/<li><a href="\/actualites\//g) ?? []).length >= 2);
    // The team section (teams module) names nobody to an anonymous visitor: at most a count and ministries.
    const teamSection = /<section aria-labelledby="equipe"[^]*?<\/section>/.exec(page.body)?.[0] ?? "";
    assert.doesNotMatch(teamSection, /href="\/annuaire\//);
    assert.doesNotMatch(teamSection, /porteur·euse|contributeur·rice/);
    // The teams of earlier seasons (the demo's 2023 and 2022, from the participations), most recent first: counts only for a visitor.
    assert.match(teamSection, /<h3 class="fr-h5">Les équipes des saisons précédentes<\/h3><div><p>Saison 2023\u00a0: \d+\u00a0membres de \d+\u00a0ministères<\/p><\/div><div><p>Saison 2022\u00a0: \d+\u00a0membres de \d+\u00a0ministères<\/p><\/div>/);
    // A signed-in member reads the names with their roles.
    const seen = /<section aria-labelledby="equipe"[^]*?<\/section>/.exec((await member.get("/projets/cartiflette")).body)?.[0] ?? "";
    assert.match(seen, /<p class="fr-mb-1w">Saison 2023\u00a0: [^<]+<\/p><ul><li>(<a href="\/annuaire\/[^"]+">)?[^<]+(<\/a>)? — (porteur·euse|contributeur·rice|coach)/);
    // Anonymous visitors get no carry-over form.
    assert.doesNotMatch(page.body, /Poursuivre dans la saison/);
  });

  it("shows the description page of the old site under the project", async () => {
    const page = await anonymous().get("/projets/liria");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<li>Saison 2022\u00a0: retenu à l’appel à projets<\/li>/);
    assert.match(page.body, /Les objectifs/);
    assert.doesNotMatch(page.body, /Actualités du projet/);
  });

  it("lists projects by season, the latest first, a carried-over project in each of its seasons", async () => {
    const list = await anonymous().get("/projets");
    assert.equal(list.statusCode, 200);
    const bySeason = listedBySeason(list.body);
    // The demo carries six projects of 2023 into the running season 2026-2027 (teams demo, issue 14).
    assert.deepEqual(Object.keys(bySeason), ["Saison 2026-2027", "Saison 2023", "Saison 2022"]);
    assert.ok(bySeason["Saison 2026-2027"]!.includes("cartiflette") && bySeason["Saison 2023"]!.includes("cartiflette") && bySeason["Saison 2022"]!.includes("cartiflette"));
    assert.ok(bySeason["Saison 2022"]!.includes("juripiaf") && !bySeason["Saison 2023"]!.includes("juripiaf"));
  });

  it("combines the filters (season, state, organisation, skill sought), kept in the form", async () => {
    const ongoing = listedBySeason((await anonymous().get("/projets?etat=en-cours")).body);
    assert.deepEqual(Object.keys(ongoing), ["Saison 2026-2027", "Saison 2023", "Saison 2022"]);
    assert.ok(!ongoing["Saison 2022"]!.includes("juripiaf"), "a 2022-only project is over");
    const over = listedBySeason((await anonymous().get("/projets?etat=termine")).body);
    assert.ok(over["Saison 2022"]!.includes("juripiaf") && !over["Saison 2022"]!.includes("cartiflette"));

    const bySkill = listedBySeason((await anonymous().get(`/projets?competence=${pythonId}`)).body);
    assert.deepEqual(bySkill, { "Saison 2026-2027": ["cartiflette"], "Saison 2023": ["cartiflette", "poufdoc"], "Saison 2022": ["cartiflette"] });
    const combined = await anonymous().get(`/projets?saison=2023&etat=en-cours&organisation=${inseeId}&competence=${pythonId}`);
    assert.deepEqual(listedBySeason(combined.body), { "Saison 2023": ["cartiflette"] });
    assert.match(combined.body, /1 projet</);
    assert.match(combined.body, /<option value="2023" selected="">Saison 2023<\/option>/);
    assert.match(combined.body, new RegExp(`<option value="${inseeId}" selected="">`));
    // In 2022 Cartiflette ran, but it goes on: it is not « terminé ».
    const none = await anonymous().get(`/projets?saison=2022&etat=termine&competence=${pythonId}&organisation=${inseeId}`);
    assert.match(none.body, /Aucun projet ne correspond à ces filtres/);
  });

  it("ignores unknown filter values instead of failing", async () => {
    const response = await anonymous().get("/projets?saison=1999&etat=%E2%9C%93&organisation=x&competence=<b>");
    assert.equal(response.statusCode, 200);
    assert.ok(listedBySeason(response.body)["Saison 2022"]!.includes("juripiaf"));
  });

  it("answers 404 for an unknown project", async () => {
    assert.equal((await anonymous().get("/projets/inconnu")).statusCode, 404);
  });

  it("refuses the carry-over to an anonymous visitor (401) and to a member (403), storing nothing", async () => {
    const before = await seasonsOf("juripiaf");
    const visitor = anonymous();
    const anonymousPost = await visitor.post("/projets/juripiaf/poursuivre", { seasonId: "", reason: "x" }, { formPage: "/connexion" });
    assert.equal(anonymousPost.statusCode, 401);
    assert.doesNotMatch((await member.get("/projets/juripiaf")).body, /Poursuivre dans la saison/);
    const memberPost = await member.post("/projets/juripiaf/poursuivre", { seasonId: "", reason: "x" }, { formPage: "/projets/juripiaf" });
    assert.equal(memberPost.statusCode, 403);
    assert.deepEqual(await seasonsOf("juripiaf"), before);
  });

  it("refuses an empty carry-over form with errors next to the fields, the input kept", async () => {
    const response = await team.post("/projets/juripiaf/poursuivre", { seasonId: "", reason: "  " });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "seasonId", "Choisissez une saison de la liste.");
    assertFieldError(response.body, "reason", "Indiquez la raison de la poursuite.");
  });

  it("carries a project over into another season (303), keeps its history, and refuses the same season twice", async () => {
    const page = await team.get("/projets/juripiaf");
    assert.match(page.body, /Poursuivre dans la saison/);
    const season2023 = /<option value="([0-9a-f-]{36})">Saison 2023<\/option>/.exec(page.body)![1]!;
    assert.doesNotMatch(page.body, /<option value="[0-9a-f-]{36}">Saison 2022<\/option>/, "not a season it is already in");
    const response = await team.post("/projets/juripiaf/poursuivre", { seasonId: season2023, reason: "Le corpus s’étend aux décisions de 2023." });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/projets/juripiaf?poursuivi=Saison%202023");
    assert.match((await team.get(String(response.headers.location))).body, /Le projet est poursuivi dans la saison 2023\./);
    // Anyone else, or a made-up season, gets no confirmation.
    assert.doesNotMatch((await anonymous().get(String(response.headers.location))).body, /Le projet est poursuivi/);
    assert.doesNotMatch((await team.get("/projets/juripiaf?poursuivi=Saison%202030")).body, /Le projet est poursuivi/);
    const after = await anonymous().get("/projets/juripiaf");
    assert.match(after.body, /<li>Saison 2022\u00a0: retenu à l’appel à projets<\/li><li>Saison 2023\u00a0: poursuivi<\/li>/);
    assert.deepEqual(await seasonsOf("juripiaf"), ["carried_over:Le corpus s’étend aux décisions de 2023.", "selected:Retenu par le comité de sélection de l’appel à projets."]);
    // The cached anonymous list shows it in 2023 too.
    assert.ok(listedBySeason((await anonymous().get("/projets")).body)["Saison 2023"]!.includes("juripiaf"));

    const twice = await team.post("/projets/juripiaf/poursuivre", { seasonId: season2023, reason: "Encore." }, { formPage: "/projets/cartiflette" });
    assert.equal(twice.statusCode, 409);
    assertFieldError(twice.body, "seasonId", "Le projet Analyse de corpus de textes juridiques à partir de la brique PIAF fait déjà partie de la saison 2023.");
    assert.equal((await seasonsOf("juripiaf")).length, 2);
  });

  it("offers only seasons after the project's latest one, and refuses an earlier season with a French message", async () => {
    const page = await team.get("/projets/poufdoc");
    const offered = [...page.body.matchAll(/<option value="[0-9a-f-]{36}">([^<]+)<\/option>/g)].map((match) => match[1]);
    assert.deepEqual(offered, ["Saison 2026-2027"]);
    const [season2022] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2022"));
    const before = await seasonsOf("poufdoc");
    const earlier = await team.post("/projets/poufdoc/poursuivre", { seasonId: season2022!.id, reason: "Retour en arrière." });
    assert.equal(earlier.statusCode, 409);
    assertFieldError(earlier.body, "seasonId", "Un projet ne se poursuit que dans une saison qui commence après sa dernière saison (saison 2023)\u00a0: choisissez une saison plus récente.");
    assert.match(earlier.body, /Retour en arrière\./);
    assert.deepEqual(await seasonsOf("poufdoc"), before);
  });
});
