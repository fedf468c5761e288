import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { projects, seasons } from "../../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { joinTeam, signedInPerson } from "../workspace-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
// In the investigation phase of the demo's running season: Cartiflette continues from 2022 and 2023.
const now = new Date("2027-03-10T09:00:00Z");

describe("a workspace's overview and the project's passeport", () => {
  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
  });
  after(async () => platform.close());

  it("shows a member new to the project where it stands and what the earlier seasons left, without opening their workspaces", async () => {
    const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    const [cartiflette] = await db().select({ id: projects.id }).from(projects).where(eq(projects.slug, "cartiflette"));
    const newcomer = await signedInPerson(platform, "nouvelle.recrue@insee.fr", { givenName: "Nora", usualName: "Nouvelle" });
    await joinTeam(db(), { seasonId: season!.id, projectId: cartiflette!.id, userId: newcomer.id });

    const page = await newcomer.http.get("/projets/cartiflette/espace");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Espace projet<\/h1>/);
    assert.match(page.body, /Investigation/);
    assert.match(page.body, /À surveiller/);
    assert.match(page.body, /Nora Nouvelle — contributeur·rice/);
    const passeport = page.body.slice(page.body.indexOf("Passeport du projet"));
    assert.match(passeport, /<h3 class="fr-h6 fr-mb-1w" id="passeport-2023">Saison 2023<\/h3>/);
    assert.match(passeport, /Jalons atteints\u00a0: Entretiens avec les utilisateurs et inventaire des données \(/);
    assert.match(passeport, /Présentation de restitution/);
    assert.match(passeport, /Dernier atelier, le [^:]+\u00a0: Atelier d’amplification/);
    assert.ok(passeport.indexOf("Saison 2023") < passeport.indexOf("Saison 2022"), "la saison la plus récente d’abord");
    assertFrenchSpacing(page.body);
    // The 2023 workspace itself stays its team's.
    assert.equal((await newcomer.http.get("/projets/cartiflette/espace?saison=2023")).statusCode, 403);
  });
});
