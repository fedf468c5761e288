import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { parseHTML } from "linkedom";
import { rowsOf } from "../../../db/client.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { countSkillLevels } from "../../people/api.ts";
import { topicFiguresOf } from "./topic-figures.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

function tableRows(html: string): string[][] {
  const { document } = parseHTML(html);
  return Array.from(document.querySelectorAll("main table tbody tr")).map((row) => Array.from(row.children).map((cell) => cell.textContent ?? ""));
}

const asRows = (topics: ReturnType<typeof topicFiguresOf>) => topics.map((topic) => [topic.name, topic.categoryLabel, String(topic.curious), String(topic.knows), String(topic.experts), String(topic.total)]);

describe("the bulloterie's pages", () => {
  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to sign in for « qui rencontrer »", async () => {
    const response = await httpSessionOn(platform).get("/bulloterie/qui-rencontrer");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/connexion?retour=%2Fbulloterie%2Fqui-rencontrer");
  });

  it("shows anyone the bubbles in a labelled figure, then the table of the same figures, cached for visitors", async () => {
    const visitor = httpSessionOn(platform);
    const response = await visitor.get("/bulloterie");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assertFrenchSpacing(html);
    assert.match(html, /<h1>La bulloterie<\/h1>/);
    assert.match(html, /<figure[^>]*role="img"[^>]*aria-label="Bulles des sujets de la communauté\u00a0: \d+\u00a0sujets/);
    assert.match(html, /<svg[^>]*aria-hidden="true"/);
    assert.match(html, /href="\/bulloterie\.csv"/);
    assert.match(html, /href="\/bulloterie\/qui-rencontrer"/);
    const expected = asRows(topicFiguresOf(await countSkillLevels(db())));
    assert.ok(expected.length > 5, "la démo a des compétences indiquées");
    assert.deepEqual(tableRows(html), expected);
    // A hidden profile is not counted: Léa Chevalier's (visible to the team only) levels are left out.
    const [{ count }] = rowsOf<{ count: number }>(
      await db().execute(sql`select count(*)::int as count from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id join skills s on s.id = ps.skill_id
        where p.joined_at is not null and u.erased_at is null and p.visibility = 'members' and s.status = 'accepted'`),
    ) as [{ count: number }];
    assert.equal(expected.reduce((sum, row) => sum + Number(row[5]), 0), Number(count));
    const again = await visitor.get("/bulloterie");
    assert.ok(again.headers.etag, "page servie par le cache des visiteurs");
    assert.equal((await visitor.get("/bulloterie", { "if-none-match": String(again.headers.etag) })).statusCode, 304);
  });

  it("filters by category with a GET form, and sends an unknown category back to the whole map", async () => {
    const visitor = httpSessionOn(platform);
    const html = (await visitor.get("/bulloterie?categorie=geomatics")).body;
    assert.match(html, /<select class="fr-select" id="categorie" name="categorie">/);
    assert.match(html, /<option value="geomatics" selected="">Géomatique<\/option>/);
    assert.deepEqual(tableRows(html), asRows(topicFiguresOf(await countSkillLevels(db()), "geomatics")));
    assert.ok(tableRows(html).every((row) => row[1] === "Géomatique"));
    assert.match(html, /href="\/bulloterie\.csv\?categorie=geomatics"/);
    for (const url of ["/bulloterie?categorie=inconnue", "/bulloterie?categorie="]) {
      const response = await visitor.get(url);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/bulloterie");
    }
  });

  it("downloads the table as a CSV for spreadsheets with the same rows", async () => {
    const response = await httpSessionOn(platform).get("/bulloterie.csv?categorie=geomatics");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/csv; charset=utf-8/);
    assert.match(String(response.headers["content-disposition"]), /^attachment; filename="bulloterie-programme-10-geomatics-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.ok(response.body.startsWith("\ufeff"));
    const records = parse(response.body, { bom: true, delimiter: ";" }) as string[][];
    assert.deepEqual(records[0], ["Sujet", "Catégorie", "Curieux·ses", "Connaissent", "Expert·es", "Total"]);
    assert.deepEqual(records.slice(1), asRows(topicFiguresOf(await countSkillLevels(db()), "geomatics")));
  });

  it("shows the workshop view with the figure large, the leading topics and a way out", async () => {
    const response = await httpSessionOn(platform).get("/bulloterie/atelier?categorie=languages");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assertFrenchSpacing(html);
    assert.match(html, /<figure[^>]*role="img"[^>]*aria-label="Bulles des sujets de la catégorie « Langages et outils »/);
    assert.match(html, /<a [^>]*href="\/bulloterie\?categorie=languages"[^>]*>Quitter le mode atelier<\/a>/);
    const top = topicFiguresOf(await countSkillLevels(db()), "languages")[0]!;
    assert.match(html, new RegExp(`<strong>${top.name}</strong><br/>${top.total}\u00a0personnes`));
  });

  it("shows a member experts of other ministries only, never a profile kept for the team, in the topics they are curious about", async () => {
    // In the demo, the data visualisation experts are kept for the team (Léa Chevalier, Yasmine Saïdi): Thomas sees none.
    const thomas = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    const before = (await thomas.get("/bulloterie/qui-rencontrer")).body;
    assert.match(before, /Pas encore d’expert·e d’un autre ministère sur ce sujet\./);
    // Inès (Insee, another ministry than the IGN's) becomes one.
    await db().execute(sql`insert into profile_skills (user_id, skill_id, level) select u.id, s.id, 3 from users u, skills s where u.email = 'ines.benali@insee.fr' and s.slug = 'dataviz'`);
    const response = await thomas.get("/bulloterie/qui-rencontrer");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assertFrenchSpacing(html);
    const { document } = parseHTML(html);
    const sections = Array.from(document.querySelectorAll("main section"));
    // Thomas (IGN) is curious about data visualisation in the demo.
    assert.deepEqual(
      sections.map((section) => section.querySelector("h2")?.textContent),
      ["Visualisation de données"],
    );
    assert.doesNotMatch(html, /Léa Chevalier|Yasmine Saïdi/);
    const listed = sections.flatMap((section) => Array.from(section.querySelectorAll("li a")).map((link) => decodeURIComponent(link.getAttribute("href")!.replace("/annuaire/", ""))));
    assert.deepEqual(listed, ["ines-benali"]);
    const rows = rowsOf<{ slug: string; ministry_id: string | null; visibility: string; level: number }>(
      await db().execute(sql`select p.slug, o.ministry_id::text, p.visibility from profiles p join users u on u.id = p.user_id left join organisations o on o.id = u.organisation_id
        where p.slug in (${sql.join(listed.map((slug) => sql`${slug}`), sql`, `)})`),
    );
    const [own] = rowsOf<{ ministry_id: string }>(await db().execute(sql`select o.ministry_id::text from users u join organisations o on o.id = u.organisation_id where u.email = 'thomas.leroy@ign.fr'`));
    assert.equal(rows.length, new Set(listed).size);
    for (const row of rows) {
      assert.notEqual(row.ministry_id, null);
      assert.notEqual(row.ministry_id, own!.ministry_id, `${row.slug} est du même ministère`);
      assert.equal(row.visibility, "members");
    }
  });

  it("is linked from the directory's « Qui peut m’aider ? » page", async () => {
    const ines = await signInOverHttp(platform, "ines.benali@insee.fr");
    const html = (await ines.get("/annuaire/competences")).body;
    assertFrenchSpacing(html);
    assert.match(html, /<a href="\/bulloterie">la bulloterie<\/a>/);
    assert.match(html, /<a href="\/bulloterie\/qui-rencontrer">des expert·es d’autres ministères à rencontrer<\/a>/);
  });

  it("tells a member curious about nothing how to mark topics on their profile", async () => {
    await db().execute(sql`delete from profile_skills where level = 1 and user_id = (select id from users where email = 'thomas.leroy@ign.fr')`);
    const thomas = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    const html = (await thomas.get("/bulloterie/qui-rencontrer")).body;
    assert.match(html, /Vous n’avez indiqué aucun sujet comme curieux·se/);
    assert.match(html, /<a class="fr-btn fr-mt-2w" href="\/annuaire\/thomas-leroy\/modifier">Indiquer mes sujets de curiosité<\/a>/);
  });
});
