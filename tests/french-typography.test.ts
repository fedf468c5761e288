import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { httpSessionOn, signInOverHttp } from "./support/http-sign-in.ts";
import type { HttpSession } from "./support/http.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { typographyMistakes, visibleText } from "./support/french-typography.ts";

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

  for (const path of ["/accessibilite", "/mentions-legales", "/donnees-personnelles", "/compte", "/compte/donnees", "/compte/suppression", "/admin"]) {
    it(`writes ${path} with non-breaking spaces before « : ; ? ! » and inside « »`, async () => {
      const response = await team.get(path);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(typographyMistakes(visibleText(response.body)), []);
    });
  }

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
