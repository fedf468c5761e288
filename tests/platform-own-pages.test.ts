import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { numberMistakes, typographyMistakes, visibleText } from "./support/french-typography.ts";
import { HttpSession } from "./support/http.ts";
import { signInOverHttp } from "./support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/** Links to the forms and services of the old site that the platform replaces. */
const oldForms = /framaforms|f\.info\.etalab\.gouv\.fr|eventbrite/i;

function assertJoinPage(html: string) {
  assert.match(html, /<h1>Rejoindre la communauté<\/h1>/);
  assert.match(html, /href="\/rejoindre\/inscription"/);
  assert.match(html, /10\u00a0% de (leur|votre) temps de travail/);
  assert.match(html, /accord de (son|votre) manager/);
  assert.match(html, /href="\/evenements"/);
  assert.match(html, /href="\/connexion\?retour=%2Frejoindre%2Finscription"/);
  assert.doesNotMatch(html, oldForms);
  assert.deepEqual(typographyMistakes(visibleText(html)), []);
  assert.deepEqual(numberMistakes(visibleText(html)), []);
}

describe("the platform's own pages without any imported content", () => {
  let platform: TestPlatform;
  let contentDir: string;
  before(async () => {
    contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "p10-empty-content-"));
    platform = await startTestPlatform({ config: { CONTENT_DIR: contentDir } });
  });
  after(async () => {
    await platform.stop();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  it("serves the join page, the call, the agenda, the trainings, the projects and the seasons", async () => {
    const visitor = new HttpSession(platform.app);
    const pages: [string, RegExp][] = [
      ["/", /<h1>Programme 10.%<\/h1>[\s\S]*Prochains événements/],
      ["/rejoindre", /<h1>Rejoindre la communauté<\/h1>/],
      ["/appel-a-projets", /<h1>Appel à projets<\/h1>[\s\S]*Appel à défis d’intérêt commun/],
      ["/evenements", /<h1>Événements<\/h1>[\s\S]*Atelier du Programme 10.%/],
      ["/formations", /<h1>Formations<\/h1>[\s\S]*Évaluer un grand modèle de langage/],
      ["/projets", /<h1>Projets<\/h1>[\s\S]*href="\/appel-a-projets"/],
      ["/saisons", /<h1>Saisons<\/h1>[\s\S]*Saison 2022/],
    ];
    for (const [url, content] of pages) {
      const response = await visitor.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, content, url);
    }
    assertJoinPage((await visitor.get("/rejoindre")).body);
  });
});

describe("the platform's own pages over the imported programme site", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform.stop();
  });

  it("answers /rejoindre with the platform's join page, never the old questionnaire or newsletter form", async () => {
    const response = await new HttpSession(platform.app).get("/rejoindre");
    assert.equal(response.statusCode, 200);
    assertJoinPage(response.body);
    assert.equal(response.body.match(/<h1/g)?.length, 1);
  });

  it("offers a signed-in member the next step of their own joining instead of the sign-in link", async () => {
    const joined = await (await signInOverHttp(platform, "ines.benali@insee.fr")).get("/rejoindre");
    assert.match(joined.body, /<a class="fr-btn" href="\/annuaire\/ines-benali">Mon profil<\/a>/);
    assert.doesNotMatch(joined.body, /Déjà membre/);
    const newcomer = await (await signInOverHttp(platform, "tout.nouveau@insee.fr")).get("/rejoindre");
    assert.match(newcomer.body, /<a class="fr-btn" href="\/rejoindre\/inscription">Rejoindre la communauté<\/a>/);
    assert.doesNotMatch(newcomer.body, oldForms);
  });

  it("lists the projects with the platform's call for projects, not the old ideas form", async () => {
    const response = await new HttpSession(platform.app).get("/projets");
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, oldForms);
    assert.match(response.body, /href="\/appel-a-projets"/);
    assert.match(response.body, /Cartiflette/);
  });

  it("leads the old 2022 calendar to the seasons' calendars", async () => {
    const visitor = new HttpSession(platform.app);
    const response = await visitor.get("/programme/calendrier");
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, "/saisons");
    assert.doesNotMatch((await visitor.get("/")).body, /href="\/programme\/calendrier"/);
  });

  it("leads the old « Communauté : A venir » page to the community's join page", async () => {
    const visitor = new HttpSession(platform.app);
    const response = await visitor.get("/equipe");
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, "/rejoindre");
    assert.doesNotMatch((await visitor.get("/rejoindre")).body, /A venir/);
  });

  it("leaves the old pages at the platform's addresses out of the site search, the site map and the sub-page cards", async () => {
    const visitor = new HttpSession(platform.app);
    const search = await visitor.get("/recherche?q=questionnaire");
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /href="\/programme\/contribuer"/, "an ordinary page still matches");
    const results = search.body.slice(search.body.indexOf("<main"), search.body.indexOf("</main>"));
    for (const shadowed of ["/rejoindre", "/projets"]) assert.doesNotMatch(results, new RegExp(`href="${shadowed}"`), shadowed);
    const sitemap = (await visitor.get("/sitemap.xml")).body;
    assert.match(sitemap, /<loc>http:\/\/localhost:3000\/programme\/contribuer<\/loc>/);
    for (const shadowed of ["/equipe", "/programme/calendrier"]) assert.doesNotMatch(sitemap, new RegExp(`${shadowed}</loc>`), shadowed);
    const programme = (await visitor.get("/programme")).body;
    assert.match(programme, /href="\/programme\/contribuer"/);
    assert.doesNotMatch(programme, /href="\/programme\/calendrier"/);
  });
});
