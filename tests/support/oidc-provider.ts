import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error -- oidc-provider ships JavaScript only; the few calls below are typed by ProviderInstance.
import Provider from "oidc-provider";

type ProviderInstance = { callback(): (request: IncomingMessage, response: ServerResponse) => void };
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/** The agent every sign-in at the test provider returns: Insee's SIRET (SIREN 120027016 is seeded in the demo data). */
export const proconnectAgent = {
  given_name: "Agathe",
  usual_name: "Proconnect",
  email: "agathe.proconnect@insee.fr",
  uid: "agathe-proconnect-uid",
  siret: "12002701600357",
  idp_id: "insee-idp",
} as const;

const scopeClaims = ["given_name", "usual_name", "email", "uid", "siret", "idp_id"] as const;

/** The claims the provider returns for one login: any of ProConnect's, or fewer (a provider that omits one). */
export type AgentClaims = Partial<Record<(typeof scopeClaims)[number], string>>;

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The platform's PROCONNECT_* settings pointing at this provider. */
  platformConfig: Record<string, string>;
  stop(): Promise<void>;
};

/**
 * A real OpenID provider (panva's oidc-provider, which ProConnect is built on) configured like ProConnect:
 * code flow with PKCE, client_secret_post, RS256 id_token, userinfo as a signed JWT, RP-initiated logout,
 * acr eidas1. Its built-in development pages ask for any login and password, then for consent; `agents`
 * gives the claims returned for a login.
 */
export async function startOidcProvider(platform: { publicUrl: string }, options: { agents?: Record<string, AgentClaims> } = {}): Promise<TestOidcProvider> {
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const server = createServer((request, response) => {
    if (handler) handler(request, response);
    else response.writeHead(503).end();
  });
  // The issuer holds the port, so listen first and build the provider once the port is known.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "programme-10-pourcent-tests";
  const clientSecret = randomBytes(24).toString("hex");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-rs256", alg: "RS256", use: "sig" };

  const provider = new (Provider as ProviderConstructor)(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${platform.publicUrl}/connexion/proconnect/retour`],
        post_logout_redirect_uris: [`${platform.publicUrl}/deconnexion/terminee`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: ["openid", ...scopeClaims],
    claims: { acr: null, sid: null, auth_time: null, iss: null, openid: ["sub"], ...Object.fromEntries(scopeClaims.map((claim) => [claim, [claim]])) },
    acrValues: ["eidas1"],
    responseTypes: ["code"],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    ttl: { AccessToken: 60 * 60, AuthorizationCode: 60, IdToken: 60 * 60, Interaction: 60 * 60, Session: 60 * 60, Grant: 60 * 60 },
    async findAccount(_context: unknown, sub: string) {
      // The login typed at the provider chooses the agent (`options.agents`), Agathe by default.
      return { accountId: sub, claims: async () => ({ sub, ...(options.agents?.[sub] ?? proconnectAgent) }) };
    },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    platformConfig: { PROCONNECT_ISSUER: issuer, PROCONNECT_CLIENT_ID: clientId, PROCONNECT_CLIENT_SECRET: clientSecret },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * A browser at the provider, over HTTP: follows its redirects with its own cookies and answers its
 * development pages (login, consent, logout) as a person would, until it sends the browser back to the
 * platform; returns that address (the callback with `code` and `state`, or with `error`).
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  /** Signs in as `login` (any password) and consents. */
  async signIn(authorizationUrl: string, login = "agathe"): Promise<URL> {
    let page = await this.follow(authorizationUrl);
    page = await this.follow(this.formAction(page, "login"), { prompt: "login", login, password: "n-importe-quel-mot-de-passe" });
    page = await this.follow(this.formAction(page, "consent"), { prompt: "consent" });
    return page.url;
  }

  /** Cancels at the login page (« [ Cancel ] »): the provider answers the platform with `error=access_denied`. */
  async cancel(authorizationUrl: string): Promise<URL> {
    const page = await this.follow(authorizationUrl);
    const abort = /href="([^"]*\/abort)"/.exec(page.body)?.[1];
    if (!abort) throw new Error(`Pas de lien d’abandon chez le fournisseur : ${page.body.slice(0, 300)}`);
    return (await this.follow(new URL(abort, this.issuer).href)).url;
  }

  /** Confirms « Yes, sign me out » on the provider's logout page reached from the platform. */
  async signOut(endSessionUrl: string): Promise<URL> {
    const page = await this.follow(endSessionUrl);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)?.[1];
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(page.body)?.[1];
    if (!xsrf || !action) throw new Error(`Pas de page de déconnexion chez le fournisseur : ${page.body.slice(0, 300)}`);
    return (await this.follow(new URL(action, this.issuer).href, { xsrf, logout: "yes" })).url;
  }

  private formAction(page: { url: URL; body: string }, prompt: string): string {
    if (!page.body.includes(`name="prompt" value="${prompt}"`)) throw new Error(`Page « ${prompt} » attendue chez le fournisseur, reçu ${page.url.href} : ${page.body.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    return new URL(action ?? page.url.pathname, this.issuer).href;
  }

  /** Requests `url` (a form post when `form` is given) and follows redirects while they stay at the provider. */
  private async follow(url: string, form?: Record<string, string>): Promise<{ url: URL; body: string }> {
    let target = new URL(url);
    let init: RequestInit = form ? { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } } : { method: "GET" };
    for (let hops = 0; hops < 10; hops++) {
      if (target.origin !== new URL(this.issuer).origin) return { url: target, body: "" };
      const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const response = await fetch(target, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string> | undefined), cookie } });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const at = pair!.indexOf("=");
        const name = pair!.slice(0, at);
        const value = pair!.slice(at + 1);
        if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target);
        init = { method: "GET" };
        continue;
      }
      const body = await response.text();
      // A form the provider posts itself (form_post, or logout without a page): submit it as the browser's script would.
      const autoPost = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>[\s\S]*?\.submit\(\)/.exec(body);
      if (autoPost) {
        const fields = Object.fromEntries([...autoPost[2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
        target = new URL(autoPost[1]!.replace(/&amp;/g, "&"), target);
        init = { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } };
        continue;
      }
      return { url: target, body };
    }
    throw new Error(`Trop de redirections chez le fournisseur depuis ${url}`);
  }
}
