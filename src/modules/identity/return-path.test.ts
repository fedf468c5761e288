import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { devMails, magicLinks } from "../../db/schema/index.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { linkIn, startTestPlatform, type TestPlatform, waitForMail } from "../../../tests/support/test-platform.ts";
import { createToken, hashToken } from "./domain/tokens.ts";

let platform: TestPlatform;

describe("a return address (retour) holding characters above U+00FF", () => {
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform.stop());

  it("sends a signed-in person there, percent-encoded, instead of a 500", async () => {
    const member = await signInOverHttp(platform, "ines.benali@insee.fr");
    const response = await member.get("/connexion?retour=%2Fannuaire%3Fq%3D%E2%82%AC%20%C3%A9t%C3%A9");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/annuaire?q=%E2%82%AC%20%C3%A9t%C3%A9");
  });

  it("signs in with the link and lands there: the link is used by a sign-in that succeeds, not burnt by a failed redirect", async () => {
    const email = "thomas.leroy@ign.fr";
    const visitor = httpSessionOn(platform);
    await platform.database.db.delete(devMails).where(eq(devMails.to, email));
    const asked = await visitor.post("/connexion", { email, retour: "/annuaire?q=€ été" }, { formPage: "/connexion?retour=%2Fannuaire%3Fq%3D%E2%82%AC" });
    assert.equal(asked.statusCode, 200);
    const link = new URL(linkIn((await waitForMail(platform, email)).text));
    const signedIn = await visitor.post("/connexion/lien", { jeton: link.searchParams.get("jeton")! }, { formPage: link.pathname + link.search });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, "/annuaire?q=%E2%82%AC%20%C3%A9t%C3%A9");
    assert.equal((await visitor.get("/compte")).statusCode, 200, "la session est ouverte");
  });

  it("follows a link asked for before this fix, whose stored return address is not encoded", async () => {
    const token = createToken();
    const now = new Date();
    await platform.database.db.insert(magicLinks).values({ email: "marc.petit@numerique.gouv.fr", tokenHash: hashToken(token), returnTo: "/projets?q=ﬁ€", requestedIp: "127.0.0.1", createdAt: now, expiresAt: new Date(now.getTime() + 15 * 60 * 1000) });
    const visitor = httpSessionOn(platform);
    const signedIn = await visitor.post("/connexion/lien", { jeton: token }, { formPage: `/connexion/lien?jeton=${token}` });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, "/projets?q=%EF%AC%81%E2%82%AC");
    assert.equal((await visitor.get("/compte")).statusCode, 200);
  });
});
