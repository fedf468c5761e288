import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.ts";
import { sessions, skills } from "../../db/schema/index.ts";
import { columnsReferencingUsers, keyOf, primaryKeyOf, type TableRef, tableSql } from "../../../tests/support/database-introspection.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import { fillPersonalData, type FilledMember } from "../../../tests/support/personal-data-builder.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

let platform: TestPlatform;
let member: FilledMember;
let other: FilledMember;

type Target = TableRef & { about: (person: FilledMember) => SQL };

/**
 * Where rows about a person live: every column referencing users(id) (read from the database, so a
 * future table is covered without editing this test), the account row itself, and the tables that
 * hold the person's address or id without a foreign key.
 */
async function personalDataTargets(): Promise<Target[]> {
  const byForeignKey = (await columnsReferencingUsers(platform.database.db)).map(
    (reference): Target => ({ schema: reference.schema, table: reference.table, about: (person) => sql`${sql.identifier(reference.column)} = ${person.id}` }),
  );
  return [
    { schema: "public", table: "users", about: (person) => sql`id = ${person.id}` },
    ...byForeignKey,
    { schema: "public", table: "magic_links", about: (person) => sql`lower(email) = ${person.email}` },
    { schema: "public", table: "dev_mails", about: (person) => sql`lower("to") = ${person.email}` },
    { schema: "public", table: "email_domains", about: (person) => sql`added_by = ${person.id}` },
    { schema: "pgboss", table: "job", about: (person) => sql`name = 'mail.send' and data->>'to' = ${person.email}` },
  ];
}

/** The primary keys of rows, as comparable strings. */
function keysOf(rows: Record<string, unknown>[], primaryKey: string[]): string[] {
  return rows.map((row) => JSON.stringify(primaryKey.map((column) => String(row[column])))).sort();
}

async function downloadExport(person: FilledMember) {
  const response = await person.session.get("/compte/donnees.json");
  assert.equal(response.statusCode, 200);
  return { response, tables: JSON.parse(response.body) as Record<string, Record<string, unknown>[]> };
}

