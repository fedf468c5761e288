import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { events } from "../../../db/schema/index.ts";
import type { ContentFields } from "../domain/content-item.ts";
import { createSaveContentItem } from "../use-cases/save-content-item.ts";

let platform: TestPlatform;
let now = new Date("2024-06-01T10:00:00Z");
const clock = { now: () => now };
const author = { userId: null, label: "Test" };

function fields(overrides: Partial<ContentFields> & Pick<ContentFields, "kind" | "slug" | "title">): ContentFields {
  return {
    summary: null,
    body: "",
    bodyFormat: "markdown",
    coverImage: null,
    coverImageAlt: null,
    tags: [],
    date: null,
    status: "published",
    publishAt: null,
    details: {},
    ...overrides,
  };
}

async function save(overrides: Parameters<typeof fields>[0], id?: string) {
  return (await createSaveContentItem({ db: platform.database.db, clock })({ id, fields: fields(overrides), author, note: "Test" })).item;
}

async function get(url: string) {
  return platform.app.inject({ method: "GET", url });
}

/** Short failure messages: the pages are long. */
function expectMatch(html: string, pattern: RegExp, label = "") {
  const found = pattern.test(html);
  const excerpt = found ? "" : html.slice(html.indexOf("<main"), html.indexOf("</main>")).replace(/<header[\s\S]*<\/header>/, "").slice(0, 1500);
  assert.ok(found, `${label} ${pattern} absent de :\n${excerpt}`);
}

function expectNoMatch(html: string, pattern: RegExp) {
  assert.ok(!pattern.test(html), `${pattern} présent`);
}

/** The visible text of the cards' titles, in page order. */
function cardTitles(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-card__title"><a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]!);
}

