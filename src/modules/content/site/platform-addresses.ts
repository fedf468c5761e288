import { and, eq, inArray, not, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { contentItems } from "../../../db/schema/index.ts";

/**
 * The exact addresses a route of the platform serves (`/rejoindre`, `/projets`, `/programme/calendrier`…), collected
 * as the routes are registered (parametric and wildcard routes aside). A route wins over a page item stored at its
 * address (imported from the old site or written in the editor): the content module's catch-all never answers there.
 */
export function collectPlatformAddresses(app: FastifyInstance): ReadonlySet<string> {
  const addresses = new Set<string>();
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes("GET") || /[:*(]/.test(route.url)) return;
    addresses.add(route.url === "/" ? "/" : route.url.replace(/\/+$/, ""));
  });
  return addresses;
}

/**
 * Leaves out the page items at the platform's addresses, so that the site search, the site map and the sub-page
 * cards do not show an old page the platform's own page replaces (the old « Rejoignez-nous » and its questionnaire).
 * Other kinds stay: the module serving the address reads them (the trainings' item at `/formations`).
 */
export function outsidePlatformAddresses(addresses: ReadonlySet<string> | undefined): SQL {
  if (!addresses || addresses.size === 0) return sql`true`;
  return not(and(eq(contentItems.kind, "page"), inArray(contentItems.path, [...addresses]))!);
}
