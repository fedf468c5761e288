import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { workspaceFramings, workspaceLinks } from "../../db/schema/index.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { createWorkspaceSeason } from "./workspace-test-support.ts";
import { createWorkspacePublicSection } from "./public-section.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

describe("the public part of a workspace, for the project page", () => {
  let seasonId: string;
  let projectId: string;

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => new Date("2031-06-10T10:00:00Z") } });
    let ids: Record<string, string>;
    ({ seasonId, projectIds: ids } = await createWorkspaceSeason(db(), ["chartgouv"]));
    projectId = ids.chartgouv!;
  });
  after(async () => {
    await platform.stop();
  });

  it("holds the framing's public sections only, the public links only, and no log nor « météo »", async () => {
    await db()
      .insert(workspaceFramings)
      .values({ projectId, seasonId, version: 1, content: { summary: "Des graphiques conformes au DSFR.", deliverable: "Une bibliothèque publiée", problem: "Problème interne à l’équipe" }, publicSections: ["summary"] });
    await db().insert(workspaceLinks).values([
      { projectId, seasonId, kind: "forge", label: "Dépôt public", url: "https://github.com/exemple/chartsgouv", public: true },
      { projectId, seasonId, kind: "data", label: "Données internes", url: "https://interne.example.gouv.fr", public: false },
      // The same address kept from an earlier season: shown once, the newest.
      { projectId, seasonId, kind: "forge", label: "Ancien dépôt", url: "https://github.com/exemple/chartsgouv", public: true, createdAt: new Date("2020-01-01T10:00:00Z") },
    ]);
    const section = await createWorkspacePublicSection({ db: db() })({ projectId, projectSlug: "chartgouv", viewer: null, now: new Date("2031-06-01T10:00:00Z") });
    assert.deepEqual(section.framing, { seasonName: "Saison 2031", summary: "Des graphiques conformes au DSFR.", deliverable: null });
    assert.deepEqual(
      section.links.map((link) => link.label),
      ["Dépôt public"],
    );
    assert.equal(section.reusesPath, "/projets/chartgouv/reutilisations");
    // A visitor is never offered the workspace (the anonymous page is the one cached).
    assert.equal(section.workspaceHref, null);
    assert.doesNotMatch(JSON.stringify(section), /Problème interne|Données internes|météo|weather/i);
    const page = await httpSessionOn(platform).get("/projets/chartgouv");
    assert.match(page.body, /<h2 id="cadrage-public">Le projet en bref<\/h2>/);
    assert.match(page.body, /Des graphiques conformes au DSFR\./);
    assert.doesNotMatch(page.body, /Problème interne|Une bibliothèque publiée/);
  });
});