describe("public site", () => {
  before(async () => {
    platform = await startTestPlatform({ config: { SEED_DEMO: "false", PUBLIC_URL: "https://10pourcent.example.gouv.fr" }, clock });
    // Eleven published posts, one a month from January 2023 (Paris time), tagged by parity.
    for (let month = 1; month <= 11; month++) {
      await save({
        kind: "news",
        slug: `post-${month}`,
        title: `Actualité numéro ${month}`,
        summary: `Résumé ${month} avec [un lien](https://example.org/${month}).`,
        body: `## Détails\n\nTexte de l’actualité ${month}.`,
        date: new Date(Date.UTC(2023, month - 1, 14, 9)),
        tags: month % 2 === 0 ? ["pair", "données"] : ["impair"],
      });
    }
    await save({ kind: "news", slug: "ancienne", title: "Une actualité de 2022", date: new Date("2022-12-31T23:30:00Z"), tags: ["impair"] });
    await save({ kind: "news", slug: "brouillon", title: "Brouillon secret", status: "draft", date: new Date("2024-01-01T00:00:00Z") });
    await save({ kind: "news", slug: "programmee", title: "Annonce programmée", publishAt: new Date("2024-07-01T08:00:00Z"), date: new Date("2024-07-01T08:00:00Z") });
  });
  after(async () => {
    await platform.stop();
  });

  it("lists only published, due news, newest first, nine per page", async () => {
    const first = await get("/actualites");
    assert.equal(first.statusCode, 200);
    assert.deepEqual(cardTitles(first.body), [11, 10, 9, 8, 7, 6, 5, 4, 3].map((month) => `Actualité numéro ${month}`));
    expectMatch(first.body, /12 actualités/);
    expectNoMatch(first.body, /Brouillon secret|Annonce programmée/);
    expectMatch(first.body, /href="\/actualites\?page=2"/);
    const second = await get("/actualites?page=2");
    assert.deepEqual(cardTitles(second.body), ["Actualité numéro 2", "Actualité numéro 1", "Une actualité de 2022"]);
    expectMatch(second.body, /<title>Actualités \(page 2 sur 2\)/);
  });

  it("answers 404, never 500, for a page of the list that does not exist", async () => {
    for (const page of ["3", "0", "abc", "-1", "99999999999"]) assert.equal((await get(`/actualites?page=${page}`)).statusCode, 404, page);
  });

  it("filters news by theme and by year through a form that works without JavaScript, keeping filters in the pagination", async () => {
    const form = await get("/actualites");
    expectMatch(form.body, /<form class="fr-mb-4w" aria-label="Filtrer les actualités" action="\/actualites" method="get">/);
    expectMatch(form.body, /<select[^>]*name="etiquette"/);
    expectMatch(form.body, /<option value="données">données<\/option>/);
    // 31 December 2022 23:30 UTC is already 2023 in Paris: no 2022 to choose.
    expectMatch(form.body, /<option value="2023">2023<\/option>/);
    expectNoMatch(form.body, /<option value="2022">/);
    expectMatch(form.body, /<button class="fr-btn" type="submit">Filtrer<\/button>/);

    const even = await get(`/actualites?etiquette=${encodeURIComponent("données")}`);
    assert.deepEqual(cardTitles(even.body), [10, 8, 6, 4, 2].map((month) => `Actualité numéro ${month}`));
    expectMatch(even.body, /<option value="données" selected="">/);

    const year2022 = await get("/actualites?annee=2022");
    assert.equal(cardTitles(year2022.body).length, 0);
    expectMatch(year2022.body, /Aucune actualité ne correspond à ces filtres/);
    const odd2023 = await get("/actualites?etiquette=impair&annee=2023");
    assert.deepEqual(cardTitles(odd2023.body), ["Actualité numéro 11", "Actualité numéro 9", "Actualité numéro 7", "Actualité numéro 5", "Actualité numéro 3", "Actualité numéro 1", "Une actualité de 2022"]);

    const all2023 = await get("/actualites?annee=2023");
    expectMatch(all2023.body, /href="\/actualites\?annee=2023&amp;page=2"/);
    assert.equal(cardTitles((await get("/actualites?annee=2023&page=2")).body).length, 3);

    for (const odd of ["annee=deux-mille", "etiquette=" + "x".repeat(5000), "etiquette=%E2%9C%93", "annee=&etiquette="]) {
      assert.equal((await get(`/actualites?${odd}`)).statusCode, 200, odd);
    }
    assert.equal((await get("/actualites?etiquette=%00")).statusCode, 400, "a NUL byte is refused in one place (ADR 0027)");
  });

  it("shows a post with its French date, lead, cover image and its alternative text, tags and neighbours", async () => {
    await save({
      kind: "news",
      slug: "avec-image",
      title: "Le bootcamp en images",
      summary: "Retour sur le **bootcamp**, voir [le programme](/programme).",
      body: "# Le jour J\n\nUne belle journée.",
      coverImage: "/medias/bootcamp.jpg",
      coverImageAlt: "Les participants du bootcamp devant l’Insee",
      date: new Date("2023-02-14T10:00:00Z"),
      tags: ["bootcamp"],
    });
    const response = await get("/actualites/avec-image");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    expectMatch(html, /<h1>Le bootcamp en images<\/h1>/);
    expectMatch(html, /Publié le <time dateTime="2023-02-14T10:00:00.000Z">14 février 2023<\/time>/);
    expectMatch(html, /<p class="fr-text--lead fr-mb-4w">Retour sur le <strong>bootcamp<\/strong>, voir <a href="\/programme">le programme<\/a>.<\/p>/);
    expectMatch(html, /<img class="fr-responsive-img" src="\/medias\/bootcamp.jpg" alt="Les participants du bootcamp devant l’Insee"\/>/);
    expectMatch(html, /<h2>Le jour J<\/h2>/);
    expectMatch(html, /<a class="fr-tag" href="\/actualites\?etiquette=bootcamp">bootcamp<\/a>/);
    // Same day as post 2 (14 February 2023 09:00 UTC), one hour later: between post 2 and post 3.
    expectMatch(html, /Actualité précédente\u00a0: Actualité numéro 2/);
    expectMatch(html, /Actualité suivante\u00a0: Actualité numéro 3/);
    expectMatch(html, /<link rel="canonical" href="https:\/\/10pourcent.example.gouv.fr\/actualites\/avec-image"\/>/);
    expectMatch(html, /<meta property="og:image" content="https:\/\/10pourcent.example.gouv.fr\/medias\/bootcamp.jpg"\/>/);
    expectMatch(html, /<meta property="og:type" content="article"\/>/);
    expectMatch(html, /<meta property="og:description" content="Retour sur le bootcamp, voir le programme."\/>/);
    expectMatch(html, /<link rel="alternate" type="application\/atom\+xml" title="Actualités du Programme 10 %" href="\/actualites\/flux.atom"\/>/);

    const newest = await get("/actualites/post-11");
    expectMatch(newest.body, /Actualité précédente\u00a0: Actualité numéro 10/);
    expectNoMatch(newest.body, /Actualité suivante/);
    expectNoMatch(newest.body, /<img class="fr-responsive-img"/);
  });

  it("shows titles and summaries as text, never as markup", async () => {
    await save({ kind: "news", slug: "hostile", title: "<script>alert(1)</script> Titre", summary: "<img src=x onerror=alert(1)> [clic](javascript:alert(1))", date: new Date("2020-01-01T00:00:00Z") });
    const html = (await get("/actualites/hostile")).body;
    expectMatch(html, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; Titre<\/h1>/);
    expectNoMatch(html, /<script>alert|onerror|javascript:/);
  });

  it("hides drafts and scheduled items until their time, then shows them", async () => {
    assert.equal((await get("/actualites/brouillon")).statusCode, 404);
    assert.equal((await get("/actualites/programmee")).statusCode, 404);
    now = new Date("2024-07-01T09:00:00Z");
    try {
      const due = await get("/actualites/programmee");
      assert.equal(due.statusCode, 200);
      expectMatch(due.body, /1 juillet 2024|1er juillet 2024/);
    } finally {
      now = new Date("2024-06-01T10:00:00Z");
    }
  });

  it("still shows an imported project page without project entity, with its season, administrations, GitHub and Tchap links and responsible", async () => {
    await save({
      kind: "project",
      slug: "cartiflette",
      title: "Cartiflette",
      summary: "Des fonds de carte administratifs prêts à l’emploi.",
      body: "## Objectifs\n\nSimplifier la cartographie.",
      details: { githubUrl: "https://github.com/InseeFrLab/cartiflette", tchapUrl: "https://tchap.gouv.fr/#/room/#cartiflette:agent.finances.tchap.gouv.fr", administrations: ["Insee", "IGN"], season: 2023, responsible: "Lino Galiana" },
    });
    await save({ kind: "project", slug: "ancien", title: "Projet de la première saison", details: { season: 2022 } });
    await save({ kind: "project", slug: "sans-saison", title: "Projet sans saison" });
    const html = (await get("/projets/cartiflette")).body;
    expectMatch(html, /<h1>Cartiflette<\/h1>/);
    expectMatch(html, /Saison 2023/);
    expectMatch(html, /<p class="fr-tag">Insee<\/p>/);
    expectMatch(html, /<p class="fr-tag">IGN<\/p>/);
    expectMatch(html, /href="https:\/\/github.com\/InseeFrLab\/cartiflette"/);
    expectMatch(html, /href="https:\/\/tchap.gouv.fr\/#\/room\/#cartiflette:agent.finances.tchap.gouv.fr"/);
    expectMatch(html, /Lino Galiana/);
    expectMatch(html, /<h2>Objectifs<\/h2>/);

    // `/projets` lists the project entities of the projects module, grouped by season (src/modules/projects/routes.test.ts).
  });

  // `/formations` and `/evenements` list the events module's agenda (src/modules/events/agenda-routes.test.ts);
  // the store's own training and event items stay for search, feeds and the home page.
  it("still shows a training or an event of the store at its old address while no event of the agenda stands for it", async () => {
    await save({
      kind: "training",
      slug: "python-avance",
      title: "Python avancé",
      date: new Date("2023-03-02T13:00:00Z"),
      details: { season: 2023, trainers: "Équipe Insee", replayUrl: "https://tube.example.org/replay", slidesUrl: "https://example.org/slides.pdf" },
    });
    const page = await get("/formations/python-avance");
    assert.equal(page.statusCode, 200);
    expectMatch(page.body, /<h1>Python avancé<\/h1>/);
    expectMatch(page.body, /2 mars 2023/);
    expectMatch(page.body, /href="https:\/\/tube.example.org\/replay"[^>]*>Voir le replay<\/a>/);
    expectMatch(page.body, /href="https:\/\/example.org\/slides.pdf"[^>]*>Voir les supports<\/a>/);

    await save({
      kind: "event",
      slug: "atelier-passe",
      title: "Atelier de décembre",
      details: { startsAt: "2022-12-05T13:00:00Z", endsAt: "2022-12-05T17:00:00Z", location: "Paris, Ségur" },
    });
    await save({
      kind: "event",
      slug: "atelier-a-venir",
      title: "Atelier de rentrée",
      details: { startsAt: "2024-09-12T07:30:00Z", endsAt: "2024-09-12T15:00:00Z", location: "En ligne", registrationUrl: "https://example.org/inscription" },
    });
    const event = (await get("/evenements/atelier-a-venir")).body;
    expectMatch(event, /12 septembre 2024, de 9\u00a0h\u00a030 à\u00a017\u00a0h/);
    expectMatch(event, /href="https:\/\/example.org\/inscription"/);
    expectMatch(event, /En ligne/);
    assert.equal((await get("/evenements")).statusCode, 200);
    assert.equal((await get("/formations")).statusCode, 200);
  });

  it("shows the home page with its lead, season, next events, latest three news and key figures", async () => {
    await save({ kind: "page", slug: "accueil", title: "Accueil", summary: "Le programme des experts de la donnée." });
    // The next events and the figures of events and trainings come from the events module's agenda.
    await platform.database.db.insert(events).values([
      { slug: "atelier-de-rentree", kind: "atelier", title: "Atelier de rentrée", startsAt: new Date("2024-09-12T07:30:00Z"), endsAt: new Date("2024-09-12T15:00:00Z"), placeName: "Ségur", inPersonCapacity: 30, remoteCapacity: 50 },
      { slug: "atelier-de-decembre", kind: "atelier", title: "Atelier de décembre", startsAt: new Date("2023-12-05T13:00:00Z"), endsAt: new Date("2023-12-05T17:00:00Z") },
      { slug: "formation-python", kind: "formation", title: "Formation Python", startsAt: new Date("2023-03-30T12:00:00Z"), endsAt: new Date("2023-03-30T13:30:00Z") },
    ]);
    const html = (await get("/")).body;
    expectMatch(html, /<h1>Programme 10\u00a0%<\/h1>/);
    expectMatch(html, /Le programme des experts de la donnée\./);
    expectMatch(html, /Saison 2023/);
    expectMatch(html, /<a href="\/evenements\/atelier-de-rentree">Atelier de rentrée<\/a>/);
    expectMatch(html, /Jeudi 12 septembre 2024, 9\u00a0h\u00a030 – 17\u00a0h · <span[^>]*><\/span>Ségur et en ligne/);
    expectNoMatch(html, /Atelier de décembre/);
    assert.deepEqual(cardTitles(html), ["Actualité numéro 11", "Actualité numéro 10", "Actualité numéro 9"]);
    expectMatch(html, /<p class="fr-display--xs fr-mb-0">3<\/p><p class="fr-text--lg">projets publiés<\/p>/);
    expectMatch(html, /<p class="fr-display--xs fr-mb-0">2<\/p><p class="fr-text--lg">ateliers et événements<\/p>/);
    expectMatch(html, /<p class="fr-display--xs fr-mb-0">1<\/p><p class="fr-text--lg">formation<\/p>/);
    expectMatch(html, /href="\/rejoindre"/);
  });

  it("serves any page at its path, with its sub-pages as cards and a breadcrumb", async () => {
    await save({ kind: "page", slug: "programme", title: "Le programme", summary: "Dix pour cent du temps.", body: "Présentation." });
    await save({ kind: "page", slug: "programme/contribuer", title: "Contribuer", summary: "Comment proposer un projet." });
    await save({ kind: "page", slug: "programme/brouillon", title: "Page brouillon", status: "draft" });
    const programme = (await get("/programme")).body;
    expectMatch(programme, /<h1>Le programme<\/h1>/);
    expectMatch(programme, /<a href="\/programme\/contribuer">Contribuer<\/a>/);
    expectNoMatch(programme, /Page brouillon/);
    const page = await get("/programme/contribuer");
    assert.equal(page.statusCode, 200);
    expectMatch(page.body, /<a class="fr-breadcrumb__link" href="\/programme">Le programme<\/a>/);
    assert.equal((await get("/programme/brouillon")).statusCode, 404);
  });

  it("redirects an address ending with a slash to the same address without it, query kept", async () => {
    const response = await get("/actualites/?annee=2023");
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, "/actualites?annee=2023");
    assert.equal((await get("/programme/contribuer/")).headers.location, "/programme/contribuer");
    const sneaky = await get("//example.org/");
    assert.equal(sneaky.statusCode, 301);
    assert.equal(sneaky.headers.location, "/example.org");
  });

  it("redirects the old address of an item whose slug changed, with a 301", async () => {
    const item = await save({ kind: "news", slug: "ancien-nom", title: "Renommée", date: new Date("2019-01-01T00:00:00Z") });
    await save({ kind: "news", slug: "nouveau-nom", title: "Renommée", date: new Date("2019-01-01T00:00:00Z") }, item.id);
    const response = await get("/actualites/ancien-nom");
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, "/actualites/nouveau-nom");
    const withSlash = await get("/actualites/ancien-nom/");
    assert.equal(withSlash.statusCode, 301);
    assert.equal(withSlash.headers.location, "/actualites/nouveau-nom", "one hop, not two");
    const page = await save({ kind: "page", slug: "ancienne-page", title: "Page renommée" });
    await save({ kind: "page", slug: "nouvelle-page", title: "Page renommée" }, page.id);
    assert.equal((await get("/ancienne-page")).headers.location, "/nouvelle-page");
  });

  it("answers 404, never 500, for unknown or odd addresses, and keeps the other routes working", async () => {
    for (const url of ["/page-inexistante", "/actualites/inconnue", "/projets/inconnu", `/${"a".repeat(5000)}`, `/actualites/${"b".repeat(5000)}`, "/d%C3%A9j%C3%A0-vu", "/%E2%9C%93/%F0%9F%98%80"]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      expectMatch(response.body, /Page non trouvée/, url);
    }
    assert.ok([400, 404].includes((await get("/%E0%A4%A")).statusCode));
    for (const url of ["/%00", "/actualites/%00", "/programme/%00/x"]) {
      assert.ok([400, 404].includes((await get(url)).statusCode), url);
    }
    assert.equal((await get("/connexion")).statusCode, 200);
    assert.equal((await get("/plan-du-site")).statusCode, 200);
    assert.equal((await get("/dsfr/dsfr.min.css")).statusCode, 200);
    assert.equal((await get("/static/app.css")).statusCode, 200);
    assert.equal((await get("/medias/inconnu.png")).statusCode, 404);
  });

  it("marks the current section in the main menu", async () => {
    const html = (await get("/actualites/post-1")).body;
    expectMatch(html, /<a class="fr-nav__link" href="\/actualites" aria-current="page">Actualités<\/a>/);
    expectMatch(html, /<a class="fr-nav__link" href="\/rejoindre">Rejoindre<\/a>/);
  });
});
