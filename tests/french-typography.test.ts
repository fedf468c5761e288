import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { httpSessionOn, signInOverHttp } from "./support/http-sign-in.ts";
import type { HttpSession } from "./support/http.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { numberMistakes, typographyMistakes, visibleText } from "./support/french-typography.ts";

describe("French typography of the platform's own pages", () => {
  let platform: TestPlatform;
  let team: HttpSession;
  let visitor: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    visitor = httpSessionOn(platform);
  });
  after(async () => {
    await platform?.stop();
  });

  it("spots the mistakes it looks for, and nothing in correct text, addresses or times", () => {
    assert.deepEqual(typographyMistakes("Par exemple : prenom.nom@insee.fr"), ["Par exemple :"]);
    assert.deepEqual(typographyMistakes("Attention: relisez"), ["Attention:"]);
    assert.deepEqual(typographyMistakes("le « Menu » du site"), ["le « Menu » du", "le « Menu »"]);
    assert.deepEqual(typographyMistakes("Par exemple\u00a0: «\u00a0Menu\u00a0», à 14:30, sur https://example.fr/a?b=c\u00a0; mailto:x@y.fr\u202f!"), []);
  });

  it("spots « 1 janvier » and plurals below two (« 0 projets »), and nothing in « 1er janvier », « 21 janvier », « 0 projet », « 10 projets »", () => {
    assert.deepEqual(typographyMistakes("Clôture le 1 janvier 2027, ouverture le 1\u00a0mars."), ["1 janvier", "1\u00a0mars"]);
    assert.deepEqual(typographyMistakes("0 projets, 1\u00a0membres et 0 bureaux."), ["0 projets", "1\u00a0membres", "0 bureaux"]);
    assert.deepEqual(
      typographyMistakes("Le 1er janvier, le 21 janvier, le 11 mars\u00a0: 0 projet, 1 membre, 10 projets, 1\u202f000 projets, 1,5 jours, 0 fois, 1 mois, étape 1 sur 3, page 1 dans la liste."),
      [],
    );
  });

  for (const path of ["/accessibilite", "/mentions-legales", "/donnees-personnelles", "/compte", "/compte/donnees", "/compte/suppression", "/admin"]) {
    it(`writes ${path} with non-breaking spaces before « : ; ? ! » and inside « », « 1er » and the singular below two`, async () => {
      const response = await team.get(path);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(typographyMistakes(visibleText(response.body)), []);
    });
  }

  // Pages with counts and dates (the demo's seasons, projects, events and members). They also show the
  // imported site's titles and summaries as written: only the platform's numbers are checked there.
  for (const path of ["/", "/saisons", "/projets", "/evenements", "/formations", "/appel-a-projets", "/annuaire", "/annuaire?q=python", "/annuaire?q=ornithorynque", "/annuaire/competences", "/admin/competences", "/admin/saisons"]) {
    it(`writes the counts and dates of ${path} in French (« 1er », the singular below two)`, async () => {
      const response = await team.get(path);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(numberMistakes(visibleText(response.body)), []);
    });
  }

  it("writes a new season's dates and empty figures in French (« 1er janvier », « 0 projet »)", async () => {
    const created = await team.post("/admin/saisons/nouvelle", { name: "Saison typographique", slug: "2031", startsOn: "2031-01-01", endsOn: "2031-12-01" });
    assert.equal(created.statusCode, 303);
    for (const path of ["/saisons/2031", "/saisons", "/admin/saisons", created.headers.location as string]) {
      const response = await team.get(path);
      assert.equal(response.statusCode, 200, path);
      assert.deepEqual(numberMistakes(visibleText(response.body)), [], path);
    }
    const page = visibleText((await team.get("/saisons/2031")).body);
    assert.match(page, /1er janvier 2031/);
  });

  it("lets date pickers (type=\"date\") speak for their format: no « Format attendu : AAAA-MM-JJ » beside them", async () => {
    const seasonId = /\/admin\/saisons\/([\w-]+)/.exec((await team.get("/admin/saisons")).body.match(/href="\/admin\/saisons\/[\w-]{36}"/)?.[0] ?? "")?.[1];
    const pages = ["/admin/saisons/nouvelle", "/admin/evenements/nouveau", "/admin/evenements/nouvelle-serie", "/admin/contenus/nouveau?type=news", ...(seasonId ? [`/admin/saisons/${seasonId}`] : [])];
    let dateFields = 0;
    for (const path of pages) {
      const response = await team.get(path);
      assert.equal(response.statusCode, 200, path);
      // Each date input's group: its label (and hint) up to the input.
      for (const group of response.body.matchAll(/<div class="fr-input-group[^"]*">((?:(?!<div class="fr-input-group)[\s\S])*?)<input[^>]* type="date"/g)) {
        dateFields += 1;
        assert.doesNotMatch(visibleText(group[1]!), /AAAA-MM-JJ|aaaa-mm-jj|Format attendu/i, `${path} : ${visibleText(group[1]!)}`);
      }
    }
    assert.ok(dateFields >= 4, `${dateFields} champs de date vus`);
  });

  it("writes /connexion, the refusal of an address and the signed-out page the same way", async () => {
    const form = await visitor.get("/connexion");
    assert.equal(form.statusCode, 200);
    assert.deepEqual(typographyMistakes(visibleText(form.body)), []);
    const refused = await visitor.post("/connexion", { email: "secretariat@mairie-paris.fr" });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(typographyMistakes(visibleText(refused.body)), []);
    const signedOut = await visitor.get("/deconnexion/terminee");
    assert.equal(signedOut.statusCode, 200);
    assert.deepEqual(typographyMistakes(visibleText(signedOut.body)), []);
  });
});