describe("personal data export", () => {
  before(async () => {
    platform = await startTestPlatform();
    member = await fillPersonalData(platform, { email: "export.membre@insee.fr", givenName: "Exportine", usualName: "Complète", slug: "exportine-complete" });
    other = await fillPersonalData(platform, {
      email: "autre.membre@insee.fr",
      givenName: "Autre",
      usualName: "Personne",
      slug: "autre-personne",
      managerOf: { email: "thomas.leroy@ign.fr", slug: "thomas-leroy" },
    });
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to the sign-in page from the page and the download", async () => {
    for (const path of ["/compte/donnees", "/compte/donnees.json"]) {
      const response = await httpSessionOn(platform).get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/connexion?retour=${encodeURIComponent(path)}`);
    }
  });

  it("exports, for every table that references the account or holds its address, exactly the rows about the member", async () => {
    const { tables } = await downloadExport(member);
    const targets = await personalDataTargets();
    assert.ok(targets.some((target) => target.table === "participations") && targets.some((target) => target.table === "content_revisions"), "introspection sans résultat");
    for (const target of targets) {
      const key = keyOf(target);
      assert.ok(key in tables, `l’export n’a pas de clé « ${key} » : ajoutez la table à la contribution personalData du module qui la possède`);
      const primaryKey = await primaryKeyOf(platform.database.db, target);
      assert.ok(primaryKey.length > 0, `${key} sans clé primaire`);
      const columns = sql.join(
        primaryKey.map((column) => sql.identifier(column)),
        sql`, `,
      );
      const expected = rowsOf<Record<string, unknown>>(await platform.database.db.execute(sql`select ${columns} from ${tableSql(target)} where ${target.about(member)}`));
      assert.ok(expected.length > 0, `le test doit créer au moins une ligne de ${key} pour le membre (tests/support/personal-data-builder.ts)`);
      assert.deepEqual(keysOf(tables[key]!, primaryKey), keysOf(expected, primaryKey), `lignes exportées de ${key}`);
    }
  });

  it("leaves out every other member's rows", async () => {
    const { tables } = await downloadExport(member);
    const text = JSON.stringify(tables);
    assert.ok(!text.includes(other.id), "l’identifiant d’un autre membre figure dans l’export");
    assert.ok(!text.includes(other.email), "l’adresse d’un autre membre figure dans l’export");
  });

  it("never exports a secret: no token hash, no id token, no live sign-in token", async () => {
    const { response, tables } = await downloadExport(member);
    const hashes = await platform.database.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, member.id));
    assert.ok(hashes.length > 0);
    for (const { tokenHash } of hashes) assert.ok(!response.body.includes(tokenHash), "une empreinte de jeton de session est exportée");
    assert.doesNotMatch(response.body, /token_hash|id_token|tokenHash|idToken/);
    assert.doesNotMatch(response.body, /jeton=(?!\[masqué\])/);
    assert.match(JSON.stringify(tables.dev_mails), /jeton=\[masqué\]/);
  });

  it("downloads as a dated JSON attachment that is not cached", async () => {
    const { response } = await downloadExport(member);
    assert.match(String(response.headers["content-type"]), /^application\/json; charset=utf-8/);
    assert.match(String(response.headers["content-disposition"]), /^attachment; filename="donnees-programme-10-\d{4}-\d{2}-\d{2}\.json"$/);
    assert.equal(response.headers["cache-control"], "no-store");
  });

  it("shows every section as a table, with where to correct it, and no secret", async () => {
    const response = await member.session.get("/compte/donnees");
    assert.equal(response.statusCode, 200);
    // Long values carry <wbr/> break opportunities: compare the text without them.
    const html = response.body.replace(/<wbr\/>/g, "");
    for (const title of [
      "Compte",
      "Rôles",
      "Sessions",
      "Liens de connexion",
      "Profil",
      "Compétences",
      "Participations",
      "Compétences proposées",
      "Contributions au contenu (révisions)",
      "Domaines de messagerie ajoutés",
      "Courriels envoyés (boîte d’envoi locale, hors production)",
    ]) {
      assert.match(html, new RegExp(`<h2 id="[^"]+" class="fr-h4">${title.replace(/[()]/g, "\\$&")} \\(`), `section « ${title} » absente`);
    }
    assert.match(html, /<caption>Compte<\/caption>/);
    assert.ok(html.includes("Exportine"), "le prénom n’est pas affiché");
    assert.ok(html.includes("Data scientist"), "le métier n’est pas traduit");
    assert.ok(html.includes("Expert·e"), "le niveau n’est pas traduit");
    assert.ok(html.includes("Équipe du programme"), "le rôle n’est pas traduit");
    assert.ok(html.includes('href="/compte"'), "lien de correction du compte absent");
    assert.ok(html.includes('href="/compte#sessions"'), "lien de fermeture des sessions absent");
    assert.ok(html.includes(`href="/annuaire/${member.slug}/modifier"`), "lien de correction du profil absent");
    assert.ok(html.includes('href="/compte/donnees.json"') && html.includes('href="/compte/suppression"'));
    assert.ok(!html.includes(other.email), "l’adresse d’un autre membre est affichée");
    assert.doesNotMatch(html, /jeton=(?!\[masqué\])/);
  });

  it("names the category of a proposed skill in French, not by its code", async () => {
    await platform.database.db.insert(skills).values({ slug: "dbt-export", name: "dbt pour l’export", category: "data-engineering", status: "proposed", proposedBy: member.id });
    const html = (await member.session.get("/compte/donnees")).body;
    const section = html.slice(html.indexOf("Compétences proposées ("), html.indexOf("</section>", html.indexOf("Compétences proposées (")));
    assert.ok(section.includes("dbt pour l’export"), "la compétence proposée est absente");
    assert.ok(section.includes("<td>Ingénierie des données</td>"), "la catégorie n’est pas traduite");
    assert.ok(!section.includes("data-engineering"), "le code de la catégorie est affiché");
  });
});
