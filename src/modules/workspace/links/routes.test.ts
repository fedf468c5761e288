import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { workspaceLinks } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { joinTeam, createWorkspaceSeason, signedInPerson, type SignedInPerson, tinyPdf } from "../workspace-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-04-02T10:00:00Z") };
const db = () => platform.database.db;
const links = "/projets/cartiflette/espace/liens";

describe("« Liens et fichiers » of a workspace", () => {
  let seasonId: string;
  let ids: Record<string, string>;
  let member: SignedInPerson;
  let outsider: SignedInPerson;

  before(async () => {
    platform = await startTestPlatform({ clock });
    ({ seasonId, projectIds: ids } = await createWorkspaceSeason(db(), ["cartiflette", "chartgouv"]));
    member = await signedInPerson(platform, "liens.membre@insee.fr", { givenName: "liens.membre", usualName: "Test" });
    outsider = await signedInPerson(platform, "liens.dehors@insee.fr", { givenName: "liens.dehors", usualName: "Test" });
    await joinTeam(db(), { seasonId, projectId: ids.cartiflette!, userId: member.id, role: "lead" });
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses a javascript: address in French with the input kept, and an intitulé over 120 characters", async () => {
    const refused = await member.http.post(links, { kind: "forge", label: "Dépôt", url: "javascript:alert(1)", public: "on" });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "url", "Indiquez une adresse web commençant par https:// ou http://.", "javascript:alert(1)");
    assert.match(refused.body, /value="Dépôt"/);
    assertFrenchSpacing(refused.body);
    const long = await member.http.post(links, { kind: "forge", label: "x".repeat(121), url: "https://github.com/x/y" });
    assert.equal(long.statusCode, 400);
    assertFieldError(long.body, "label", "L’intitulé ne peut pas dépasser 120 caractères.");
    assert.equal((await db().select().from(workspaceLinks).where(and(eq(workspaceLinks.projectId, ids.cartiflette!), eq(workspaceLinks.seasonId, seasonId)))).length, 0);
  });

  it("adds a public link shown on the public project page, and a private one that is not", async () => {
    const added = await member.http.post(links, { kind: "forge", label: "Dépôt GitLab public", url: "https://gitlab.example.gouv.fr/cartiflette", public: "on" });
    assert.equal(added.statusCode, 303, added.body.slice(0, 500));
    assert.match((await member.http.get(added.headers.location as string)).body, /Le lien est ajouté/);
    assert.equal((await member.http.post(links, { kind: "data", label: "Tableur interne", url: "https://interne.example.gouv.fr/tableur" })).statusCode, 303);
    const page = await httpSessionOn(platform).get("/projets/cartiflette");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="https:\/\/gitlab\.example\.gouv\.fr\/cartiflette"/);
    assert.match(page.body, /Dépôt GitLab public/);
    assert.doesNotMatch(page.body, /Tableur interne|interne\.example/);
  });

  it("lets an outsider neither read (403) nor add to the workspace (403)", async () => {
    assertRefusedByPermission(await outsider.http.get(links), 403);
    assertRefusedByPermission(await outsider.http.post(links, { kind: "forge", label: "x", url: "https://a.fr" }, { formPage: "/contact" }), 403);
  });

  it("stores an uploaded PDF, served to the team as an attachment, 403 to a member outside the team while private", async () => {
    const uploaded = await member.http.postMultipart(`${links}/fichier`, { fileLabel: "Compte rendu" }, { file: { fileName: "Compte rendu (1).PDF", bytes: tinyPdf, type: "application/pdf" } }, { formPage: links });
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 2000));
    const [row] = await db().select().from(workspaceLinks).where(eq(workspaceLinks.label, "Compte rendu"));
    assert.ok(row?.mediaPath);
    assert.equal(row.kind, "file");
    assert.equal(row.public, false);
    const address = `/projets/cartiflette/espace/fichiers/${row.id}`;
    assert.ok((await member.http.get(links)).body.includes(`href="${address}"`));
    const download = await member.http.get(address);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.equal(download.headers["content-disposition"], 'attachment; filename="compte-rendu-1.pdf"');
    assert.equal(download.headers["x-content-type-options"], "nosniff");
    assert.deepEqual(download.rawPayload, tinyPdf);
    assertRefusedByPermission(await outsider.http.get(address), 403);
    const anonymous = await httpSessionOn(platform).get(address);
    assert.equal(anonymous.statusCode, 303, "an anonymous visitor is sent to sign in");
    assert.match(String(anonymous.headers.location), /^\/connexion\?retour=/);
    assert.doesNotMatch((await httpSessionOn(platform).get("/projets/cartiflette")).body, /Compte rendu/);
    // Not among the public /medias/ either.
    assert.equal((await httpSessionOn(platform).get(`/medias/${row.mediaPath.slice(0, 12)}/compte-rendu-1.pdf`)).statusCode, 404);
  });

  it("serves a public file to anyone, and lists it on the project page", async () => {
    const uploaded = await member.http.postMultipart(`${links}/fichier`, { fileLabel: "Support public", filePublic: "on" }, { file: { fileName: "support.pdf", bytes: tinyPdf } }, { formPage: links });
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 2000));
    const [row] = await db().select().from(workspaceLinks).where(eq(workspaceLinks.label, "Support public"));
    const address = `/projets/cartiflette/espace/fichiers/${row!.id}`;
    assert.equal((await httpSessionOn(platform).get(address)).statusCode, 200);
    assert.equal((await httpSessionOn(platform).get(`/projets/chartgouv/espace/fichiers/${row!.id}`)).statusCode, 404, "only at its own project's address");
    assert.ok((await httpSessionOn(platform).get("/projets/cartiflette")).body.includes(`href="${address}"`));
  });

  it("refuses a file whose bytes are not its type, and a type not accepted, at the field with the intitulé kept", async () => {
    const renamed = await member.http.postMultipart(`${links}/fichier`, { fileLabel: "Faux PDF" }, { file: { fileName: "faux.pdf", bytes: "<html><script>alert(1)</script></html>" } }, { formPage: links });
    assert.equal(renamed.statusCode, 400);
    assert.match(renamed.body, /Le contenu du fichier ne correspond pas à son extension\./);
    assert.match(renamed.body, /value="Faux PDF"/);
    const executable = await member.http.postMultipart(`${links}/fichier`, { fileLabel: "Programme" }, { file: { fileName: "outil.exe", bytes: Buffer.from("MZ\x90\x00") } }, { formPage: links });
    assert.equal(executable.statusCode, 400);
    assert.match(executable.body, /Format non accepté/);
    assertFrenchSpacing(executable.body);
    assert.equal((await db().select().from(workspaceLinks).where(eq(workspaceLinks.label, "Faux PDF"))).length, 0);
  });

  it("removes a link, for the team only", async () => {
    const [row] = await db().select().from(workspaceLinks).where(eq(workspaceLinks.label, "Tableur interne"));
    assertRefusedByPermission(await outsider.http.post(`${links}/${row!.id}/retirer`, {}, { formPage: "/contact" }), 403);
    const removed = await member.http.post(`${links}/${row!.id}/retirer`, {}, { formPage: links });
    assert.equal(removed.statusCode, 303);
    assert.equal((await db().select().from(workspaceLinks).where(eq(workspaceLinks.id, row!.id))).length, 0);
  });
});
