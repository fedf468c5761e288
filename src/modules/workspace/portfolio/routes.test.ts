import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { projects, seasons, users } from "../../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { joinTeam, signedInPerson } from "../workspace-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
// The demo's running season 2026-2027 (started on 15 October 2026): Cartiflette logged a kick-off « à surveiller » on 18 November.
const today = new Date("2026-12-07T10:00:00Z");

describe("the season's portfolio", () => {
  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => today } });
  });
  after(async () => platform.close());

  it("shows the programme team every project of the running season, its météo, and flags those without news for a month", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const page = await team.get("/portefeuille");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Portefeuille des projets<\/h1>/);
    const cartiflette = page.body.slice(page.body.indexOf(">Cartiflette"), page.body.indexOf("</tr>", page.body.indexOf(">Cartiflette")));
    assert.match(cartiflette, /À surveiller/);
    assert.match(cartiflette, /Données d’outre-mer pas encore disponibles/);
    // The season's working phases start in February: no project is « sans nouvelles » before.
    assert.doesNotMatch(page.body, /Sans nouvelles depuis un mois/);

    const watched = await team.get("/portefeuille?meteo=watch&tri=titre");
    assert.match(watched.body, />Cartiflette/);
    assert.doesNotMatch(watched.body, />Transformers/);
    assert.match(watched.body, /1 projet affiché sur 6/);
  });

  it("shows the demo's past seasons with their workspaces: every project of 2023 with a team logged « En bonne voie », its milestones done", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const response = await team.get("/portefeuille.csv?saison=2023&tri=titre");
    const rows: string[][] = parse(response.body.slice(1), { delimiter: ";" });
    assert.ok(rows.length > 3, `${rows.length - 1} projets en 2023`);
    const withTeam = rows.slice(1).filter((row) => row[8] !== "0");
    assert.ok(withTeam.length > 3, `${withTeam.length} projets avec une équipe en 2023`);
    for (const row of withTeam) {
      assert.equal(row[5], "En bonne voie", row[0]);
      assert.equal(row[2], "", `${row[0]} : tous les jalons sont faits`);
      assert.match(row[10]!, /^$/, `${row[0]} : les ateliers passés ne sont pas liés à des événements`);
    }
    const [cartiflette2023] = rows.filter((row) => row[0] === "Cartiflette");
    assert.ok(cartiflette2023, "Cartiflette en 2023");
  });

  it("exports the same rows as a spreadsheet CSV (BOM, semicolons), filters included", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const response = await team.get("/portefeuille.csv?saison=2026-2027&meteo=watch");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/csv/);
    assert.match(String(response.headers["content-disposition"]), /attachment; filename="portefeuille-2026-2027-2026-12-07\.csv"/);
    assert.ok(response.body.startsWith("\uFEFF"));
    const rows: string[][] = parse(response.body.slice(1), { delimiter: ";" });
    assert.equal(rows[0]![0], "Projet");
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![0], "Cartiflette");
    assert.equal(rows[1]![5], "À surveiller");
  });

  it("shows an AMD only the projects with a team member of their ministry; a member gets 403", async () => {
    const [sophie] = await db().select({ organisationId: users.organisationId }).from(users).where(eq(users.email, "sophie.durand@interieur.gouv.fr"));
    const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    const [transformers] = await db().select({ id: projects.id }).from(projects).where(eq(projects.slug, "transformers"));
    const amd = await signInOverHttp(platform, "sophie.durand@interieur.gouv.fr");
    // No team of the running season has a member of her ministry yet.
    const before = await amd.get("/portefeuille?saison=2026-2027");
    assert.match(before.body, /Aucun projet de cette saison ne compte pour l’instant un membre de votre ministère dans son équipe\./);
    assert.doesNotMatch(before.body, /Télécharger le tableau/);
    const colleague = await signedInPerson(platform, "portfolio.interieur@interieur.gouv.fr");
    await db().update(users).set({ organisationId: sophie!.organisationId }).where(and(eq(users.id, colleague.id)));
    await joinTeam(db(), { seasonId: season!.id, projectId: transformers!.id, userId: colleague.id, role: "contributor" });

    const page = await amd.get("/portefeuille");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Vous voyez les projets dont l’équipe compte un membre de votre ministère/);
    assert.match(page.body, />Transformers/);
    assert.doesNotMatch(page.body, />Cartiflette/);

    assert.equal((await colleague.http.get("/portefeuille")).statusCode, 403);
  });

  it("shows a coach every project, each linked to its workspace only where they coach", async () => {
    const coach = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
    const page = await coach.get("/portefeuille");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/projets\/chartgouv\/espace\?saison=2026-2027">/);
    assert.doesNotMatch(page.body, /href="\/projets\/cartiflette\/espace/);
    assert.match(page.body, /<th scope="row">Cartiflette/);
  });
});
