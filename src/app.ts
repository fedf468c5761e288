import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from "fastify";
import type { Logger } from "pino";
import type { Config } from "./config/env.ts";
import type { DatabaseHandle } from "./db/client.ts";
import type { JobQueue } from "./jobs/job-queue.ts";
import { registerErrorHandlers } from "./http/error-handler.ts";
import "./http/fastify-types.ts";
import { registerHealthRoutes } from "./http/health-routes.ts";
import type { PageCache } from "./http/page-cache.ts";
import { registerNullCharacterRefusal } from "./http/null-character-refusal.ts";
import { registerAnonymousPageCache } from "./http/page-cache-hook.ts";
import { registerRequestProtection } from "./http/request-protection.ts";
import { registerAdministrationRoutes } from "./modules/administration/api.ts";
import { contentPersonalData, type MediaStorage, registerContentRoutes } from "./modules/content/api.ts";
import { identityPersonalData, type IdentityRoutesDeps, organisationMembers, type ProConnectClient, registerAccessControl, registerIdentityRoutes } from "./modules/identity/api.ts";
import { type Mailer, mailPersonalData, registerMailRoutes } from "./modules/mail/api.ts";
import { callsPersonalData, findOpenCallNotice, registerCallRoutes } from "./modules/calls/api.ts";
import { countEventsForHome, createEventsPersonalData, createImportedAgenda, listUpcomingEventsForHome, registerEventRoutes } from "./modules/events/api.ts";
import { findOwnProfileLink, peoplePersonalData, registerPeopleRoutes } from "./modules/people/api.ts";
import { projectsPersonalData, registerProjectRoutes } from "./modules/projects/api.ts";
import { assignmentPersonalData, cafePersonalData, createTeamSection, registerTeamRoutes, teamsPersonalData } from "./modules/teams/api.ts";
import { homeSeasonSummary, registerSeasonRoutes } from "./modules/seasons/api.ts";
import { createPdfRenderer, registerTenPercentRoutes, tenPercentPersonalData } from "./modules/ten-percent/api.ts";
import { countReusesOfSeason, createWorkspacePublicSection, listWorkspacesOfPerson, registerWorkspaceRoutes, workspacePersonalData } from "./modules/workspace/api.ts";
import { registerPrivacyRoutes } from "./modules/privacy/api.ts";
import { contactPersonalData, registerContactRoutes } from "./modules/contact/api.ts";
import { organisationLookup, organisationsPersonalData, type PublicDomains, createCheckEmailEligibility, registerOrganisationRoutes } from "./modules/organisations/api.ts";
import type { Clock } from "./shared/clock.ts";
import { registerGalleryRoutes } from "./ui/gallery/routes.tsx";
import { schemeScriptHash } from "./ui/scheme-script.ts";

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  mailer: Mailer;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  proconnect: ProConnectClient | null;
  publicDomains: PublicDomains;
  pageCache: PageCache;
  media: MediaStorage;
  cookieSecret: string;
  /** The local outbox is readable at /_dev/mails (never in production). */
  devOutbox: boolean;
  /** Matches above which a directory search is broad (the people module's default when absent; tests lower it). */
  directoryBroadSearchAbove?: number | undefined;
  /** Sees every route as it is registered: the route × role and fuzz tests read Fastify's own route table through it (ADR 0029). */
  onRoute?: ((route: RouteOptions) => void) | undefined;
};

const root = path.dirname(fileURLToPath(import.meta.url));
const dsfrDist = path.resolve(root, "..", "node_modules", "@gouvfr", "dsfr", "dist");
const staticDir = path.resolve(root, "..", "static");
/** Marianne in TrueType for the PDFs (converted once from the DSFR's woff2, assets/fonts/README.md). */
const fontsDir = path.resolve(root, "..", "assets", "fonts");

