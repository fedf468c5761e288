import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import { type AgentClaims, ProviderBrowser, proconnectAgent, startOidcProvider, type TestOidcProvider } from "../../../tests/support/oidc-provider.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

/** Time of the platform under test: real time plus an offset the tests move forward (the provider keeps real time). */
const clock = {
  offsetMs: 0,
  now() {
    return new Date(Date.now() + this.offsetMs);
  },
};

const { email: _email, ...withoutEmail } = proconnectAgent;
/** Agents by the login typed at the provider; any other login is Agathe, of Insee. */
const agents: Record<string, AgentClaims> = {
  "sans-courriel": withoutEmail,
  "adresse-privee": { ...proconnectAgent, email: "agathe@entreprise-privee.com", siret: "55203253400646", uid: "prive-uid" },
  "siret-public": { ...proconnectAgent, email: "agent@mairie-inconnue-du-referentiel.fr", siret: "21690123100011", uid: "mairie-uid" },
};

let provider: TestOidcProvider;
let platform: TestPlatform;
const db = () => platform.database.db;

async function sessionCount(): Promise<number> {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(sessions);
  return row!.count;
}

async function accountOf(email: string) {
  return (await db().select().from(users).where(eq(users.email, email)))[0] ?? null;
}

/** Presses « S’identifier avec ProConnect » on /connexion: returns the provider's authorization address. */
async function startLogin(session: HttpSession, returnTo?: string): Promise<string> {
  const response = await session.post("/connexion/proconnect", returnTo ? { retour: returnTo } : {}, { formPage: "/connexion" });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  const location = response.headers.location as string;
  assert.ok(location.startsWith(provider.issuer), location);
  return location;
}

/** Comes back from the provider to the platform's callback, as the browser does. */
function returnTo(session: HttpSession, callback: URL) {
  assert.equal(callback.origin + callback.pathname, `${platform.config.publicUrl}/connexion/proconnect/retour`, callback.href);
  return session.get(callback.pathname + callback.search);
}

