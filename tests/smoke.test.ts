import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { HttpSession } from "./support/http.ts";
import { linkIn, startTestPlatform, type TestPlatform, waitForMail } from "./support/test-platform.ts";

describe("sign-in by magic link", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform.stop();
  });

  it("signs a public agent in with the link received by mail, then signs out", async () => {
    const browser = new HttpSession(platform.app);
    const sent = await browser.post("/connexion", { email: "Nouvelle.Agente@insee.fr" });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Consultez votre messagerie/);
    const mail = await waitForMail(platform, "nouvelle.agente@insee.fr");
    const link = new URL(linkIn(mail.text));
    const confirm = await browser.get(link.pathname + link.search);
    assert.equal(confirm.statusCode, 200);
    const signedIn = await browser.post("/connexion/lien", { jeton: link.searchParams.get("jeton")! }, { formPage: link.pathname + link.search });
    assert.equal(signedIn.statusCode, 303);
    const account = await browser.get("/compte");
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /nouvelle\.agente@insee\.fr/);
    assert.match(account.body, /Institut national de la statistique/);
    const out = await browser.post("/deconnexion", {}, { formPage: "/compte" });
    assert.equal(out.statusCode, 303);
    const afterSignOut = await browser.get("/compte");
    assert.equal(afterSignOut.statusCode, 303);
    assert.equal(afterSignOut.headers.location, "/connexion?retour=%2Fcompte");
  });
});
