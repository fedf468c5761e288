import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { workspaceRestitutions } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { joinTeam, createWorkspaceSeason, signedInPerson, type SignedInPerson, tinyPdf } from "../workspace-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-11-20T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/espace/restitution";

describe("the restitution of a workspace", () => {
  let seasonId: string;
  let ids: Record<string, string>;
  let member: SignedInPerson;
  let outsider: SignedInPerson;
  const saved = async () => (await db().select().from(workspaceRestitutions).where(and(eq(workspaceRestitutions.projectId, ids.cartiflette!), eq(workspaceRestitutions.seasonId, seasonId))))[0];

  before(async () => {
    platform = await startTestPlatform({ clock });
    ({ seasonId, projectIds: ids } = await createWorkspaceSeason(db(), ["cartiflette"]));
    member = await signedInPerson(platform, "restitution.membre@insee.fr", { givenName: "restitution.membre", usualName: "Test" });
    outsider = await signedInPerson(platform, "restitution.dehors@insee.fr", { givenName: "restitution.dehors", usualName: "Test" });
    await joinTeam(db(), { seasonId, projectId: ids.cartiflette!, userId: member.id, role: "contributor" });
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses an address that is not http(s) at its field, the summary kept, and saves nothing", async () => {
    const refused = await member.http.post(page, { summary: "Une API des contours", slidesUrl: "", videoUrl: "javascript:alert(1)", demoUrl: "" });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "videoUrl", "Indiquez une adresse web commençant par https:// ou http://.", "javascript:alert(1)");
    assert.ok(refused.body.includes(">Une API des contours</textarea>"));
    assertFrenchSpacing(refused.body);
    assert.equal(await saved(), undefined);
  });

  it("is kept by the team only: an outsider can neither read nor write it", async () => {
    assertRefusedByPermission(await outsider.http.get(page), 403);
    assertRefusedByPermission(await outsider.http.post(page, { summary: "Intrus" }, { formPage: "/contact" }), 403);
    assertRefusedByPermission(await outsider.http.postMultipart(page, { summary: "Intrus" }, { slidesFile: { fileName: "a.pdf", bytes: tinyPdf } }, { formPage: "/contact" }), 403);
    assert.equal(await saved(), undefined);
  });

  it("saves the summary, a slides file and the addresses, shown on the public project page with the file downloadable by anyone", async () => {
    const done = await member.http.postMultipart(page, { summary: "Des contours à jour pour 40 administrations.", slidesUrl: "", videoUrl: "https://tube.numerique.gouv.fr/w/cartiflette", demoUrl: "https://cartiflette.example.gouv.fr" }, { slidesFile: { fileName: "Restitution finale.pdf", bytes: tinyPdf } }, { formPage: page });
    assert.equal(done.statusCode, 303, done.body.slice(0, 2000));
    assert.match((await member.http.get(done.headers.location as string)).body, /La restitution est enregistrée/);
    const row = await saved();
    assert.equal(row?.summary, "Des contours à jour pour 40 administrations.");
    assert.match(row?.slidesMediaPath ?? "", /^[a-f0-9]{64}\/restitution-finale\.pdf$/);
    const project = await httpSessionOn(platform).get("/projets/cartiflette");
    assert.match(project.body, /<h2 id="restitution">Restitution<\/h2>/);
    assert.match(project.body, /Des contours à jour pour 40 administrations\./);
    assert.match(project.body, /href="https:\/\/tube\.numerique\.gouv\.fr\/w\/cartiflette"/);
    const fileHref = /href="(\/projets\/cartiflette\/espace\/restitution\/support\?saison=2031)"/.exec(project.body)?.[1];
    assert.ok(fileHref, "the slides are linked from the public page");
    const download = await httpSessionOn(platform).get(fileHref);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-disposition"], 'attachment; filename="restitution-finale.pdf"');
    assert.deepEqual(download.rawPayload, tinyPdf);
  });

  it("keeps the stored file when the form is sent again without one, and refuses a file of another type", async () => {
    const again = await member.http.post(page, { summary: "Résumé revu", slidesUrl: "", videoUrl: "", demoUrl: "" });
    assert.equal(again.statusCode, 303);
    assert.ok((await saved())?.slidesMediaPath, "the file stays");
    const wrong = await member.http.postMultipart(page, { summary: "Résumé revu" }, { slidesFile: { fileName: "support.pptx", bytes: tinyPdf } }, { formPage: page });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Le contenu du fichier ne correspond pas à son extension\./);
    assert.equal((await saved())?.summary, "Résumé revu");
  });
});