/** The sign-in page with its French alert: no session row, no session cookie, /compte still asks to sign in. */
async function assertRefusedWithoutSession(session: HttpSession, response: Awaited<ReturnType<HttpSession["get"]>>, status: number, notice: RegExp, sessionsBefore: number) {
  assert.equal(response.statusCode, status, response.body.slice(0, 500));
  assert.match(response.body, /<h1>Se connecter au Programme 10\u00a0%<\/h1>/);
  const alert = /<div class="fr-alert fr-alert--error[^"]*"[^>]*>[\s\S]*?<\/div>/.exec(response.body)?.[0] ?? assert.fail("pas d’alerte sur la page");
  assert.match(alert, /Connexion impossible/);
  assert.match(alert.replace(/&#x27;/g, "'"), notice);
  assert.doesNotMatch(response.body, /End-User|aborted|mismatch|unexpected|invalid_grant|Error/, "aucun message anglais du fournisseur ou de la bibliothèque");
  assert.equal(session.cookies.has("p10_session"), false, "pas de cookie de session");
  assert.equal(await sessionCount(), sessionsBefore, "aucune session ouverte");
  assert.equal((await session.get("/compte")).statusCode, 303);
}

describe("ProConnect: sign-in, its failures and sign-out against a real OpenID provider", () => {
  before(async () => {
    provider = await startOidcProvider({ publicUrl: "http://localhost:3000" }, { agents });
    platform = await startTestPlatform({ config: provider.platformConfig, clock });
  });
  after(async () => {
    await platform?.stop();
    await provider?.stop();
  });

  it("signs an agent in: one session of method proconnect, the account attached to the SIRET's organisation", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session, "/evenements"), "agathe");
    const response = await returnTo(session, callback);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.equal(response.headers.location, "/evenements");
    assert.ok(session.cookies.has("p10_session"));
    assert.equal(await sessionCount(), before + 1);
    const account = await accountOf(proconnectAgent.email);
    assert.equal(account?.proconnectSub, "agathe");
    assert.ok(account?.organisationId, "rattaché à l’Insee par son SIRET");
    const [opened] = await db().select().from(sessions).where(eq(sessions.userId, account.id));
    assert.equal(opened?.method, "proconnect");
    assert.ok(opened?.idToken);
  });

  it("refuses a pending login older than its 10 minutes, even if the browser still sends its cookie", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const authorization = await startLogin(session);
    const callback = await new ProviderBrowser(provider.issuer).signIn(authorization, "agathe");
    clock.offsetMs += 11 * 60_000;
    try {
      await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /La connexion avec ProConnect a expiré/, before);
    } finally {
      clock.offsetMs -= 11 * 60_000;
    }
  });

  it("refuses a return without the pending login (cookie gone or another browser), in French", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "agathe");
    const otherBrowser = httpSessionOn(platform);
    await assertRefusedWithoutSession(otherBrowser, await returnTo(otherBrowser, callback), 400, /La connexion avec ProConnect a été interrompue ou a expiré/, before);
  });

  it("says so in French when the agent cancels at ProConnect (error=access_denied), never the provider's English", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const callback = await new ProviderBrowser(provider.issuer).cancel(await startLogin(session));
    assert.equal(callback.searchParams.get("error"), "access_denied");
    await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /Vous avez annulé la connexion avec ProConnect/, before);
  });

  it("answers any other error of the provider with a French page", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const authorization = new URL(await startLogin(session));
    const callback = new URL(`${platform.config.publicUrl}/connexion/proconnect/retour`);
    callback.search = new URLSearchParams({ error: "server_error", error_description: "Unexpected Error, try again", state: authorization.searchParams.get("state")! }).toString();
    await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /ProConnect n’a pas pu vous identifier/, before);
  });

  it("refuses an identity without an e-mail address, creating no account", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const usersBefore = await db().select({ id: users.id }).from(users);
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "sans-courriel");
    await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /ProConnect n’a pas transmis votre adresse électronique/, before);
    assert.equal((await db().select({ id: users.id }).from(users)).length, usersBefore.length);
  });

  it("refuses an address that is not a public body's, with a SIRET that is not either (403), creating no account", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "adresse-privee");
    const response = await returnTo(session, callback);
    await assertRefusedWithoutSession(session, response, 403, /L’adresse agathe@entreprise-privee\.com transmise par ProConnect n’est pas celle d’un organisme public/, before);
    assert.match(response.body, /<a class="fr-link" href="\/contact">Écrire à l’équipe du programme<\/a>/);
    assert.equal(await accountOf("agathe@entreprise-privee.com"), null);
  });

  it("accepts an agent of a public body whose domain is not on the list, known by the SIRET of a public legal person", async () => {
    const session = httpSessionOn(platform);
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "siret-public");
    const response = await returnTo(session, callback);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.ok(await accountOf("agent@mairie-inconnue-du-referentiel.fr"));
  });

  it("refuses a return whose state is not the pending login's (a forged or mixed-up callback)", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "agathe");
    callback.searchParams.set("state", "x".repeat(43));
    await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /La connexion avec ProConnect n’a pas abouti/, before);

    // Two tabs: the first login's code comes back with the cookie of the second.
    const first = await startLogin(session);
    const second = await startLogin(session);
    assert.notEqual(new URL(first).searchParams.get("state"), new URL(second).searchParams.get("state"));
    const firstCallback = await new ProviderBrowser(provider.issuer).signIn(first, "agathe");
    await assertRefusedWithoutSession(session, await returnTo(session, firstCallback), 400, /La connexion avec ProConnect n’a pas abouti/, before);
  });

  it("refuses an id_token whose nonce is not the pending login's", async () => {
    const session = httpSessionOn(platform);
    const before = await sessionCount();
    const authorization = new URL(await startLogin(session));
    authorization.searchParams.set("nonce", "n".repeat(43));
    const callback = await new ProviderBrowser(provider.issuer).signIn(authorization.href, "agathe");
    assert.ok(callback.searchParams.get("code"), "le fournisseur a bien délivré un code");
    await assertRefusedWithoutSession(session, await returnTo(session, callback), 400, /La connexion avec ProConnect n’a pas abouti/, before);
  });

  it("refuses a callback replayed with its cookie: the code is used once", async () => {
    const session = httpSessionOn(platform);
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startLogin(session), "agathe");
    const copiedCookie = session.cookies.get("p10_proconnect")!;
    assert.equal((await returnTo(session, callback)).statusCode, 303);
    const replay = httpSessionOn(platform);
    replay.cookies.set("p10_proconnect", copiedCookie);
    const before = await sessionCount();
    await assertRefusedWithoutSession(replay, await returnTo(replay, callback), 400, /La connexion avec ProConnect n’a pas abouti/, before);
  });

  it("signs out at the platform and at ProConnect: the session revoked, the cookie gone, the French page at the end", async () => {
    const session = httpSessionOn(platform);
    const browserAtProvider = new ProviderBrowser(provider.issuer);
    assert.equal((await returnTo(session, await browserAtProvider.signIn(await startLogin(session), "agathe"))).statusCode, 303);
    const account = (await accountOf(proconnectAgent.email))!;
    const open = await db().select().from(sessions).where(eq(sessions.userId, account.id));
    const openBefore = open.filter((row) => row.revokedAt === null).length;

    const signedOut = await session.post("/deconnexion", {}, { formPage: "/compte" });
    assert.equal(signedOut.statusCode, 303);
    const endSession = new URL(signedOut.headers.location as string);
    assert.equal(endSession.origin, provider.issuer);
    assert.ok(endSession.searchParams.get("id_token_hint"), "id_token_hint");
    assert.equal(endSession.searchParams.get("post_logout_redirect_uri"), `${platform.config.publicUrl}/deconnexion/terminee`);
    assert.equal(session.cookies.has("p10_session"), false);
    const stillOpen = await db().select().from(sessions).where(eq(sessions.userId, account.id));
    assert.equal(stillOpen.filter((row) => row.revokedAt === null).length, openBefore - 1);

    const back = await browserAtProvider.signOut(endSession.href);
    assert.equal(back.origin + back.pathname, `${platform.config.publicUrl}/deconnexion/terminee`);
    const page = await session.get(back.pathname + back.search);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Vous êtes déconnecté/);
    assert.equal((await session.get("/compte")).statusCode, 303);
  });
});
