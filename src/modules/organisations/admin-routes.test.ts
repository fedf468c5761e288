import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { emailDomains, organisations, userRoles, users } from "../../db/schema/index.ts";
import { HttpSession } from "../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertFieldError, escapeHtml, fieldGroup } from "../../../tests/support/form-assertions.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
const signIn = (email: string) => signInOverHttp(platform, email);

async function organisationNamed(name: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.name, name));
  assert.ok(row, `organisation absente : ${name}`);
  return row;
}

/** Every organisation and domain row, to prove a refused request stored nothing. */
async function dump() {
  return {
    organisations: await db().select().from(organisations).orderBy(asc(organisations.id)),
    domains: await db().select().from(emailDomains).orderBy(asc(emailDomains.domain)),
  };
}

const emptyForm = { name: "", acronym: "", kind: "", parentId: "", siren: "", siret: "", domains: "" };

before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.stop());

describe("organisations administration", () => {
  let team: HttpSession;
  let transformation: string;
  let dinum: string;
  let etalab: string;

  before(async () => {
    team = await signIn("camille.martin@numerique.gouv.fr");
    transformation = (await organisationNamed("Ministère de la Transformation et de la Fonction publiques")).id;
    dinum = (await organisationNamed("Direction interministérielle du numérique")).id;
    etalab = (await organisationNamed("Etalab")).id;
  });
  it("sends anonymous visitors to the sign-in page from every organisations page", async () => {
    for (const path of ["/admin/organisations", "/admin/organisations/nouvelle", `/admin/organisations/${dinum}`, `/admin/organisations/${dinum}/fusionner`, "/admin/organisations/import"]) {
      const response = await httpSessionOn(platform).get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/connexion?retour=${encodeURIComponent(path)}`);
    }
  });

  it("refuses pages and forms to a plain member with a 403, storing nothing", async () => {
    const member = await signIn("thomas.leroy@ign.fr");
    for (const path of ["/admin/organisations", "/admin/organisations/nouvelle", `/admin/organisations/${dinum}`, `/admin/organisations/${dinum}/fusionner?cible=${etalab}`]) {
      const page = await member.get(path);
      assert.equal(page.statusCode, 403, path);
      assert.match(page.body, /Accès refusé/);
    }
    const before = await dump();
    const created = await member.post("/admin/organisations/nouvelle", { ...emptyForm, name: "Intrus", kind: "body" }, { formPage: "/compte" });
    assert.equal(created.statusCode, 403);
    const edited = await member.post(`/admin/organisations/${dinum}`, { ...emptyForm, name: "Piratée", kind: "service" }, { formPage: "/compte" });
    assert.equal(edited.statusCode, 403);
    const merged = await member.post(`/admin/organisations/${etalab}/fusionner`, { cible: dinum }, { formPage: "/compte" });
    assert.equal(merged.statusCode, 403);
    assert.deepEqual(await dump(), before);
  });

  it("answers 404 for an organisation that does not exist", async () => {
    assert.equal((await team.get("/admin/organisations/00000000-0000-4000-8000-000000000000")).statusCode, 404);
    assert.equal((await team.get("/admin/organisations/pas-un-identifiant")).statusCode, 404);
  });

  it("shows the tree with each organisation's acronym, kind, SIREN, ministry, domains and number of accounts", async () => {
    const page = await team.get("/admin/organisations");
    assert.equal(page.statusCode, 200);
    const rows = page.body.split("<tr>").slice(2);
    const rowOf = (name: string) => rows.find((row) => row.includes(`>${escapeHtml(name)}</a>`)) ?? assert.fail(`ligne absente : ${name}`);
    const order = (name: string) => rows.indexOf(rowOf(name));
    assert.ok(order("Ministère de la Transformation et de la Fonction publiques") < order("Direction interministérielle du numérique"));
    assert.ok(order("Direction interministérielle du numérique") < order("Etalab"), "Etalab sous la DINUM");
    const dinumRow = rowOf("Direction interministérielle du numérique");
    const accounts = (await db().select().from(users).where(eq(users.organisationId, dinum))).length;
    assert.ok(accounts >= 2, "Camille et Marc sont à la DINUM");
    for (const expected of ["DINUM", "Service", "SIREN\u00a0130025265", "Ministère de la Transformation et de la Fonction publiques", "numerique.gouv.fr", `<td>${accounts}</td>`]) {
      assert.ok(dinumRow.includes(expected), `${expected} absent de ${dinumRow}`);
    }
    assert.match(rowOf("Etalab"), /rattachée à «\u00a0Direction interministérielle du numérique\u00a0»/);
  });

  it("searches by name or acronym, accents ignored, keeping the organisations above the matches", async () => {
    const page = await team.get("/admin/organisations?q=etalab");
    assert.match(page.body, /1 organisation correspond/);
    assert.ok(page.body.includes("<strong><a href=\"/admin/organisations/" + etalab));
    assert.ok(page.body.includes("Direction interministérielle du numérique"), "le parent reste affiché");
    assert.ok(!page.body.includes("Institut national de la statistique"));
    const accents = await team.get(`/admin/organisations?q=${encodeURIComponent("ECONOMIE")}`);
    assert.ok(accents.body.includes("Ministère de l’Économie"));
  });

  it("refuses an empty form at each field, keeping the input", async () => {
    const before = await dump();
    const response = await team.post("/admin/organisations/nouvelle", { ...emptyForm, acronym: "SANS" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "name", "Indiquez le nom de l’organisation.", "");
    assertFieldError(response.body, "kind", "Choisissez le type : ministère, organisme ou service.");
    assert.ok(fieldGroup(response.body, "acronym").includes('value="SANS"'));
    assert.match(response.body, /Le formulaire contient 2 erreurs/);
    assert.deepEqual(await dump(), before);
  });

  const invalid: { name: string; fields: Record<string, string>; field: string; message: string; kept?: string }[] = [
    { name: "a SIREN of 8 digits", fields: { siren: "13002526" }, field: "siren", message: "Le SIREN compte 9 chiffres, par exemple 130\u202f025\u202f265.", kept: "13002526" },
    { name: "a SIREN with a wrong key", fields: { siren: "130 025 266" }, field: "siren", message: "Ce SIREN n’existe pas : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.", kept: "130 025 266" },
    { name: "a SIRET of letters", fields: { siret: "ABCDEFGHIJKLMN" }, field: "siret", message: "Le SIRET compte 14 chiffres : le SIREN suivi de 5 chiffres, par exemple 130\u202f025\u202f265\u202f00013.", kept: "ABCDEFGHIJKLMN" },
    { name: "an unknown kind", fields: { kind: "club" }, field: "kind", message: "Choisissez le type : ministère, organisme ou service." },
    { name: "a parent that is not in the list", fields: { parentId: "x" }, field: "parentId", message: "Choisissez une organisation de la liste." },
  ];
  for (const testCase of invalid) {
    it(`refuses ${testCase.name} at the field and keeps the input`, async () => {
      const before = await dump();
      const response = await team.post("/admin/organisations/nouvelle", { ...emptyForm, name: "Agence de test", kind: "body", ...testCase.fields });
      assert.equal(response.statusCode, 400);
      assertFieldError(response.body, testCase.field, testCase.message, testCase.kept);
      assert.ok(fieldGroup(response.body, "name").includes('value="Agence de test"'));
      assert.deepEqual(await dump(), before);
    });
  }

  it("refuses a malformed domain at the field, keeping the typed lines", async () => {
    const response = await team.post("/admin/organisations/nouvelle", { ...emptyForm, name: "Agence de test", kind: "body", domains: "agence-test.gouv.fr\nhttps://mauvais" });
    assert.equal(response.statusCode, 400);
    const group = fieldGroup(response.body, "domains");
    assert.match(group, /fr-input-group--error/);
    assert.ok(group.includes(escapeHtml("« https://mauvais » n’est pas un nom de domaine valide")), group);
    assert.ok(group.includes("agence-test.gouv.fr\nhttps://mauvais</textarea>"), "saisie conservée");
  });

  it("refuses a SIRET that does not start with the SIREN, a SIREN already used and a domain of another organisation, storing nothing", async () => {
    const before = await dump();
    const response = await team.post("/admin/organisations/nouvelle", {
      ...emptyForm,
      name: "Doublon de l’Insee",
      kind: "body",
      siren: "120 027 016",
      siret: "13002526500013",
      domains: "insee.fr\nnouveau-domaine.gouv.fr",
    });
    assert.equal(response.statusCode, 409);
    assertFieldError(response.body, "siren", "Ce SIREN est déjà celui de «\u00a0Institut national de la statistique et des études économiques\u00a0». Fusionnez les deux organisations si c’est la même.", "120 027 016");
    assertFieldError(response.body, "siret", "Le SIRET doit commencer par le SIREN (120027016)\u00a0: ses 9 premiers chiffres sont ceux de l’unité légale.", "13002526500013");
    assert.ok(fieldGroup(response.body, "domains").includes(escapeHtml("Le domaine insee.fr est déjà rattaché à «\u00a0Institut national de la statistique et des études économiques\u00a0».")));
    assert.ok(fieldGroup(response.body, "name").includes(`value="${escapeHtml("Doublon de l’Insee")}"`));
    assert.deepEqual(await dump(), before);
  });

  it("creates an organisation under a parent: its ministry is derived, its domains attached", async () => {
    const response = await team.post("/admin/organisations/nouvelle", {
      ...emptyForm,
      name: "Laboratoire de la donnée",
      acronym: "LabData",
      kind: "service",
      parentId: etalab,
      siren: "",
      siret: "130 025 265 00013",
      domains: "@Labdata.Gouv.fr\n",
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const created = await organisationNamed("Laboratoire de la donnée");
    assert.equal(response.headers.location, `/admin/organisations/${created.id}?enregistree=1`);
    assert.equal(created.parentId, etalab);
    assert.equal(created.ministryId, transformation);
    assert.equal(created.siret, "13002526500013");
    const [domain] = await db().select().from(emailDomains).where(eq(emailDomains.domain, "labdata.gouv.fr"));
    assert.equal(domain?.organisationId, created.id);
    const page = await team.get(response.headers.location!);
    assert.match(page.body, /Organisation enregistrée/);
    assert.match(page.body, /déduit de la hiérarchie.*Ministère de la Transformation et de la Fonction publiques/s);
  });

  it("refuses to attach an organisation to itself or below one of its own services, with the hierarchy unchanged", async () => {
    const before = await dump();
    const self = await team.post(`/admin/organisations/${dinum}`, { ...emptyForm, name: "Direction interministérielle du numérique", kind: "service", parentId: dinum });
    assert.equal(self.statusCode, 409);
    assertFieldError(self.body, "parentId", "Une organisation ne peut pas être rattachée à elle-même : choisissez une autre organisation parente.");
    const loop = await team.post(`/admin/organisations/${transformation}`, { ...emptyForm, name: "Ministère de la Transformation et de la Fonction publiques", kind: "ministry", parentId: etalab });
    assert.equal(loop.statusCode, 409);
    assertFieldError(loop.body, "parentId", "«\u00a0Etalab\u00a0» dépend de cette organisation\u00a0: la choisir comme parente créerait une boucle. Choisissez une organisation qui n’en dépend pas.");
    assert.ok(fieldGroup(loop.body, "name").includes('value="Ministère de la Transformation et de la Fonction publiques"'));
    assert.deepEqual(await dump(), before);
    const form = await team.get(`/admin/organisations/${transformation}`);
    assert.ok(!fieldGroup(form.body, "parentId").includes(`value="${etalab}"`), "une organisation qui en dépend n’est pas proposée");
  });

  it("edits an organisation: moving it recomputes its ministry, a removed domain is detached but kept", async () => {
    const agriculture = (await organisationNamed("Ministère de l’Agriculture et de la Souveraineté alimentaire")).id;
    const response = await team.post(`/admin/organisations/${etalab}`, { ...emptyForm, name: "Etalab", acronym: "", kind: "service", parentId: agriculture, domains: "etalab.gouv.fr" });
    assert.equal(response.statusCode, 303);
    const moved = await organisationNamed("Etalab");
    assert.equal(moved.ministryId, agriculture);
    assert.equal((await organisationNamed("Laboratoire de la donnée")).ministryId, agriculture, "ses services suivent");
    const removed = await team.post(`/admin/organisations/${etalab}`, { ...emptyForm, name: "Etalab", kind: "service", parentId: dinum, domains: "" });
    assert.equal(removed.statusCode, 303);
    const [domain] = await db().select().from(emailDomains).where(eq(emailDomains.domain, "etalab.gouv.fr"));
    assert.equal(domain?.organisationId, null);
    assert.equal((await organisationNamed("Etalab")).ministryId, transformation);
  });
});

describe("merging duplicate organisations", () => {
  let team: HttpSession;
  let duplicate: string;
  let duplicateChild: string;
  let gendarmerie: string;
  let interieur: string;
  let armees: string;

  before(async () => {
    team = await signIn("camille.martin@numerique.gouv.fr");
    gendarmerie = (await organisationNamed("Gendarmerie nationale")).id;
    interieur = (await organisationNamed("Ministère de l’Intérieur et des Outre-mer")).id;
    armees = (await organisationNamed("Ministère des Armées")).id;
    const created = await team.post("/admin/organisations/nouvelle", {
      ...emptyForm,
      name: "Gendarmerie (doublon)",
      acronym: "GN",
      kind: "service",
      parentId: armees,
      siren: "130017551",
      domains: "gendarmerie-doublon.gouv.fr",
    });
    assert.equal(created.statusCode, 303);
    duplicate = (await organisationNamed("Gendarmerie (doublon)")).id;
    const child = await team.post("/admin/organisations/nouvelle", { ...emptyForm, name: "Service des données de la gendarmerie", kind: "service", parentId: duplicate });
    assert.equal(child.statusCode, 303);
    duplicateChild = (await organisationNamed("Service des données de la gendarmerie")).id;
    assert.equal((await organisationNamed("Service des données de la gendarmerie")).ministryId, armees);
  });

  async function userId(email: string): Promise<string> {
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return row!.id;
  }

  it("refuses merging into itself or into one of its own services, before and at confirmation", async () => {
    const before = await dump();
    const itself = await team.get(`/admin/organisations/${duplicate}/fusionner?cible=${duplicate}`);
    assert.equal(itself.statusCode, 400);
    assertFieldError(itself.body, "cible", "Une organisation ne peut pas être fusionnée dans elle-même\u00a0: choisissez l’organisation à garder.");
    const below = await team.post(`/admin/organisations/${duplicate}/fusionner`, { cible: duplicateChild }, { formPage: `/admin/organisations/${duplicate}/fusionner` });
    assert.equal(below.statusCode, 409);
    assert.match(below.body, /dépend de «\u00a0Gendarmerie \(doublon\)\u00a0»/);
    const missing = await team.post(`/admin/organisations/${duplicate}/fusionner`, { cible: "" }, { formPage: `/admin/organisations/${duplicate}/fusionner` });
    assert.equal(missing.statusCode, 400);
    assertFieldError(missing.body, "cible", "Choisissez l’organisation à garder dans la liste.");
    assert.deepEqual(await dump(), before);
  });

  it("shows what will move before merging, then moves accounts, domains, services and AMD grants in one go", async () => {
    // An agent of the duplicate's domain, and AMD grants on it (one the person also holds on the target).
    await signIn("agent.doublon@gendarmerie-doublon.gouv.fr");
    const agent = await userId("agent.doublon@gendarmerie-doublon.gouv.fr");
    const sophie = await userId("sophie.durand@interieur.gouv.fr");
    assert.equal((await db().select().from(users).where(eq(users.id, agent)))[0]?.organisationId, duplicate);
    await db().insert(userRoles).values([
      { userId: agent, role: "ministry_data_admin", organisationId: duplicate },
      { userId: sophie, role: "ministry_data_admin", organisationId: duplicate },
      { userId: sophie, role: "ministry_data_admin", organisationId: gendarmerie },
    ]);

    const choose = await team.get(`/admin/organisations/${duplicate}/fusionner`);
    assert.equal(choose.statusCode, 200);
    assert.ok(!fieldGroup(choose.body, "cible").includes(`value="${duplicateChild}"`), "ses propres services ne sont pas proposés");
    const confirm = await team.get(`/admin/organisations/${duplicate}/fusionner?cible=${gendarmerie}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /1\u00a0compte rattaché/);
    assert.match(confirm.body, /2\u00a0rôles/);
    assert.match(confirm.body, /gendarmerie-doublon\.gouv\.fr/);
    assert.match(confirm.body, /1\u00a0organisation rattachée/);
    assert.match(confirm.body, /reprend le SIREN 130017551, le sigle GN/);
    assert.match(confirm.body, /Confirmer la fusion/);
    assert.equal((await organisationNamed("Gendarmerie (doublon)")).id, duplicate, "rien n’est fait avant la confirmation");

    const merged = await team.post(`/admin/organisations/${duplicate}/fusionner`, { cible: gendarmerie }, { formPage: `/admin/organisations/${duplicate}/fusionner?cible=${gendarmerie}` });
    assert.equal(merged.statusCode, 303);
    assert.equal(merged.headers.location, `/admin/organisations/${gendarmerie}?fusionnee=1`);

    assert.equal((await db().select().from(organisations).where(eq(organisations.id, duplicate))).length, 0, "la source est supprimée");
    assert.equal((await db().select().from(users).where(eq(users.id, agent)))[0]?.organisationId, gendarmerie);
    const [domain] = await db().select().from(emailDomains).where(eq(emailDomains.domain, "gendarmerie-doublon.gouv.fr"));
    assert.equal(domain?.organisationId, gendarmerie);
    const child = await organisationNamed("Service des données de la gendarmerie");
    assert.equal(child.parentId, gendarmerie);
    assert.equal(child.ministryId, interieur, "le ministère est recalculé");
    const grants = await db().select().from(userRoles).where(and(eq(userRoles.role, "ministry_data_admin"), eq(userRoles.organisationId, gendarmerie)));
    assert.deepEqual(grants.map((grant) => grant.userId).sort(), [agent, sophie].sort(), "un rôle déjà détenu n’est pas dupliqué");
    const target = await organisationNamed("Gendarmerie nationale");
    assert.equal(target.siren, "130017551");
    assert.equal(target.acronym, "GN");
    const page = await team.get(merged.headers.location!);
    assert.match(page.body, /Fusion faite/);
  });
});
