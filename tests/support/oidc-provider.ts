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
 * acr eidas1. Its built-in development pages ask for any login and password, then for consent.
 */
export async function startOidcProvider(platform: { publicUrl: string }): Promise<TestOidcProvider> {
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
      return { accountId: sub, claims: async () => ({ sub, ...proconnectAgent }) };
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
