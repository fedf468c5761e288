import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { profiles, profileSkills, skills } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertFrenchSpacing, skillIdOf, userIdOf } from "./people-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

async function skillRow(name: string) {
  const [row] = await db().select().from(skills).where(eq(skills.name, name));
  return row ?? null;
}

async function levelOf(userId: string, skillId: string): Promise<number | null> {
  const [row] = await db().select({ level: profileSkills.level }).from(profileSkills).where(and(eq(profileSkills.userId, userId), eq(profileSkills.skillId, skillId)));
  return row?.level ?? null;
}

/** A member sets levels through the « compétences » section of their edit page (the wizard's step 2). */
async function saveSkills(session: HttpSession, slug: string, fields: Record<string, string>) {
  return session.post(`/annuaire/${slug}/modifier`, { section: "2", learningWishes: "", ...fields });
}

describe("the skills vocabulary: proposals, acceptance and merges", () => {
  let team: HttpSession;
  let ines: HttpSession;
  let thomas: HttpSession;
  let inesId: string;
  let thomasId: string;
  let d3: string;

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    ines = await signInOverHttp(platform, "ines.benali@insee.fr");
    thomas = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    inesId = await userIdOf(db(), "ines.benali@insee.fr");
    thomasId = await userIdOf(db(), "thomas.leroy@ign.fr");
    d3 = await skillIdOf(db(), "d3js");
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to sign in and refuses members with a 403, changing nothing", async () => {
    const anonymous = httpSessionOn(platform);
    assert.equal((await anonymous.get("/admin/competences")).statusCode, 303);
    const lidar = (await skillRow("Lidar"))!;
    assert.equal((await anonymous.post(`/admin/competences/${lidar.id}/accepter`, {}, { formPage: "/connexion" })).statusCode, 401);
    assert.equal((await ines.get("/admin/competences")).statusCode, 403);
    assert.equal((await ines.get(`/admin/competences/${lidar.id}`)).statusCode, 403);
    const accept = await ines.post(`/admin/competences/${lidar.id}/accepter`, {}, { formPage: "/compte" });
    assert.equal(accept.statusCode, 403);
    const merge = await ines.post(`/admin/competences/${lidar.id}/fusionner`, { targetId: d3 }, { formPage: "/compte" });
    assert.equal(merge.statusCode, 403);
    const edit = await ines.post(`/admin/competences/${d3}`, { name: "Piraté", category: "dataviz", synonyms: "" }, { formPage: "/compte" });
    assert.equal(edit.statusCode, 403);
    assert.equal((await skillRow("Lidar"))?.status, "proposed");
    assert.equal(await skillRow("Piraté"), null);
  });

  it("lists the vocabulary by category with synonyms and member counts, and the proposals with their proposer", async () => {
    const response = await team.get("/admin/competences");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1>Vocabulaire des compétences<\/h1>/);
    assert.match(response.body, /<caption>Langages et outils<\/caption>/);
    assert.match(response.body, /<caption>Géomatique<\/caption>/);
    assert.match(response.body, /<a href="\/annuaire\/competences\/sig">Systèmes d’information géographique<\/a><\/th><td>sig, qgis, postgis<\/td><td>\d+<\/td>/);
    assert.match(response.body, /Propositions des membres \(1\)/);
    // French order: « Économétrie » with the E, not after « Statistique publique ».
    const statistics = response.body.slice(response.body.indexOf("<caption>Statistique</caption>"));
    const names = [...statistics.slice(0, statistics.indexOf("</table>")).matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
    assert.deepEqual(names, ["Économétrie", "Secret statistique et anonymisation", "Séries temporelles", "Sondages et échantillonnage", "Statistique publique"]);
    assert.match(response.body, /Géomatique — proposée par <a href="\/annuaire\/thomas-leroy">Thomas Leroy<\/a> — 1 membre/);
    assertFrenchSpacing(response.body);
  });

  it("counts only the members who finished joining, as the directory does", async () => {
    const python = await skillIdOf(db(), "python");
    const pythonCount = async () => {
      const html = (await team.get("/admin/competences")).body;
      const row = new RegExp(`<a href="/annuaire/competences/python">Python</a></th><td>[^<]*</td><td>(\\d+)</td>`).exec(html);
      assert.ok(row, "pas de ligne Python");
      return Number(row[1]);
    };
    const before = await pythonCount();
    const newcomer = await signInOverHttp(platform, "compte.python@insee.fr");
    assert.equal((await newcomer.post("/rejoindre/inscription/etape-1", { givenName: "Compte", usualName: "Python", organisationId: "", unlistedOrganisation: "Insee", jobFamily: "developer" })).statusCode, 303);
    assert.equal((await newcomer.post("/rejoindre/inscription/etape-2", { [`niveau-${python}`]: "3", learningWishes: "" })).statusCode, 303);
    assert.equal(await pythonCount(), before, "un profil inachevé ne compte pas");
    const joined = await newcomer.post("/rejoindre/inscription/etape-3", { availability: "occasionally", visibility: "programme_team", charter: "oui" });
    assert.equal(joined.statusCode, 303);
    assert.equal(await pythonCount(), before + 1, "un membre inscrit compte, même visible de l’équipe seulement");
    assert.equal((await newcomer.post("/compte/suppression", { confirmation: "SUPPRIMER" })).statusCode, 303);
    assert.equal(await pythonCount(), before, "un compte supprimé ne compte plus");
  });

  it("names the proposer of a deleted account « Ancien membre », without link nor placeholder address", async () => {
    const leaving = await signInOverHttp(platform, "depart.proche@insee.fr");
    assert.equal((await leaving.post("/rejoindre/inscription/etape-1", { givenName: "Départ", usualName: "Proche", organisationId: "", unlistedOrganisation: "Insee", jobFamily: "developer" })).statusCode, 303);
    assert.equal((await leaving.post("/rejoindre/inscription/etape-2", { learningWishes: "", proposedName: "Kedro", proposedCategory: "mlops", proposedLevel: "2" })).statusCode, 303);
    assert.equal((await leaving.post("/compte/suppression", { confirmation: "SUPPRIMER" })).statusCode, 303);
    const kedro = (await skillRow("Kedro"))!;
    const list = await team.get("/admin/competences");
    assert.match(list.body, /MLOps et infrastructure — proposée par Ancien membre — aucun membre/);
    assert.doesNotMatch(list.body, /supprime\.invalid|Départ Proche/);
    assertFrenchSpacing(list.body);
    const page = await team.get(`/admin/competences/${kedro.id}`);
    assertFrenchSpacing(page.body);
    assert.match(page.body, /Proposée par Ancien membre\./);
    assert.doesNotMatch(page.body, /supprime\.invalid/);
    // Accepted or merged, the proposal then leaves the list: merged here so that the counts below stay as they were.
    assert.equal((await team.post(`/admin/competences/${kedro.id}/fusionner`, { targetId: await skillIdOf(db(), "mlops") })).statusCode, 303);
  });

  it("turns a member's missing skill into a proposal the member holds, and a second proposal of the same name into the same one", async () => {
    const proposed = await saveSkills(ines, "ines-benali", { [`niveau-${d3}`]: "1", proposedName: "Observable Plot", proposedCategory: "dataviz", proposedLevel: "3" });
    assert.equal(proposed.statusCode, 303);
    const plot = (await skillRow("Observable Plot"))!;
    assert.equal(plot.status, "proposed");
    assert.equal(plot.proposedBy, inesId);
    assert.equal(plot.category, "dataviz");
    assert.equal(await levelOf(inesId, plot.id), 3);
    assert.match((await ines.get("/annuaire/ines-benali")).body, /Observable Plot \(proposée\)/);

    const lidar = (await skillRow("Lidar"))!;
    const again = await saveSkills(thomas, "thomas-leroy", { [`niveau-${d3}`]: "3", [`niveau-${lidar.id}`]: "2", proposedName: "observable plot", proposedCategory: "dataviz", proposedLevel: "1" });
    assert.equal(again.statusCode, 303);
    assert.equal((await db().select().from(skills).where(eq(skills.category, "dataviz"))).filter((row) => row.name.toLowerCase() === "observable plot").length, 1);
    assert.equal(await levelOf(thomasId, plot.id), 1);
  });

  it("refuses a merge without a target or into another proposal at the field, changing nothing", async () => {
    const plot = (await skillRow("Observable Plot"))!;
    const lidar = (await skillRow("Lidar"))!;
    const empty = await team.post(`/admin/competences/${plot.id}/fusionner`, { targetId: "" });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, `targetId-${plot.id}`, "Choisissez la compétence avec laquelle fusionner.");
    const intoProposal = await team.post(`/admin/competences/${plot.id}/fusionner`, { targetId: lidar.id });
    assert.equal(intoProposal.statusCode, 422);
    assertFieldError(intoProposal.body, `targetId-${plot.id}`, "Choisissez une compétence de la liste avec laquelle fusionner.");
    assertFrenchSpacing(intoProposal.body);
    const unknown = await team.post(`/admin/competences/${randomUUID()}/fusionner`, { targetId: d3 }, { formPage: "/admin/competences" });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await skillRow("Observable Plot"))?.status, "proposed");
  });

  it("merges a proposal into an existing skill in one go: higher level kept, name added as a synonym, proposal gone", async () => {
    const plot = (await skillRow("Observable Plot"))!;
    const response = await team.post(`/admin/competences/${plot.id}/fusionner`, { targetId: d3 });
    assert.equal(response.statusCode, 303);
    assert.match(response.headers.location!, /^\/admin\/competences\?fusionnee=Observable%20Plot&cible=D3\.js/);
    const merged = (await team.get(response.headers.location!)).body;
    assert.match(merged, /«\u00a0Observable Plot\u00a0» est fusionnée avec «\u00a0D3\.js et visualisation web\u00a0», dont elle devient un synonyme\./);
    assertFrenchSpacing(merged);
    assert.equal(await skillRow("Observable Plot"), null);
    // Inès: d3 at 1, the proposal at 3 → 3. Thomas: d3 at 3, the proposal at 1 → 3.
    assert.equal(await levelOf(inesId, d3), 3);
    assert.equal(await levelOf(thomasId, d3), 3);
    const [target] = await db().select({ synonyms: skills.synonyms }).from(skills).where(eq(skills.id, d3));
    assert.ok(target?.synonyms.includes("Observable Plot"), `synonymes : ${target?.synonyms.join(", ")}`);
    // The search document follows (database triggers).
    const [profile] = await db().select({ searchText: profiles.searchText }).from(profiles).where(eq(profiles.userId, inesId));
    assert.match(profile?.searchText ?? "", /observable plot/);
  });

  it("refuses an edit without a name or with another skill's name at the field, keeping the input", async () => {
    const lidar = (await skillRow("Lidar"))!;
    const empty = await team.post(`/admin/competences/${lidar.id}`, { name: " ", category: "geomatics", synonyms: "laser" });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "name", "Indiquez le nom de la compétence.");
    assert.match(empty.body, />laser<\/textarea>/);
    const taken = await team.post(`/admin/competences/${lidar.id}`, { name: "cartographie", category: "geomatics", synonyms: "" });
    assert.equal(taken.statusCode, 422);
    assertFrenchSpacing(taken.body);
    assertFieldError(taken.body, "name", "Une autre compétence s’appelle déjà « Cartographie » : fusionnez plutôt les deux.", "cartographie");
    assert.equal((await skillRow("Lidar"))?.status, "proposed");
  });

  it("accepts a proposal renamed by the team: it joins the vocabulary under its new name and address", async () => {
    const lidar = (await skillRow("Lidar"))!;
    const page = await team.get(`/admin/competences/${lidar.id}`);
    assert.match(page.body, /Accepter la proposition «\u00a0Lidar\u00a0»/);
    assertFrenchSpacing(page.body);
    assert.match(page.body, /Proposée par Thomas Leroy/);
    const response = await team.post(`/admin/competences/${lidar.id}`, { name: "LiDAR", category: "geomatics", synonyms: "télémétrie laser, nuages de points, lidar" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin/competences?acceptee=LiDAR");
    assertFrenchSpacing((await team.get(response.headers.location!)).body);
    const accepted = (await skillRow("LiDAR"))!;
    assert.equal(accepted.status, "accepted");
    assert.deepEqual(accepted.synonyms, ["télémétrie laser", "nuages de points"]);
    assert.match((await ines.get("/annuaire/thomas-leroy")).body, /<a class="fr-tag" href="\/annuaire\/competences\/lidar">LiDAR<\/a>/);
    assert.match((await team.get("/admin/competences")).body, /Propositions des membres \(0\)/);
  });

  it("accepts a proposal as it is with one button", async () => {
    // The section replaces the member's levels: Python is sent again.
    assert.equal((await saveSkills(ines, "ines-benali", { [`niveau-${await skillIdOf(db(), "python")}`]: "3", proposedName: "Quarto", proposedCategory: "languages", proposedLevel: "2" })).statusCode, 303);
    const quarto = (await skillRow("Quarto"))!;
    const response = await team.post(`/admin/competences/${quarto.id}/accepter`, {}, { formPage: "/admin/competences" });
    assert.equal(response.statusCode, 303);
    assert.equal((await skillRow("Quarto"))?.status, "accepted");
    // Every member is now offered it.
    assert.match((await thomas.get("/annuaire/thomas-leroy/modifier")).body, new RegExp(`niveau-${quarto.id}`));
  });

  it("edits the synonyms of a skill of the vocabulary, keeping its address", async () => {
    const python = await skillIdOf(db(), "python");
    const response = await team.post(`/admin/competences/${python}`, { name: "Python", category: "languages", synonyms: "py, pandas, jupyter\npolars, Pandas" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin/competences?modifiee=Python");
    const [row] = await db().select({ slug: skills.slug, synonyms: skills.synonyms }).from(skills).where(eq(skills.id, python));
    assert.equal(row?.slug, "python");
    assert.deepEqual(row?.synonyms, ["py", "pandas", "jupyter", "polars"]);
    const [profile] = await db().select({ searchText: profiles.searchText }).from(profiles).where(eq(profiles.userId, inesId));
    assert.match(profile?.searchText ?? "", /polars/);
  });
});
