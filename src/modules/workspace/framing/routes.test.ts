import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { users, workspaceFramings } from "../../../db/schema/index.ts";
import { assertFieldError, fieldGroup } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn, type HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { joinTeam, createWorkspaceSeason, type SignedInPerson, signedInPerson } from "../workspace-test-support.ts";
import { findCurrentFraming, findPublicFraming } from "./framing-repository.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/espace/cadrage?saison=2031";
const at = (suffix: string, query = "") => `/projets/cartiflette/espace/cadrage${suffix}?saison=2031${query}`;

/** Every section filled, the problem first: what a team's form sends. */
function framingFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    summary: "Des fonds de carte administratifs prêts à l’emploi.",
    problem: "Les services refont chacun leurs fonds de carte.\nCela prend du temps.",
    users: "En tant que statisticien, je veux un fond de carte à jour.",
    impact: "",
    skills: "Géomatique, Python",
    stateOfTheArt: "",
    dataSources: "Admin Express de l’IGN",
    technologies: "SSP Cloud / Onyxia",
    deliverable: "Un paquet Python et une API.",
    milestones: "",
    quickWins: "",
    maintenance: "",
    channels: "Salon Tchap",
    publicSections: ["summary"],
    ...overrides,
  };
}

async function versionsInDatabase(projectId: string, seasonId: string) {
  return db()
    .select({ version: workspaceFramings.version, content: workspaceFramings.content, publicSections: workspaceFramings.publicSections, authorId: workspaceFramings.authorId })
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, projectId), eq(workspaceFramings.seasonId, seasonId)))
    .orderBy(asc(workspaceFramings.version));
}

function baseVersionIn(html: string): string | null {
  return /name="baseVersion" value="(\d+)"/.exec(html)?.[1] ?? null;
}

