import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import type { ContentFields } from "../domain/content-item.ts";
import { createSaveContentItem } from "../use-cases/save-content-item.ts";

const now = new Date("2026-03-10T09:00:00Z");
const author = { userId: null, label: "Test" };

function fields(overrides: Partial<ContentFields> & Pick<ContentFields, "kind" | "slug" | "title">): ContentFields {
  return { summary: null, body: "", bodyFormat: "markdown", coverImage: null, coverImageAlt: null, tags: [], date: null, status: "published", publishAt: null, details: {}, ...overrides };
}

/** The links of the result list, in order. */
function resultPaths(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-h6[^"]*"><a href="([^"]+)"/g)].map((match) => match[1]!);
}

function countHeading(html: string): string | undefined {
  return /<h2 class="fr-h4" id="resultats">([^<]*)<\/h2>/.exec(html)?.[1];
}

describe("site search", () => {
  let platform: TestPlatform;
  const search = (query: string) => platform.app.inject(`/recherche?${query}`);

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now }, config: { SEED_DEMO: "false" } });
    const save = createSaveContentItem({ db: platform.database.db, clock: { now: () => now } });
    const items: ContentFields[] = [
      fields({
        kind: "news",
        slug: "donnees-ouvertes",
        title: "Données ouvertes",
        summary: "Le point sur l’ouverture.",
        body: "## Pourquoi\n\nLes **données** publiques sont un bien commun. Le reste du texte parle d’autre chose.",
        date: new Date("2026-02-14T10:00:00Z"),
      }),
      fields({ kind: "training", slug: "statistiques", title: "Statistiques pour débuter", summary: "Une formation d’une journée.", body: "Apprendre les bases." }),
      fields({ kind: "page", slug: "programme/ete", title: "L’été des projets", body: "Ce que fait le programme en juillet." }),
      fields({ kind: "project", slug: "carto", title: "Cartographie", summary: `Un projet <script>alert("x")</script> sur les données de la carte.`, body: "Du texte." }),
      fields({ kind: "event", slug: "atelier", title: "Atelier", summary: "Un atelier sur les données.", details: { startsAt: "2026-04-02T12:00:00Z" } }),
      fields({ kind: "news", slug: "brouillon", title: "Données secrètes en brouillon", status: "draft" }),
      fields({ kind: "news", slug: "programmee", title: "Données secrètes programmées", publishAt: new Date("2026-06-01T00:00:00Z") }),
      ...Array.from({ length: 12 }, (_, index) =>
        fields({ kind: "news", slug: `quinoa-${index + 1}`, title: `Épisode ${index + 1}`, body: "Le quinoa du jour.", date: new Date(Date.UTC(2025, 0, index + 1)) }),
      ),
    ];
    for (const item of items) await save({ fields: item, author, note: "Création" });
  });
  after(async () => {
    await platform?.stop();
  });

  it("shows only the search form without a query", async () => {
    const response = await search("q=");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<label class="fr-label" for="recherche-input">Rechercher sur le site<\/label>/);
    assert.equal(countHeading(response.body), undefined);
    assert.doesNotMatch(response.body, /Type de contenu/);
  });

  it("finds « Données ouvertes » from « donnees » and highlights the title and the excerpt", async () => {
    const response = await search("q=donnees");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["cache-control"], "no-cache");
    const paths = resultPaths(response.body);
    assert.equal(paths[0], "/actualites/donnees-ouvertes", "le titre compte le plus");
    assert.deepEqual([...paths].sort(), ["/actualites/donnees-ouvertes", "/evenements/atelier", "/projets/carto"]);
    assert.equal(countHeading(response.body), "3 résultats pour «\u00a0donnees\u00a0»");
    assert.match(response.body, /<a href="\/actualites\/donnees-ouvertes"><mark>Données<\/mark> ouvertes<\/a>/);
    assert.match(response.body, /Les <mark>données<\/mark> publiques sont un bien commun/);
    assert.match(response.body, /<span class="fr-badge fr-badge--sm">Actualité<\/span>|<p class="fr-badge fr-badge--sm">Actualité<\/p>/);
    assert.match(response.body, /<time dateTime="2026-02-14T10:00:00.000Z">14 février 2026<\/time>|<time datetime="2026-02-14T10:00:00.000Z">14 février 2026<\/time>/);
  });

  it("ignores case and accents in the query: « DONNÉES » finds the same", async () => {
    const paths = resultPaths((await search(`q=${encodeURIComponent("DONNÉES")}`)).body);
    assert.equal(paths[0], "/actualites/donnees-ouvertes");
    assert.equal(paths.length, 3);
  });

  it("stems French words: « formations » finds « formation », « ete » finds « été »", async () => {
    assert.deepEqual(resultPaths((await search("q=formations")).body), ["/formations/statistiques"]);
    const summer = await search("q=ete");
    assert.deepEqual(resultPaths(summer.body), ["/programme/ete"]);
    assert.equal(countHeading(summer.body), "1 résultat pour «\u00a0ete\u00a0»");
    assert.match(summer.body, /L’<mark>été<\/mark> des projets/);
  });

  it("never finds drafts or posts scheduled for later", async () => {
    const response = await search("q=secretes");
    assert.deepEqual(resultPaths(response.body), []);
    assert.equal(countHeading(response.body), "Aucun résultat pour «\u00a0secretes\u00a0»");
    assert.match(response.body, /vérifiez l’orthographe des mots/);
    assert.doesNotMatch(response.body, /Données secrètes/);
  });

  it("escapes markup from the query and from the content", async () => {
    const response = await search(`q=${encodeURIComponent(`<script>alert(1)</script> carte`)}`);
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.match(response.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const project = await search("q=carte");
    assert.deepEqual(resultPaths(project.body), ["/projets/carto"]);
    assert.doesNotMatch(project.body, /<script>alert/);
    // The summary is read as the page shows it: the stripped script leaves no text.
    assert.match(project.body, /Un projet sur les données de la <mark>carte<\/mark>/);
    assert.doesNotMatch(project.body, /alert\(&quot;x&quot;\)/);
  });

  it("filters by type, keeping the counts of every type", async () => {
    const response = await search("q=donnees&type=projet");
    assert.deepEqual(resultPaths(response.body), ["/projets/carto"]);
    assert.equal(countHeading(response.body), "1 résultat pour «\u00a0donnees\u00a0»");
    assert.match(response.body, /<input type="radio" id="type-projet" name="type" checked="" value="projet"\/>/);
    assert.match(response.body, />Actualités \(1\)</);
    assert.match(response.body, />Tous les contenus \(3\)</);
    assert.deepEqual(resultPaths((await search("q=donnees&type=formation")).body), []);
    assert.equal(resultPaths((await search("q=donnees&type=inconnu")).body).length, 3);
  });

  it("pages the results ten at a time", async () => {
    const first = await search("q=quinoa");
    assert.equal(countHeading(first.body), "12 résultats pour «\u00a0quinoa\u00a0»");
    assert.equal(resultPaths(first.body).length, 10);
    assert.match(first.body, /href="\/recherche\?q=quinoa&amp;page=2"/);
    const second = await search("q=quinoa&page=2");
    assert.equal(resultPaths(second.body).length, 2);
    assert.equal(new Set([...resultPaths(first.body), ...resultPaths(second.body)]).size, 12);
  });

  it("falls back on titles that look like the query when its words match nothing", async () => {
    const response = await search(`q=${encodeURIComponent("donées ouvretes")}`);
    assert.deepEqual(resultPaths(response.body), ["/actualites/donnees-ouvertes"]);
    assert.equal(countHeading(response.body), "Aucun résultat exact pour «\u00a0donées ouvretes\u00a0»");
    assert.match(response.body, /Voici un contenu dont le titre s’en approche\./);
  });

  it("refuses an over-long query with a message beside the field", async () => {
    const response = await search(`q=${"données ".repeat(30)}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<p class="fr-message fr-message--error">Votre recherche ne peut dépasser 200 caractères\. Raccourcissez-la\.<\/p>/);
    assert.match(response.body, /aria-invalid="true"/);
    assert.deepEqual(resultPaths(response.body), []);
  });

  it("offers the search in the header of every page, as a plain GET form", async () => {
    const response = await platform.app.inject("/mentions-legales");
    assert.match(response.body, /<div class="fr-header__search fr-modal" id="modale-recherche" aria-labelledby="bouton-recherche">/);
    assert.match(response.body, /<form action="\/recherche" method="get"><div class="fr-search-bar" id="recherche-entete" role="search"><label class="fr-label" for="recherche-entete-input">Rechercher sur le site<\/label><input [^>]*id="recherche-entete-input" type="search"[^>]* name="q"/);
    const ids = [...(await search("q=donnees")).body.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(new Set(ids).size, ids.length, "identifiants en double");
  });
});
