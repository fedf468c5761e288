import type { FastifyInstance, FastifyReply } from "fastify";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { ForbiddenError, UnauthenticatedError } from "../../shared/domain-error.ts";
import { canAdminister, type CurrentUser, displayName } from "./domain/current-user.ts";
import { hasPermission, type Permission, type Resource } from "./domain/permissions.ts";
import { hashToken, sessionLifetimeMs } from "./domain/tokens.ts";
import { findSessionUser, touchSession } from "./repository.ts";

const touchEveryMs = 5 * 60 * 1000;
const assetPrefixes = ["/dsfr/", "/static/"];

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-p10_session" : "p10_session";
}

/** Throws unless `user` may do `permission` (on `resource` when given): the one permission check. */
export function requirePermission(user: CurrentUser | null, permission: Permission, resource?: Resource): asserts user is CurrentUser {
  if (!user) throw new UnauthenticatedError();
  if (!hasPermission(user, permission, resource)) throw new ForbiddenError();
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(sessionCookieName(secure), token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: Math.floor(sessionLifetimeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookieName(secure), { path: "/", httpOnly: true, sameSite: "lax", secure });
}

/**
 * Loads the session of every request and enforces each route's declared access in one place.
 * A route without a declared access cannot be registered.
 */
export function registerAccessControl(app: FastifyInstance, deps: { db: Database; clock: Clock; secureCookies: boolean }) {
  app.decorateRequest("user", null);
  app.decorateRequest("pageUser", null);
  app.decorateRequest("sessionId", null);

  app.addHook("onRoute", (route) => {
    if (assetPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: "public" };
      return;
    }
    if (!route.config?.access) throw new Error(`La route ${String(route.method)} ${route.url} ne déclare pas qui peut y accéder (config.access).`);
  });

  const cookieName = sessionCookieName(deps.secureCookies);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[cookieName];
    if (!token || token.length > 100) return;
    const now = deps.clock.now();
    const found = await findSessionUser(deps.db, hashToken(token), now);
    if (!found) return;
    request.user = found.user;
    request.pageUser = { id: found.user.id, email: found.user.email, displayName: displayName(found.user), canAdminister: canAdminister(found.user), canReviewProposals: hasPermission(found.user, "review:proposal:own") };
    request.sessionId = found.sessionId;
    if (now.getTime() - found.lastSeenAt.getTime() > touchEveryMs) await touchSession(deps.db, found.sessionId, now);
  });

  app.addHook("preHandler", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === "public") return;
    if (!request.user) throw new UnauthenticatedError();
    if (access === "signed-in") return;
    requirePermission(request.user, access);
  });
}