describe("the framing of a project's workspace (« Fiche de cadrage »)", () => {
  let seasonId: string;
  let earlierSeasonId: string;
  let projectId: string;
  let lead: SignedInPerson;
  let member: SignedInPerson;
  let outsider: SignedInPerson;
  let marc: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const earlier = await createWorkspaceSeason(db(), ["cartiflette"], "2030");
    earlierSeasonId = earlier.seasonId;
    const created = await createWorkspaceSeason(db(), ["cartiflette", "datanomyme"], "2031");
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    lead = await signedInPerson(platform, "cadrage.lead@insee.fr", { givenName: "Léa", usualName: "Porteuse" });
    member = await signedInPerson(platform, "cadrage.member@insee.fr", { givenName: "Théo", usualName: "Contributeur" });
    outsider = await signedInPerson(platform, "cadrage.outsider@insee.fr", { givenName: "Olga", usualName: "Ailleurs" });
    await joinTeam(db(), { seasonId, projectId, userId: lead.id, role: "lead" });
    await joinTeam(db(), { seasonId, projectId, userId: member.id });
    // The outsider is in another project's team of the same season.
    await joinTeam(db(), { seasonId, projectId: created.projectIds.datanomyme!, userId: outsider.id });
    const [marcRow] = await db().select({ id: users.id }).from(users).where(eq(users.email, "marc.petit@numerique.gouv.fr"));
    await joinTeam(db(), { seasonId, projectId, userId: marcRow!.id, role: "coach" });
    marc = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses a member outside the team (403) on every page and form, storing nothing", async () => {
    const csrf = csrfTokenIn((await outsider.http.get("/contact")).body);
    for (const url of [page, at("/versions"), at("/comparer", "&de=1&a=1")]) assertRefusedByPermission(await outsider.http.get(url), 403);
    assertRefusedByPermission(await outsider.http.post(page, framingFields({ baseVersion: "0" }), { csrf }), 403);
    assertRefusedByPermission(await outsider.http.post(at("/relecture"), { version: "1", reviewNote: "" }, { csrf }), 403);
    assert.deepEqual(await versionsInDatabase(projectId, seasonId), []);
  });

  it("prefills the first version from the project's framing of an earlier season, saying so", async () => {
    await db()
      .insert(workspaceFramings)
      .values([
        { projectId, seasonId: earlierSeasonId, version: 1, content: { problem: "Ancien problème", summary: "Ancien résumé" }, publicSections: [] },
        { projectId, seasonId: earlierSeasonId, version: 2, content: { problem: "Problème de 2030", deliverable: "Livrable de 2030" }, publicSections: ["deliverable"] },
      ]);
    const response = await lead.http.get(page);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Repris de la saison 2030 \(version 2\)/);
    assert.match(response.body, /<textarea[^>]*name="problem"[^>]*>Problème de 2030<\/textarea>/);
    assert.match(response.body, /<textarea[^>]*name="deliverable"[^>]*>Livrable de 2030<\/textarea>/);
    assert.match(response.body, /<input type="checkbox" id="publicSections-deliverable" name="publicSections" checked="" value="deliverable"/);
    assert.equal(baseVersionIn(response.body), "0");
    assert.match(response.body, /Aucune version de la fiche de cadrage n’a encore été enregistrée pour cette saison/);
    assertFrenchSpacing(response.body, ["Problème de 2030", "Livrable de 2030"]);
  });

  it("refuses bad input with French messages next to the fields, keeping what was typed (400)", async () => {
    const longSummary = "é".repeat(501);
    const response = await lead.http.post(page, framingFields({ baseVersion: "0", problem: "   ", summary: longSummary, users: "Des usagers\u0007cachés" }));
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "problem", "Décrivez le problème à résoudre.");
    assertFieldError(response.body, "summary", "Ce champ ne peut pas dépasser 500\u00a0caractères (il en compte 501).");
    assertFieldError(response.body, "users", "Ce champ contient des caractères non autorisés.");
    assert.ok(fieldGroup(response.body, "summary").includes(`>${longSummary}</textarea>`), "résumé conservé");
    assert.ok(fieldGroup(response.body, "dataSources").includes(">Admin Express de l’IGN</textarea>"), "autres champs conservés");
    assert.match(response.body, /Le formulaire contient 3 erreurs/);
    assert.equal(baseVersionIn(response.body), "0");
    // An unknown public section is refused too.
    const unknown = await lead.http.post(page, framingFields({ baseVersion: "0", publicSections: ["problem"] }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Choisissez les sections publiques dans la liste\./);
    assert.deepEqual(await versionsInDatabase(projectId, seasonId), []);
  });

  it("saves version 1 then version 2, never changing the first, and lists them with their author", async () => {
    const first = await lead.http.post(page, framingFields({ baseVersion: "0" }));
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, at("", "&enregistre=1").replace("?saison=2031&", "?saison=2031&"));
    const shown = await lead.http.get(first.headers.location as string);
    assert.match(shown.body, /La fiche de cadrage est enregistrée \(version 1\)/);
    assert.match(shown.body, /Pas encore relue/);
    assert.equal(baseVersionIn(shown.body), "1");
    assert.doesNotMatch(shown.body, /Repris de la saison/);
    const second = await member.http.post(page, framingFields({ baseVersion: "1", problem: "Les services refont chacun leurs fonds de carte.\nCela coûte cher.", publicSections: ["summary", "deliverable"] }));
    assert.equal(second.statusCode, 303);
    const rows = await versionsInDatabase(projectId, seasonId);
    assert.deepEqual(
      rows.map((row) => [row.version, row.authorId, row.publicSections]),
      [
        [1, lead.id, ["summary"]],
        [2, member.id, ["summary", "deliverable"]],
      ],
    );
    assert.equal((rows[0]!.content as Record<string, string>).problem, "Les services refont chacun leurs fonds de carte.\nCela prend du temps.");
    const versions = await lead.http.get(at("/versions"));
    assert.equal(versions.statusCode, 200);
    assert.match(versions.body, /<th scope="row">Version 2<\/th><td>Théo Contributeur<\/td>/);
    assert.match(versions.body, /<th scope="row">Version 1<\/th><td>Léa Porteuse<\/td>/);
    assert.match(versions.body, /Comparer à la version 1/);
    assertFrenchSpacing(versions.body);
    const current = await findCurrentFraming(db(), projectId, seasonId);
    assert.deepEqual({ version: current?.version, summary: current?.summary, reviewed: current?.reviewed }, { version: 2, summary: "Des fonds de carte administratifs prêts à l’emploi.", reviewed: false });
    assert.deepEqual(await findPublicFraming(db(), projectId), { seasonId, summary: "Des fonds de carte administratifs prêts à l’emploi.", deliverable: "Un paquet Python et une API." });

    // The same form sent again from version 2 saves nothing (no empty version) and says so.
    const again = await member.http.post(page, framingFields({ baseVersion: "2", problem: "Les services refont chacun leurs fonds de carte.\nCela coûte cher.", publicSections: ["summary", "deliverable"] }));
    assert.equal(again.statusCode, 303);
    assert.match(again.headers.location as string, /inchangee=1/);
    assert.equal((await versionsInDatabase(projectId, seasonId)).length, 2);
    assert.match((await member.http.get(again.headers.location as string)).body, /Aucune modification\u00a0: la fiche reste à la version 2\./);
  });

  it("compares two versions section by section, removed words in <del> and added ones in <ins>", async () => {
    const response = await member.http.get(at("/comparer", "&de=1&a=2"));
    assert.equal(response.statusCode, 200);
    const problem = /<h3[^>]*id="diff-problem"[^>]*>[\s\S]*?<\/section>/.exec(response.body)?.[0] ?? "";
    assert.match(problem, /<del><span class="fr-sr-only">\[texte supprimé\u00a0: <\/span><span>prend<\/span>/);
    assert.match(problem, /<ins><span class="fr-sr-only">\[texte ajouté\u00a0: <\/span><span>coûte<\/span>/);
    // Only the changed sections are shown in full; the others are named in one line.
    assert.doesNotMatch(response.body, /id="diff-summary"/);
    assert.match(response.body, /Sections inchangées\u00a0: Résumé, Utilisateurs et user stories, /);
    assert.match(response.body, /Une section diffère\./);
    assertFrenchSpacing(response.body);
  });

  it("answers 404, never 500, to a comparison of versions that do not exist or are not numbers", async () => {
    for (const query of ["&de=1&a=9", "&de=0&a=1", "&de=abc&a=2", "&de=1", "", "&de=1&a=2&a=1", "&de=-1&a=2", "&de=99999999999&a=1"]) {
      const response = await member.http.get(at("/comparer", query));
      assert.equal(response.statusCode, 404, query);
      assert.match(response.body, /Cette version de la fiche de cadrage n’existe pas/);
    }
  });

  it("refuses a save started from an older version (409): shows what changed, keeps the input, and a second submit saves", async () => {
    const leadForm = await lead.http.get(page);
    const memberForm = await member.http.get(page);
    assert.equal(baseVersionIn(leadForm.body), "2");
    assert.equal(baseVersionIn(memberForm.body), "2");
    const saved = await lead.http.post(page, framingFields({ baseVersion: "2", deliverable: "Un paquet Python, une API et un site." }), { csrf: csrfTokenIn(leadForm.body) });
    assert.equal(saved.statusCode, 303);
    const late = await member.http.post(page, framingFields({ baseVersion: "2", channels: "Salon Tchap et liste de diffusion" }), { csrf: csrfTokenIn(memberForm.body) });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Quelqu’un a enregistré une version plus récente/);
    assert.match(late.body, /Votre saisie n’est pas enregistrée/);
    assert.match(late.body, /Changements de la version 2 à la version 3/);
    const deliverable = /<h3[^>]*id="diff-deliverable"[^>]*>[\s\S]*?<\/section>/.exec(late.body)?.[0] ?? "";
    assert.match(deliverable, /<del><span class="fr-sr-only">\[texte supprimé\u00a0: <\/span><span>et <\/span>/);
    assert.match(deliverable, /<ins><span class="fr-sr-only">\[texte ajouté\u00a0: <\/span><span> et un site<\/span>/);
    assert.match(late.body, /<textarea[^>]*name="channels"[^>]*>Salon Tchap et liste de diffusion<\/textarea>/);
    assert.equal(baseVersionIn(late.body), "3");
    assertFrenchSpacing(late.body);
    assert.deepEqual(
      (await versionsInDatabase(projectId, seasonId)).map((row) => row.version),
      [1, 2, 3],
    );
    const again = await member.http.post(page, framingFields({ baseVersion: "3", channels: "Salon Tchap et liste de diffusion" }));
    assert.equal(again.statusCode, 303);
    const rows = await versionsInDatabase(projectId, seasonId);
    assert.deepEqual(
      rows.map((row) => row.version),
      [1, 2, 3, 4],
    );
    assert.equal((rows[3]!.content as Record<string, string>).channels, "Salon Tchap et liste de diffusion");
  });

  it("of two saves from the same version at once, saves exactly one and tells the other", async () => {
    const [leadForm, memberForm] = await Promise.all([lead.http.get(page), member.http.get(page)]);
    const responses = await Promise.all([
      lead.http.post(page, framingFields({ baseVersion: "4", summary: "Version de Léa" }), { csrf: csrfTokenIn(leadForm.body) }),
      member.http.post(page, framingFields({ baseVersion: "4", summary: "Version de Théo" }), { csrf: csrfTokenIn(memberForm.body) }),
    ]);
    assert.deepEqual(responses.map((response) => response.statusCode).sort(), [303, 409]);
    const rows = await versionsInDatabase(projectId, seasonId);
    assert.deepEqual(
      rows.map((row) => row.version),
      [1, 2, 3, 4, 5],
    );
  });

  it("lets the coach mark the current version as reviewed with a note, and refuses the team (403)", async () => {
    for (const session of [lead.http, member.http]) assertRefusedByPermission(await session.post(at("/relecture"), { version: "5", reviewNote: "Moi aussi" }, { formPage: page }), 403);
    // The team's page has no review form; the coach's has no edit form.
    assert.doesNotMatch((await lead.http.get(page)).body, /name="reviewNote"/);
    const coachPage = await marc.get(page);
    assert.match(coachPage.body, /name="reviewNote"/);
    assertFrenchSpacing(coachPage.body);
    assert.doesNotMatch(coachPage.body, /name="baseVersion"/);
    assertRefusedByPermission(await marc.post(page, framingFields({ baseVersion: "5" }), { csrf: csrfTokenIn(coachPage.body) }), 403);
    const tooLong = await marc.post(at("/relecture"), { version: "5", reviewNote: "x".repeat(1001) }, { formPage: page });
    assert.equal(tooLong.statusCode, 400);
    assertFieldError(tooLong.body, "reviewNote", "Ce champ ne peut pas dépasser 1\u202f000\u00a0caractères.");
    const stale = await marc.post(at("/relecture"), { version: "4", reviewNote: "Lu la 4" }, { formPage: page });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Une version plus récente a été enregistrée entre-temps/);
    const reviewed = await marc.post(at("/relecture"), { version: "5", reviewNote: "Bien cadré.\nPréciser les jalons." }, { formPage: page });
    assert.equal(reviewed.statusCode, 303);
    const shown = await lead.http.get(reviewed.headers.location as string);
    assert.match(shown.body, /La fiche de cadrage est marquée comme relue/);
    assert.match(shown.body, /Relue par Marc Petit le 2 avril 2031/);
    assert.match(shown.body, /Bien cadré\.<br\/><\/span><span>Préciser les jalons\./);
    assertFrenchSpacing(shown.body, ["Bien cadré.", "Préciser les jalons."]);
    const [row] = await db()
      .select({ reviewedAt: workspaceFramings.reviewedAt, reviewNote: workspaceFramings.reviewNote })
      .from(workspaceFramings)
      .where(and(eq(workspaceFramings.projectId, projectId), eq(workspaceFramings.seasonId, seasonId), eq(workspaceFramings.version, 4)));
    assert.equal(row!.reviewedAt, null, "seule la version courante est relue");
    assert.equal((await findCurrentFraming(db(), projectId, seasonId))?.reviewed, true);
    const versions = await lead.http.get(at("/versions"));
    assert.match(versions.body, /<th scope="row">Version 5<\/th>[\s\S]*?Relue par Marc Petit le 2 avril 2031/);
    // A new version is not reviewed yet.
    assert.equal((await lead.http.post(page, framingFields({ baseVersion: "5" }))).statusCode, 303);
    assert.match((await lead.http.get(page)).body, /Pas encore relue/);
  });

  it("shows the programme team both forms, and an earlier season to its former team read-only", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const teamPage = await team.get(page);
    assert.equal(teamPage.statusCode, 200);
    assert.match(teamPage.body, /name="baseVersion" value="6"/);
    assert.match(teamPage.body, /name="reviewNote"/);
    // The lead was in the 2030 team too: that season is over, so its framing is read, not edited.
    await joinTeam(db(), { seasonId: earlierSeasonId, projectId, userId: lead.id, role: "lead" });
    const earlier = await lead.http.get("/projets/cartiflette/espace/cadrage?saison=2030");
    assert.equal(earlier.statusCode, 200);
    assert.match(earlier.body, /<h2 id="fiche-courante">Version 2<\/h2>/);
    assert.match(earlier.body, /Problème de 2030/);
    assert.doesNotMatch(earlier.body, /name="baseVersion"/);
    assertFrenchSpacing(earlier.body, ["Problème de 2030", "Livrable de 2030"]);
    const csrf = csrfTokenIn(earlier.body);
    assertRefusedByPermission(await lead.http.post("/projets/cartiflette/espace/cadrage?saison=2030", framingFields({ baseVersion: "2" }), { csrf }), 403);
    assert.deepEqual(
      (await versionsInDatabase(projectId, earlierSeasonId)).map((row) => row.version),
      [1, 2],
    );
  });
});
