import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { emailDomains, magicLinks } from "../../db/schema/index.ts";
import { HttpSession } from "../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../tests/support/test-platform.ts";
import { assertFieldError, fieldGroup } from "../../../tests/support/form-assertions.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";

let platform: TestPlatform;

/** A browser of its own, from its own IP address, so the per-IP limit of the sign-in forms never interferes. */
const browser = () => httpSessionOn(platform);
const signIn = (email: string) => signInOverHttp(platform, email);

async function storedDomains(): Promise<string[]> {
  return (await platform.database.db.select({ domain: emailDomains.domain }).from(emailDomains).orderBy(emailDomains.domain)).map((row) => row.domain);
}

async function magicLinksTo(email: string): Promise<number> {
  const [row] = await platform.database.db.select({ count: sql<number>`count(*)::int` }).from(magicLinks).where(eq(magicLinks.email, email));
  return row?.count ?? 0;
}

describe("e-mail domains administration", () => {
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signIn("camille.martin@numerique.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to the sign-in page", async () => {
    const response = await browser().get("/admin/domaines");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/connexion?retour=%2Fadmin%2Fdomaines");
  });

  it("refuses the page and the form to a plain member with a 403, storing nothing", async () => {
    const member = await signIn("thomas.leroy@ign.fr");
    const page = await member.get("/admin/domaines");
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Accès refusé/);
    const before = await storedDomains();
    const posted = await member.post("/admin/domaines", { domain: "membre-public.fr", organisationId: "" }, { formPage: "/compte" });
    assert.equal(posted.statusCode, 403);
    assert.deepEqual(await storedDomains(), before);
  });

  const invalidDomains: { name: string; domain: string; message: string }[] = [
    { name: "an empty domain", domain: "", message: "Indiquez un nom de domaine." },
    { name: "a URL", domain: "https://x.fr", message: "Indiquez un nom de domaine valide, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »)." },
    { name: "a domain with a space", domain: "a b.fr", message: "Indiquez un nom de domaine valide, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »)." },
    { name: "a domain of 300 characters", domain: `${"a".repeat(297)}.fr`, message: "Un nom de domaine ne dépasse pas 253 caractères." },
    { name: "a domain holding HTML", domain: "<b>x</b>.fr", message: "Indiquez un nom de domaine valide, par exemple agriculture.gouv.fr (sans « @ » ni « https:// »)." },
  ];

  for (const invalid of invalidDomains) {
    it(`refuses ${invalid.name} at the field, keeps the input and stores nothing`, async () => {
      const before = await storedDomains();
      const response = await team.post("/admin/domaines", { domain: invalid.domain, organisationId: "" });
      assert.equal(response.statusCode, 400);
      assertFieldError(response.body, "domain", invalid.message, invalid.domain);
      assert.ok(!response.body.includes("<b>x</b>"), "la saisie doit être échappée");
      assert.deepEqual(await storedDomains(), before);
    });
  }

  it("refuses an organisation that does not exist at the field and stores nothing", async () => {
    const before = await storedDomains();
    const response = await team.post("/admin/domaines", { domain: "orpheline-public.fr", organisationId: randomUUID() });
    assert.equal(response.statusCode, 409);
    assertFieldError(response.body, "organisationId", "Cette organisation n’existe pas.");
    assert.ok(fieldGroup(response.body, "domain").includes('value="orpheline-public.fr"'), "saisie non conservée");
    assert.deepEqual(await storedDomains(), before);
  });

  it("opens sign-in by link to the addresses of a domain the programme team adds", async () => {
    const email = "agent@exemple-public.fr";
    const refused = await browser().post("/connexion", { email });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /n’est pas celle d’un organisme public/);
    assert.equal(await magicLinksTo(email), 0);

    const added = await team.post("/admin/domaines", { domain: "exemple-public.fr", organisationId: "" });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, "/admin/domaines?ajoute=exemple-public.fr");
    const page = await team.get(added.headers.location!);
    assert.match(page.body, /Le domaine exemple-public\.fr est ajouté\./);
    assert.ok((await storedDomains()).includes("exemple-public.fr"));

    const accepted = await browser().post("/connexion", { email });
    assert.equal(accepted.statusCode, 200);
    assert.match(accepted.body, /Consultez votre messagerie/);
    assert.equal(await magicLinksTo(email), 1);
    await waitForMail(platform, email);
  });

  it("stores a domain typed with capitals, spaces or a leading @ in its plain form", async () => {
    const added = await team.post("/admin/domaines", { domain: "  @Autre-Public.FR ", organisationId: "" });
    assert.equal(added.statusCode, 303);
    assert.ok((await storedDomains()).includes("autre-public.fr"));
  });

  it("refuses a domain already added at the field, keeps the input and stores nothing", async () => {
    const before = await storedDomains();
    const response = await team.post("/admin/domaines", { domain: "exemple-public.fr", organisationId: "" });
    assert.equal(response.statusCode, 409);
    assertFieldError(response.body, "domain", "Ce domaine est déjà enregistré.", "exemple-public.fr");
    assert.deepEqual(await storedDomains(), before);
  });
});