/** Composition root: third-party plugins, then our cross-cutting hooks, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const db = database.db;
  const secure = config.isProduction;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  if (deps.onRoute) app.addHook("onRoute", deps.onRoute);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const providerOrigins = config.proconnect ? [new URL(config.proconnect.issuer).origin] : [];
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", schemeScriptHash],
        styleSrc: ["'self'"],
        // DSFR's script sets style attributes (collapse heights, table shadows); attributes cannot run code.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Sign-in and sign-out forms are redirected to ProConnect: browsers check form-action on redirects.
        formAction: ["'self'", ...providerOrigins],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // "no-referrer" would make browsers send `Origin: null` on our own forms, which the origin check refuses.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret: deps.cookieSecret });
  // Every route is an HTML form (ADR 0027): URL-encoded bodies here, multipart in the upload scopes only;
  // any other type (JSON, text) is answered 415 before it is read.
  app.removeAllContentTypeParsers();
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  await app.register(fastifyCsrf, {
    cookieKey: "p10_csrf",
    cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure, signed: true },
    getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Trop de demandes : réessayez dans ${Math.ceil(context.ttl / 1000)} secondes.`), { statusCode: 429 }),
  });

  registerAccessControl(app, { db, clock: deps.clock, secureCookies: secure });
  registerRequestProtection(app, { publicUrl: config.publicUrl });
  registerNullCharacterRefusal(app);
  registerAnonymousPageCache(app, deps.pageCache);
  registerErrorHandlers(app);

  await app.register(fastifyStatic, { root: dsfrDist, prefix: "/dsfr/", maxAge: "7d", index: false });
  await app.register(fastifyStatic, { root: staticDir, prefix: "/static/", decorateReply: false, maxAge: "1h", index: false });

  registerHealthRoutes(app, { database });
  registerContentRoutes(app, { db, clock: deps.clock, pageCache: deps.pageCache, media: deps.media, publicUrl: config.publicUrl, currentSeason: async (now) => {
      const season = await homeSeasonSummary(db, now);
      // One source for the call's deadline: while a call is open, the home page says what the call page says.
      const call = season ? await findOpenCallNotice(db, now) : null;
      return season && call ? { ...season, text: call.text, callHref: call.callHref } : season;
    },
    homeAgenda: { upcoming: (now) => listUpcomingEventsForHome(db, now), figures: () => countEventsForHome(db) },
    agenda: createImportedAgenda({ db, clock: deps.clock }),
  });
  const isEligibleEmail = createCheckEmailEligibility({ db, publicDomains: deps.publicDomains });
  const organisations: IdentityRoutesDeps["organisations"] = {
    findIdByEmailDomain: (tx, domain) => organisationLookup.findIdByEmailDomain(tx, domain),
    findIdBySiret: (tx, siret) => organisationLookup.findIdBySiret(tx, siret),
    isEligibleEmail,
    listOptions: () => organisationLookup.listOptions(db),
    findName: (id) => organisationLookup.findName(db, id),
  };
  registerIdentityRoutes(app, { db, clock: deps.clock, mailer: deps.mailer, publicUrl: config.publicUrl, secureCookies: secure, proconnect: deps.proconnect, organisations, profileLink: (userId) => findOwnProfileLink(db, userId), workspaceLinks: (userId) => listWorkspacesOfPerson(db, userId) });
  registerOrganisationRoutes(app, { db, publicDomains: deps.publicDomains, members: organisationMembers });
  registerPeopleRoutes(app, { db, clock: deps.clock, mailer: deps.mailer, isEligibleEmail, publicUrl: config.publicUrl, pageCache: deps.pageCache, directoryBroadSearchAbove: deps.directoryBroadSearchAbove });
  const seasonsAndCalls = { db, clock: deps.clock, mailer: deps.mailer, publicUrl: config.publicUrl };
  registerSeasonRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache, reusedProjects: (seasonId) => countReusesOfSeason(db, seasonId) });
  registerCallRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache });
  registerProjectRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache, teamSection: createTeamSection({ db }), workspaceSection: createWorkspacePublicSection({ db }) });
  registerEventRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache });
  registerTeamRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache });
  registerWorkspaceRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache, media: deps.media });
  registerTenPercentRoutes(app, { ...seasonsAndCalls, pageCache: deps.pageCache, pdf: createPdfRenderer(fontsDir), isEligibleEmail });
  registerContactRoutes(app, { db, clock: deps.clock, mailer: deps.mailer, publicUrl: config.publicUrl, teamAddress: config.CONTACT_EMAIL });
  // Each module owns its tables' personal data (ADR 0012); the page shows them in this order.
  const personalData = [identityPersonalData, peoplePersonalData, contentPersonalData, organisationsPersonalData, callsPersonalData, projectsPersonalData, teamsPersonalData, createEventsPersonalData({ mailer: deps.mailer, publicUrl: config.publicUrl }), contactPersonalData, assignmentPersonalData, cafePersonalData, workspacePersonalData, tenPercentPersonalData, mailPersonalData(deps.jobs)];
  registerPrivacyRoutes(app, { db, clock: deps.clock, secureCookies: secure, contributions: personalData });
  registerAdministrationRoutes(app, { devOutbox: deps.devOutbox });
  if (deps.devOutbox) {
    registerMailRoutes(app, { db });
    registerGalleryRoutes(app);
  }

  return app;
}
