import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { count } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { contentItems, users } from "../src/db/schema/index.ts";
import { countOrganisations } from "../src/modules/organisations/api.ts";
import { HttpSession } from "./support/http.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const publicUrl = "https://10pourcent.example.gouv.fr";

/** The body of a raw mail as a reader sees it: quoted-printable soft breaks and escapes undone. */
const decodedText = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("the platform in production mode (NODE_ENV=production, HTTPS address, real SMTP)", () => {
  const received: { to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;
  let platform: TestPlatform;

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => (raw += chunk));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    // SEED_DEMO=true (the test platform's default) must not seed anything in production.
    platform = await startTestPlatform({
      config: { NODE_ENV: "production", PUBLIC_URL: publicUrl, SESSION_SECRET: "s".repeat(48), SMTP_URL: `smtp://127.0.0.1:${port}`, SEED_DEMO: "true" },
    });
    assert.equal(platform.config.isProduction, true);
    // A route that fails the way a bug does, to see what the production error page tells the visitor.
    platform.app.get("/essai-de-panne", { config: { access: "public" } }, async () => {
      throw new Error("détail interne : SELECT secret FROM sessions");
    });
  });

  after(async () => {
    await platform.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("never seeds the demo: no organisation, no demo account, no content", async () => {
    const db = platform.database.db;
    assert.equal(platform.demo, null);
    assert.equal(await countOrganisations(db), 0);
    assert.equal((await db.select({ total: count() }).from(users))[0]!.total, 0);
    assert.equal((await db.select({ total: count() }).from(contentItems))[0]!.total, 0);
  });

  it("signs in by the link mailed through SMTP, with a __Host- session cookie that is Secure, HttpOnly, SameSite=Lax, Path=/", async () => {
    const browser = new HttpSession(platform.app);
    const asked = await browser.post("/connexion", { email: "agent.production@insee.fr" });
    assert.equal(asked.statusCode, 200, asked.body.slice(0, 300));
    const started = Date.now();
    while (!received.some((mail) => mail.to.includes("agent.production@insee.fr")) && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const mail = received.find((candidate) => candidate.to.includes("agent.production@insee.fr"));
    assert.ok(mail, "the sign-in mail reached the SMTP server");
    const link = /https:\/\/10pourcent\.example\.gouv\.fr\/connexion\/lien\?jeton=[\w-]{40,}/.exec(decodedText(mail.raw));
    assert.ok(link, "the link is on the public HTTPS address");
    const url = new URL(link[0]);

    const confirmed = await browser.post("/connexion/lien", { jeton: url.searchParams.get("jeton")! }, { formPage: url.pathname + url.search });
    assert.equal(confirmed.statusCode, 303);
    const setCookies = ([] as string[]).concat(confirmed.headers["set-cookie"] ?? []);
    const session = setCookies.find((cookie) => cookie.startsWith("__Host-p10_session="));
    assert.ok(session, setCookies.join(" | "));
    const attributes = session.split(";").slice(1).map((attribute) => attribute.trim().toLowerCase());
    assert.ok(attributes.includes("secure"), session);
    assert.ok(attributes.includes("httponly"), session);
    assert.ok(attributes.includes("samesite=lax"), session);
    assert.ok(attributes.includes("path=/"), session);
    assert.ok(!attributes.some((attribute) => attribute.startsWith("domain=")), "a __Host- cookie has no Domain");
    assert.ok(!setCookies.some((cookie) => cookie.startsWith("p10_session=")), "no cookie without its prefix");

    const account = await browser.get("/compte");
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /agent\.production@insee\.fr/);
  });

  it("sends HSTS and a CSP that upgrades insecure requests on every page", async () => {
    for (const url of ["/", "/connexion", "/page-qui-n-existe-pas"]) {
      const response = await platform.app.inject({ method: "GET", url });
      assert.equal(response.headers["strict-transport-security"], "max-age=31536000; includeSubDomains", url);
      assert.match(String(response.headers["content-security-policy"]), /(^|;)\s*upgrade-insecure-requests(;|$)/, url);
    }
  });

  it("has no local outbox and no component gallery", async () => {
    for (const url of ["/_dev/mails", "/_dev/composants"]) {
      const response = await platform.app.inject({ method: "GET", url, remoteAddress: "127.0.0.1" });
      assert.equal(response.statusCode, 404, url);
    }
  });

  it("answers an unexpected failure with the generic 500 page, without its details", async () => {
    const response = await platform.app.inject({ method: "GET", url: "/essai-de-panne" });
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers["content-type"]), /^text\/html/);
    assert.match(response.body, /Erreur inattendue/);
    assert.doesNotMatch(response.body, /détail interne|SELECT|sessions|essai-de-panne\.|at async|Error:|\.ts:\d+/);
  });
});
