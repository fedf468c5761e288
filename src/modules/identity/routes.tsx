import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import type { Clock } from "../../shared/clock.ts";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { Option } from "../../ui/fields.tsx";
import type { Mailer } from "../mail/api.ts";
import { clearSessionCookie, setSessionCookie } from "./access.ts";
import { canAdminister } from "./domain/current-user.ts";
import { hasPermission } from "./domain/permissions.ts";
import { safeReturnPath } from "./domain/tokens.ts";
import { type PendingLogin, pendingLoginLifetimeMs, type ProConnectClient } from "./proconnect-client.ts";
import { findAccountById, listActiveSessions } from "./repository.ts";
import { accountSchema, magicLinkSchema, sessionParamsSchema, signInSchema } from "./schemas.ts";
import type { OrganisationLookup } from "./use-cases/accounts.ts";
import { createRequestMagicLink, notPublicAddressCode } from "./use-cases/request-magic-link.ts";
import { createSignInWithMagicLink, InvalidSignInLinkError } from "./use-cases/sign-in-with-magic-link.ts";
import { createSignInWithProConnect, ProConnectAddressRefusedError, ProConnectRefusedError } from "./use-cases/sign-in-with-proconnect.ts";
import { createRevokeSession, createSignOut } from "./use-cases/sign-out.ts";
import { createUpdateAccount } from "./use-cases/update-account.ts";
import { AccountPage } from "./views/account-page.tsx";
import { ConfirmLinkPage, LinkSentPage, SignedOutPage, SignInPage } from "./views/sign-in-page.tsx";

export type IdentityRoutesDeps = {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  secureCookies: boolean;
  proconnect: ProConnectClient | null;
  organisations: OrganisationLookup & {
    isEligibleEmail(email: string): Promise<boolean>;
    listOptions(): Promise<Option[]>;
    findName(id: string): Promise<string | null>;
  };
  /** Where « Mon profil » leads the person on /compte (the people module answers). */
  profileLink?: (userId: string) => Promise<{ href: string; label: string }>;
  /** The workspaces of the person's teams (workspace module), for « Mes espaces projet ». */
  workspaceLinks?: (userId: string) => Promise<{ href: string; label: string }[]>;
};

const pendingLoginCookie = "p10_proconnect";
/** Per IP: the sign-in forms are the platform's most abused endpoints. */
const signInRateLimit = { max: 10, timeWindow: "1 minute" };

