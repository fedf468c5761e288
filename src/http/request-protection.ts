import type { FastifyInstance } from "fastify";
import { ForbiddenError } from "../shared/domain-error.ts";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every state-changing request must come from our own pages: same origin (Origin and
 * Sec-Fetch-Site) and the synchronizer token of the form (CSRF).
 */
export function registerRequestProtection(app: FastifyInstance, { publicUrl }: { publicUrl: string }) {
  const ownOrigin = new URL(publicUrl).origin;
  app.addHook("preHandler", (request, reply, done) => {
    if (!unsafeMethods.has(request.method)) return done();
    const origin = request.headers.origin;
    const site = request.headers["sec-fetch-site"];
    const sameHost = origin ? hostOf(origin) === request.headers.host : true;
    if ((origin && origin !== "null" && origin !== ownOrigin && !sameHost) || origin === "null" || site === "cross-site") {
      return done(new ForbiddenError("Ce formulaire ne vient pas de ce site : la demande a été refusée."));
    }
    app.csrfProtection(request, reply, done);
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
