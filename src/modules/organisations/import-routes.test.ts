import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { asc, eq } from "drizzle-orm";
import { emailDomains, organisations } from "../../db/schema/index.ts";
import { assertRefusedByPermission, type HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { openTestDatabase, repositoryRoot, startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
const fixture = (name: string) => fs.readFileSync(new URL(`./test-fixtures/${name}`, import.meta.url));

/** Posts the upload form as a browser does (multipart/form-data). */
function upload(session: HttpSession, file: { name: string; bytes: Buffer | string } | null, options: { csrf?: string | null; formPage?: string } = {}) {
  return session.postMultipart("/admin/organisations/import", {}, { fichier: { fileName: file?.name ?? "", bytes: file?.bytes ?? Buffer.alloc(0) } }, options);
}

/** Every stored organisation (all columns, update dates included) and domain: a second import must leave them identical. */
async function dump() {
  return {
    organisations: await db().select().from(organisations).orderBy(asc(organisations.id)),
    domains: await db().select().from(emailDomains).orderBy(asc(emailDomains.domain)),
  };
}

async function byReference(referenceId: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.referenceId, referenceId));
  assert.ok(row, `organisation ${referenceId} absente`);
  return row;
}

/** The « N créées, … » line of the report page. */
function countsIn(html: string): string {
  return /<div class="fr-alert fr-alert--(?:success|warning) fr-mb-3w"><h2 class="fr-alert__title">[^<]*<\/h2><p>([^<.]*)\./.exec(html)?.[1] ?? assert.fail("pas de bilan dans la page");
}

const ids = {
  ministry: "0b6a5b0e-7a55-4b4f-9f1c-1d2f3e4a5b61",
  dge: "2c7d4e8f-1a2b-4c3d-8e9f-0a1b2c3d4e72",
  numerique: "3d8e5f9a-2b3c-4d4e-9f0a-1b2c3d4e5f83",
  subDirection: "4e9f6a0b-3c4d-4e5f-a01b-2c3d4e5f6a94",
  office: "5f0a7b1c-4d5e-4f6a-b12c-3d4e5f6a7b05",
  insee: "6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c16",
  competition: "7f8e9d0c-1b2a-4c3d-9e8f-7a6b5c4d3e27",
};