export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityRoutesDeps) {
  const requestMagicLink = createRequestMagicLink({ db: deps.db, mailer: deps.mailer, clock: deps.clock, publicUrl: deps.publicUrl, isEligibleEmail: deps.organisations.isEligibleEmail, proconnectEnabled: deps.proconnect !== null });
  const signInWithMagicLink = createSignInWithMagicLink(deps);
  const signInWithProConnect = createSignInWithProConnect(deps);
  const signOut = createSignOut(deps);
  const revokeSession = createRevokeSession(deps);
  const updateAccount = createUpdateAccount({ db: deps.db, clock: deps.clock, organisationExists: async (id) => (await deps.organisations.findName(id)) !== null });

  function renderSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    props: { returnTo: string | null; values?: { email?: string }; errors?: Record<string, string>; notice?: string; noticeLinksToContact?: boolean; addressRefused?: boolean },
  ) {
    return sendPage(reply, <SignInPage context={pageContext(request, reply, { form: true })} proconnectEnabled={deps.proconnect !== null} {...props} />, status);
  }

  function completeSignIn(reply: FastifyReply, token: string, returnTo: string | null) {
    setSessionCookie(reply, token, deps.secureCookies);
    return reply.redirect(returnTo ?? "/compte", 303);
  }

  app.get("/connexion", { config: { access: "public" } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).retour);
    if (request.user) return reply.redirect(returnTo ?? "/compte", 303);
    return renderSignIn(request, reply, 200, { returnTo });
  });

  app.post("/connexion", { config: { access: "public", rateLimit: signInRateLimit } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.body as Record<string, unknown> | undefined)?.retour);
    const form = parseForm(signInSchema, request.body);
    if (!form.ok) return renderSignIn(request, reply, 400, { returnTo, values: { email: textValues(form.values).email ?? "" }, errors: form.errors });
    try {
      await requestMagicLink({ email: form.data.email, returnTo, ip: request.ip });
    } catch (error) {
      if (error instanceof InvalidInputError) {
        return renderSignIn(request, reply, 422, { returnTo, values: { email: form.data.email }, errors: error.fieldErrors, addressRefused: error.code === notPublicAddressCode });
      }
      throw error;
    }
    return sendPage(reply, <LinkSentPage context={pageContext(request, reply)} email={form.data.email} />);
  });

  app.get("/connexion/lien", { config: { access: "public" } }, async (request, reply) => {
    const query = magicLinkSchema.safeParse(request.query);
    if (!query.success) return renderSignIn(request, reply, 400, { returnTo: null, notice: query.error.issues[0]?.message });
    return sendPage(reply, <ConfirmLinkPage context={pageContext(request, reply, { form: true })} token={query.data.jeton} />);
  });

  app.post("/connexion/lien", { config: { access: "public", rateLimit: signInRateLimit } }, async (request, reply) => {
    const form = parseForm(magicLinkSchema, request.body);
    if (!form.ok) return renderSignIn(request, reply, 400, { returnTo: null, notice: form.errors.jeton });
    try {
      const session = await signInWithMagicLink({ token: form.data.jeton, userAgent: request.headers["user-agent"] });
      return completeSignIn(reply, session.token, safeReturnPath(session.returnTo));
    } catch (error) {
      if (error instanceof InvalidSignInLinkError) return renderSignIn(request, reply, 400, { returnTo: null, notice: error.message });
      throw error;
    }
  });

  app.post("/connexion/proconnect", { config: { access: "public", rateLimit: signInRateLimit } }, async (request, reply) => {
    if (!deps.proconnect) throw new NotFoundError();
    const returnTo = safeReturnPath((request.body as Record<string, unknown> | undefined)?.retour);
    try {
      const { url, pending } = await deps.proconnect.startLogin(returnTo, deps.clock.now());
      reply.setCookie(pendingLoginCookie, JSON.stringify(pending), { path: "/connexion/proconnect", httpOnly: true, sameSite: "lax", secure: deps.secureCookies, signed: true, maxAge: 600 });
      return reply.redirect(url, 303);
    } catch (error) {
      if (error instanceof ProConnectRefusedError) return renderSignIn(request, reply, 503, { returnTo, notice: error.message });
      throw error;
    }
  });

  app.get("/connexion/proconnect/retour", { config: { access: "public", rateLimit: signInRateLimit } }, async (request, reply) => {
    if (!deps.proconnect) throw new NotFoundError();
    const pending = readPendingLogin(request);
    reply.clearCookie(pendingLoginCookie, { path: "/connexion/proconnect" });
    const query = request.query as Record<string, unknown>;
    if (!pending) return renderSignIn(request, reply, 400, { returnTo: null, notice: "La connexion avec ProConnect a été interrompue ou a expiré. Recommencez." });
    // The cookie's max-age only asks the browser to drop it: a login is checked against its start too.
    if (deps.clock.now().getTime() - pending.startedAt > pendingLoginLifetimeMs) {
      return renderSignIn(request, reply, 400, { returnTo: null, notice: "La connexion avec ProConnect a expiré (plus de 10\u00a0minutes). Recommencez." });
    }
    if (query.error !== undefined) {
      // The provider's error_description is in English and meant for developers: the page says it in French.
      request.log.info({ error: query.error }, "ProConnect answered with an error");
      const notice =
        query.error === "access_denied"
          ? "Vous avez annulé la connexion avec ProConnect. Recommencez, ou recevez un lien de connexion par courriel."
          : "ProConnect n’a pas pu vous identifier. Réessayez plus tard, ou recevez un lien de connexion par courriel.";
      return renderSignIn(request, reply, 400, { returnTo: null, notice });
    }
    try {
      const callbackUrl = new URL(request.url, deps.publicUrl);
      const { claims, idToken } = await deps.proconnect.finishLogin(callbackUrl, pending);
      const session = await signInWithProConnect({ claims, idToken, userAgent: request.headers["user-agent"] });
      return completeSignIn(reply, session.token, pending.returnTo);
    } catch (error) {
      if (error instanceof ProConnectRefusedError) {
        request.log.warn({ err: error.cause }, "ProConnect sign-in refused");
        if (error instanceof ProConnectAddressRefusedError) return renderSignIn(request, reply, 403, { returnTo: null, notice: error.message, noticeLinksToContact: true });
        return renderSignIn(request, reply, 400, { returnTo: null, notice: error.message });
      }
      throw error;
    }
  });

  app.post("/deconnexion", { config: { access: "public" } }, async (request, reply) => {
    clearSessionCookie(reply, deps.secureCookies);
    if (!request.user || !request.sessionId) return reply.redirect("/deconnexion/terminee", 303);
    const { idToken } = await signOut({ sessionId: request.sessionId, userId: request.user.id });
    if (idToken && deps.proconnect) {
      const url = await deps.proconnect.logoutUrl(idToken).catch(() => null);
      if (url) return reply.redirect(url, 303);
    }
    return reply.redirect("/deconnexion/terminee", 303);
  });

  app.get("/deconnexion/terminee", { config: { access: "public" } }, async (request, reply) => {
    return sendPage(reply, <SignedOutPage context={pageContext(request, reply)} />);
  });

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, status: number, extra: { values?: Record<string, string | undefined>; errors?: Record<string, string>; saved?: boolean } = {}) {
    const user = request.user!;
    const account = await findAccountById(deps.db, user.id);
    if (!account) throw new NotFoundError();
    const [organisations, sessions, organisationName] = [
      await deps.organisations.listOptions(),
      await listActiveSessions(deps.db, user.id, deps.clock.now()),
      account.organisationId ? await deps.organisations.findName(account.organisationId) : null,
    ];
    const profileLink = deps.profileLink ? await deps.profileLink(user.id) : null;
    const workspaceLinks = deps.workspaceLinks ? await deps.workspaceLinks(user.id) : [];
    const reviewLink = hasPermission(user, "review:proposal:own")
      ? { href: "/appel-a-projets/qualification", label: canAdminister(user) ? "Qualifier les propositions" : "Qualifier les propositions de mon ministère" }
      : null;
    // The season's portfolio (issue 15): every project for the programme team and coaches, an AMD's ministry's projects.
    const portfolioLink = hasPermission(user, "read:portfolio:own") ? { href: "/portefeuille", label: hasPermission(user, "read:portfolio:any") ? "Le portefeuille des projets de la saison" : "Les projets de la saison avec un membre de mon ministère" } : null;
    return sendPage(
      reply,
      <AccountPage context={pageContext(request, reply)} account={account} organisationName={organisationName} organisations={organisations} sessions={sessions} currentSessionId={request.sessionId} profileLink={profileLink} reviewLink={reviewLink} portfolioLink={portfolioLink} workspaceLinks={workspaceLinks} {...extra} />,
      status,
    );
  }

  app.get("/compte", { config: { access: "read:account:own" } }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).enregistre === "1";
    return renderAccount(request, reply, 200, { saved });
  });

  app.post("/compte", { config: { access: "update:account:own" } }, async (request, reply) => {
    const form = parseForm(accountSchema, request.body);
    if (!form.ok) return renderAccount(request, reply, 400, { values: textValues(form.values), errors: form.errors });
    try {
      await updateAccount({ userId: request.user!.id, ...form.data });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderAccount(request, reply, 422, { values: textValues(keepValues(request.body)), errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect("/compte?enregistre=1", 303);
  });

  app.post("/compte/sessions/:id/fermer", { config: { access: "delete:session:own" } }, async (request, reply) => {
    const params = sessionParamsSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    await revokeSession({ sessionId: params.data.id, userId: request.user!.id });
    return reply.redirect("/compte#sessions", 303);
  });

  function readPendingLogin(request: FastifyRequest): PendingLogin | null {
    const raw = request.cookies[pendingLoginCookie];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    try {
      const parsed = z.object({ state: z.string().min(32), nonce: z.string().min(32), codeVerifier: z.string().min(43), returnTo: z.string().nullable(), startedAt: z.number() }).safeParse(JSON.parse(unsigned.value));
      return parsed.success ? { ...parsed.data, returnTo: safeReturnPath(parsed.data.returnTo) } : null;
    } catch {
      return null;
    }
  }
}

function textValues(values: FormValues): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
