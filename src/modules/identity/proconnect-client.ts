import * as oidc from "openid-client";
import { ProConnectRefusedError, type ProConnectClaims } from "./use-cases/sign-in-with-proconnect.ts";

export type ProConnectSettings = { issuer: string; clientId: string; clientSecret: string; scopes: string; redirectUri: string; postLogoutRedirectUri: string };

/** What we keep in a signed cookie between the redirect to ProConnect and its callback. */
export type PendingLogin = { state: string; nonce: string; codeVerifier: string; returnTo: string | null; startedAt: number };

/** How long a login started at ProConnect may take: the pending cookie's lifetime, checked on return too. */
export const pendingLoginLifetimeMs = 10 * 60 * 1000;

/**
 * ProConnect (OpenID Connect, authorization code + PKCE). Discovery is lazy and retried,
 * so a provider that is down at start does not stop the platform.
 */
export function createProConnectClient(settings: ProConnectSettings) {
  let configuration: Promise<oidc.Configuration> | null = null;

  function configure(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret, id_token_signed_response_alg: "RS256" }, oidc.ClientSecretPost(settings.clientSecret), {
        // Local test providers run over http; production issuers are https.
        execute: settings.issuer.startsWith("http://") ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        configuration = null;
        throw new ProConnectRefusedError("ProConnect ne répond pas pour le moment. Réessayez plus tard, ou recevez un lien de connexion par courriel.", error);
      });
    return configuration;
  }

  return {
    /** The authorization URL and the secrets to check on return (state and nonce ≥ 32 characters). */
    async startLogin(returnTo: string | null, now: Date): Promise<{ url: string; pending: PendingLogin }> {
      const config = await configure();
      const pending: PendingLogin = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo, startedAt: now.getTime() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: "S256",
        acr_values: "eidas1",
      });
      return { url: url.href, pending };
    },

    /** Exchanges the code, checks state, nonce and id_token, then reads userinfo (JSON or signed JWT). */
    async finishLogin(callbackUrl: URL, pending: PendingLogin): Promise<{ claims: ProConnectClaims; idToken: string }> {
      const config = await configure();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims || !tokens.id_token) throw new Error("id_token absent");
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        if (typeof userinfo.email !== "string" || userinfo.email === "") throw new ProConnectRefusedError("ProConnect n’a pas transmis votre adresse électronique\u00a0: la plateforme en a besoin pour votre compte. Réessayez, ou recevez un lien de connexion par courriel.");
        const text = (name: string) => (typeof userinfo[name] === "string" ? (userinfo[name] as string) : undefined);
        const claims: ProConnectClaims = { sub: idClaims.sub, email: userinfo.email };
        for (const name of ["given_name", "usual_name", "uid", "siret", "idp_id"] as const) {
          const value = text(name);
          if (value !== undefined) claims[name] = value;
        }
        return { claims, idToken: tokens.id_token };
      } catch (error) {
        if (error instanceof ProConnectRefusedError) throw error;
        throw new ProConnectRefusedError(undefined, error);
      }
    },

    /** Where to send the browser so the provider ends its session too. */
    async logoutUrl(idToken: string): Promise<string> {
      const config = await configure();
      return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: settings.postLogoutRedirectUri, state: oidc.randomState() }).href;
    },
  };
}

export type ProConnectClient = ReturnType<typeof createProConnectClient>;