describe("importing the State's organisation referential in the administration", () => {
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(() => platform.stop());

  it("asks anonymous visitors to sign in, refuses members and uploads without a CSRF token, storing nothing", async () => {
    const before = await dump();
    const anonymous = await httpSessionOn(platform).get("/admin/organisations/import");
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, "/connexion?retour=%2Fadmin%2Forganisations%2Fimport");
    assertRefusedByPermission(await upload(httpSessionOn(platform), { name: "r.json", bytes: fixture("referentiel-etat.json") }, { formPage: "/connexion" }), 401);
    const member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    assertRefusedByPermission(await member.get("/admin/organisations/import"), 403);
    // With the valid token of the member's own session: only the permission check can refuse it.
    assertRefusedByPermission(await upload(member, { name: "r.json", bytes: fixture("referentiel-etat.json") }, { formPage: "/compte" }), 403);
    assert.equal((await upload(team, { name: "r.json", bytes: fixture("referentiel-etat.json") }, { csrf: null })).statusCode, 403);
    assert.deepEqual(await dump(), before);
  });

  const broken: { name: string; file: { name: string; bytes: Buffer | string } | null; message: RegExp }[] = [
    { name: "no file", file: null, message: /Choisissez le fichier JSON ou CSV à importer\./ },
    { name: "an empty file", file: { name: "vide.json", bytes: "" }, message: /Le fichier est vide\./ },
    { name: "an image", file: { name: "logo.png", bytes: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") }, message: /ni un JSON ni un CSV du référentiel/ },
    { name: "JSON of another shape", file: { name: "autre.json", bytes: '{"organismes": {"nom": "Insee"}}' }, message: /liste d’organisations est attendue/ },
    {
      name: "a hierarchy that loops",
      file: {
        name: "boucle.json",
        bytes: JSON.stringify({
          service: [
            { id: "a", nom: "Ministère A", hierarchie: [{ type_hierarchie: "Service Fils", service: "b" }] },
            { id: "b", nom: "Direction B", hierarchie: [{ type_hierarchie: "Service Fils", service: "c" }] },
            { id: "c", nom: "Bureau C", hierarchie: [{ type_hierarchie: "Service Fils", service: "a" }] },
          ],
        }),
      },
      message: /hiérarchie du fichier boucle/,
    },
    {
      name: "an unknown child id",
      file: { name: "orphelin.json", bytes: JSON.stringify([{ id: "a", nom: "Ministère A", hierarchie: [{ type_hierarchie: "Service Fils", service: "inconnu-42" }] }, { id: "z", nom: "Direction Z" }]) },
      message: /service fils l’identifiant inconnu-42, absent du fichier/,
    },
  ];
  for (const testCase of broken) {
    it(`refuses ${testCase.name} with a French message at the field, storing nothing`, async () => {
      const before = await dump();
      const response = await upload(team, testCase.file);
      assert.equal(response.statusCode, 400, response.body.slice(0, 300));
      const group = /<div class="fr-upload-group fr-upload-group--error">[\s\S]*?<\/div><\/div>/.exec(response.body)?.[0] ?? "";
      assert.match(group.replace(/&#x27;/g, "'"), testCase.message);
      assert.match(response.body, /Le formulaire contient une erreur/);
      assert.deepEqual(await dump(), before);
    });
  }

  it("creates the tree of the official JSON file with its parents and ministries, then a second import changes nothing", async () => {
    const insee = (await db().select().from(organisations).where(eq(organisations.siren, "120027016")))[0]!;
    const first = await upload(team, { name: "referentiel.json", bytes: fixture("referentiel-etat.json") });
    assert.equal(first.statusCode, 200, first.body.slice(0, 500));
    assert.equal(countsIn(first.body), "6\u00a0créées, 1\u00a0mise à jour, 0\u00a0inchangée, 0\u00a0rejetée");
    assert.match(first.body, /<caption>Rapport d’import/);

    const ministry = await byReference(ids.ministry);
    const dge = await byReference(ids.dge);
    const numerique = await byReference(ids.numerique);
    const subDirection = await byReference(ids.subDirection);
    const office = await byReference(ids.office);
    assert.equal(ministry.kind, "ministry");
    assert.equal(ministry.parentId, null);
    assert.equal(ministry.ministryId, ministry.id);
    assert.equal(ministry.siren, "110003019");
    assert.deepEqual([dge.parentId, numerique.parentId, subDirection.parentId, office.parentId], [ministry.id, dge.id, numerique.id, subDirection.id]);
    assert.deepEqual([dge.kind, numerique.kind, subDirection.kind, office.kind], ["service", "service", "service", "service"]);
    for (const below of [dge, numerique, subDirection, office]) assert.equal(below.ministryId, ministry.id, below.name);
    assert.equal(dge.acronym, "DGE");
    assert.equal(dge.siren, null, "le SIREN du ministère reste au ministère");
    assert.equal(dge.siret, "11000301900020");
    assert.match(first.body, /SIREN 110003019 non repris/);

    // The Insee entered by hand is recognised by its SIREN and attached to the ministry, not duplicated.
    const importedInsee = await byReference(ids.insee);
    assert.equal(importedInsee.id, insee.id);
    assert.equal(importedInsee.parentId, ministry.id);
    assert.equal(importedInsee.kind, "body");
    assert.match(first.body, /Rapprochée par son SIREN/);
    const competition = await byReference(ids.competition);
    assert.deepEqual([competition.kind, competition.parentId, competition.ministryId], ["body", null, null], "« Autre hiérarchie » ne rattache pas");

    const before = await dump();
    const second = await upload(team, { name: "referentiel.json", bytes: fixture("referentiel-etat.json") });
    assert.equal(second.statusCode, 200);
    assert.equal(countsIn(second.body), "0\u00a0créée, 0\u00a0mise à jour, 7\u00a0inchangées, 0\u00a0rejetée");
    assert.match(second.body, /Aucun changement\u00a0: toutes les organisations du fichier sont déjà à jour\./);
    assert.deepEqual(await dump(), before);
  });

  it("keeps what the programme team entered where the file says nothing", async () => {
    const office = await byReference(ids.office);
    const ministry = await byReference(ids.ministry);
    const edited = await team.post(`/admin/organisations/${office.id}`, { name: office.name, acronym: "BPD", kind: "service", parentId: office.parentId!, siren: "", siret: "", domains: "" });
    assert.equal(edited.statusCode, 303);
    const competition = await byReference(ids.competition);
    const attached = await team.post(`/admin/organisations/${competition.id}`, { name: competition.name, acronym: "ADLC", kind: "body", parentId: ministry.id, siren: "130017551", siret: "13001755100016", domains: "" });
    assert.equal(attached.statusCode, 303);

    const again = await upload(team, { name: "referentiel.json", bytes: fixture("referentiel-etat.json") });
    assert.equal(countsIn(again.body), "0\u00a0créée, 0\u00a0mise à jour, 7\u00a0inchangées, 0\u00a0rejetée");
    assert.equal((await byReference(ids.office)).acronym, "BPD");
    const kept = await byReference(ids.competition);
    assert.equal(kept.parentId, ministry.id, "une organisation de premier niveau dans le fichier garde son rattachement");
    assert.equal(kept.siret, "13001755100016");
  });

  it("refuses a file whose hierarchy would loop with an attachment the programme team made, storing nothing", async () => {
    const roots = JSON.stringify([{ id: "r", nom: "Direction R" }, { id: "p", nom: "Bureau P" }]);
    assert.equal((await upload(team, { name: "racines.json", bytes: roots })).statusCode, 200);
    const direction = await byReference("r");
    const office = await byReference("p");
    const attached = await team.post(`/admin/organisations/${direction.id}`, { name: "Direction R", acronym: "", kind: "body", parentId: office.id, siren: "", siret: "", domains: "" });
    assert.equal(attached.statusCode, 303);
    const before = await dump();
    const nested = JSON.stringify([{ id: "r", nom: "Direction R", hierarchie: [{ type_hierarchie: "Service Fils", service: "p" }] }, { id: "p", nom: "Bureau P" }]);
    const response = await upload(team, { name: "imbrique.json", bytes: nested });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Ce fichier créerait une boucle avec les rattachements déjà enregistrés\u00a0: «\u00a0(Direction R|Bureau P)\u00a0»/);
    assert.deepEqual(await dump(), before);
  });

  it("imports the CSV export too, reporting positions by line, and reports rejected entries without stopping the others", async () => {
    const csv = fixture("referentiel-etat.csv").toString("utf8") + '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c05;"";;"Service";;;"[]";"[]"\r\n';
    const response = await upload(team, { name: "referentiel.csv", bytes: csv });
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    assert.equal(countsIn(response.body), "4\u00a0créées, 0\u00a0mise à jour, 0\u00a0inchangée, 1\u00a0rejetée");
    assert.match(response.body, /<td>ligne 6<\/td><td><strong>rejetée<\/strong><\/td>/);
    assert.match(response.body, /Le nom \(«\u00a0nom\u00a0»\) manque\./);
    const culture = await byReference("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c01");
    const general = await byReference("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c02");
    const studies = await byReference("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c03");
    assert.equal(culture.kind, "ministry");
    assert.deepEqual([general.parentId, studies.parentId, studies.ministryId, studies.acronym], [culture.id, general.id, culture.id, "DEPS"]);
  });
});

describe("npm run import:organisations", () => {
  let folder: string;
  let databaseUrl: string | undefined;
  let closeDatabase: () => Promise<void> = async () => {};

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "p10-import-organisations-"));
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      databaseUrl = database.url;
      await database.database.close();
      closeDatabase = database.close;
    }
  });
  after(async () => {
    await closeDatabase().catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const run = (file: string) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(repositoryRoot, "scripts/import-organisations.ts"), "--", file], {
      cwd: repositoryRoot,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: folder, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }) },
    });

  it("prints a French report, and exits with 1 when an entry is rejected or the file is refused", () => {
    const imported = run(fileURLPath("referentiel-etat.json"));
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /\(JSON, [a-z]+\)\u00a0: 7\u00a0créées, 0\u00a0mise à jour, 0\u00a0inchangée, 0\u00a0rejetée\./);
    assert.match(imported.stdout, /entrée n°\u00a02\u00a0: \[créée\] Direction générale des Entreprises \(2c7d4e8f/);

    const withRejection = path.join(folder, "rejet.json");
    fs.writeFileSync(withRejection, JSON.stringify([{ id: "x", nom: "" }, { id: "y", nom: "Agence Y", type_organisme: "Établissement public national" }]));
    const rejected = run(withRejection);
    assert.equal(rejected.status, 1);
    assert.match(rejected.stdout, /1\u00a0créée, 0\u00a0mise à jour, 0\u00a0inchangée, 1\u00a0rejetée/);
    assert.match(rejected.stdout, /entrée n°\u00a01\u00a0: \[rejetée\] \(sans nom\) \(x\) — Le nom/);

    const loop = path.join(folder, "boucle.json");
    fs.writeFileSync(loop, JSON.stringify([{ id: "a", nom: "A", hierarchie: [{ type_hierarchie: "Service Fils", service: "a" }] }]));
    const refused = run(loop);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Fichier refusé, rien n’a été importé\u00a0: La hiérarchie du fichier boucle/);
  });
});

function fileURLPath(name: string): string {
  return new URL(`./test-fixtures/${name}`, import.meta.url).pathname;
}
