import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { organisations, projectReuses } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createWorkspaceSeason, signedInPerson, type SignedInPerson } from "../workspace-test-support.ts";
import { countReusesOfSeason, listReuses } from "./reuses-repository.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-06-10T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/reutilisations";

describe("« Nous l'utilisons »: reuses declared by administrations", () => {
  let seasonId: string;
  let ids: Record<string, string>;
  let first: SignedInPerson;
  let colleague: SignedInPerson;
  let withoutOrganisation: SignedInPerson;

  before(async () => {
    platform = await startTestPlatform({ clock });
    ({ seasonId, projectIds: ids } = await createWorkspaceSeason(db(), ["cartiflette", "chartgouv"]));
    const [insee] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "Insee"));
    assert.ok(insee, "the demo's Insee");
    first = await signedInPerson(platform, "reuse.first@insee.fr", { givenName: "reuse.first", usualName: "Test", organisationId: insee.id });
    colleague = await signedInPerson(platform, "reuse.colleague@insee.fr", { givenName: "reuse.colleague", usualName: "Test", organisationId: insee.id });
    withoutOrganisation = await signedInPerson(platform, "reuse.none@insee.fr", { givenName: "reuse.none", usualName: "Test", organisationId: null });
  });
  after(async () => {
    await platform.stop();
  });

  it("shows the list to anyone with a sign-in link, and refuses to declare anonymously (401)", async () => {
    const anonymous = httpSessionOn(platform);
    const list = await anonymous.get(page);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Aucune administration n’a encore déclaré utiliser ce projet\./);
    assert.ok(list.body.includes(`href="/connexion?retour=${encodeURIComponent(page)}"`));
    assertFrenchSpacing(list.body);
    assertRefusedByPermission(await anonymous.post(page, { purpose: "x", since: "2031-01" }, { formPage: "/contact" }), 401);
  });

  it("refuses a member whose account has no organisation, in French", async () => {
    assert.match((await withoutOrganisation.http.get(page)).body, /Votre compte n’est rattaché à aucune administration/);
    const refused = await withoutOrganisation.http.post(page, { purpose: "Pour nos cartes", since: "2031-01" }, { formPage: "/contact" });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Votre compte n’est rattaché à aucune administration/);
    assert.equal((await listReuses(db(), ids.cartiflette!)).length, 0);
  });

  it("refuses an empty purpose and a date in the future at their fields, the input kept", async () => {
    const refused = await first.http.post(page, { purpose: "", since: "2031-07" });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "since", "Le mois ne peut pas être dans le futur.", "2031-07");
    assert.match(refused.body, /Indiquez pour quoi faire votre administration utilise le projet\./);
    const long = await first.http.post(page, { purpose: "x".repeat(501), since: "2031-02" });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Ce champ ne peut pas dépasser 500 caractères\./);
    assert.equal((await listReuses(db(), ids.cartiflette!)).length, 0);
  });

  it("records a declaration for the member's organisation, shown publicly and counted in the season's figures", async () => {
    assert.equal(await countReusesOfSeason(db(), seasonId), 0);
    const declared = await first.http.post(page, { purpose: "Cartes communales de nos publications", since: "2031-03" });
    assert.equal(declared.statusCode, 303, declared.body.slice(0, 1000));
    assert.match((await first.http.get(declared.headers.location as string)).body, /Votre déclaration est enregistrée/);
    const [reuse] = await listReuses(db(), ids.cartiflette!);
    assert.equal(reuse?.since, "2031-03-01");
    assert.equal(reuse?.organisationName, "Institut national de la statistique et des études économiques");
    const publicPage = await httpSessionOn(platform).get("/projets/cartiflette");
    assert.match(publicPage.body, /<h2 id="nous-l-utilisons">Nous l’utilisons<\/h2>/);
    assert.match(publicPage.body, /Institut national de la statistique et des études économiques<\/strong>, depuis mars 2031/);
    assert.match(publicPage.body, /Cartes communales de nos publications/);
    assert.ok(publicPage.body.includes(`href="${page}"`), "a link to declare one");
    assert.match((await httpSessionOn(platform).get(page)).body, /Cartes communales de nos publications/);
    assert.equal(await countReusesOfSeason(db(), seasonId), 1);
  });

  it("refuses a second declaration of the same organisation, saying it already declared", async () => {
    const duplicate = await colleague.http.post(page, { purpose: "Autre usage", since: "2031-04" });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.body, /Votre administration a déjà déclaré utiliser ce projet\./);
    assert.ok(duplicate.body.includes(">Autre usage</textarea>"), "the input is kept");
    assertFrenchSpacing(duplicate.body);
    assert.equal((await listReuses(db(), ids.cartiflette!)).length, 1);
    // Counted once per project, whatever the number of declarations.
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    assert.equal((await team.post(page, { purpose: "Nos tableaux de bord", since: "2031-05" })).statusCode, 303);
    assert.equal(await countReusesOfSeason(db(), seasonId), 1);
    assert.equal((await team.post("/projets/chartgouv/reutilisations", { purpose: "Nos graphiques", since: "2031-05" })).statusCode, 303);
    assert.equal(await countReusesOfSeason(db(), seasonId), 2);
  });

  it("is withdrawn by its declarer or the programme team, not by a colleague", async () => {
    const [declaration] = await db().select().from(projectReuses).where(eq(projectReuses.declaredBy, first.id));
    const withdraw = `${page}/${declaration!.id}/retirer`;
    assertRefusedByPermission(await colleague.http.post(withdraw, {}, { formPage: page }), 403);
    const withdrawn = await first.http.post(withdraw, {}, { formPage: page });
    assert.equal(withdrawn.statusCode, 303);
    assert.equal((await db().select().from(projectReuses).where(eq(projectReuses.id, declaration!.id))).length, 0);
    const [other] = await db().select().from(projectReuses).where(eq(projectReuses.purpose, "Nos tableaux de bord"));
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    assert.equal((await team.post(`${page}/${other!.id}/retirer`, {}, { formPage: page })).statusCode, 303);
    assert.equal((await listReuses(db(), ids.cartiflette!)).length, 0);
  });
});
