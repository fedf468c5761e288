import type { CurrentUser, Permission } from "../modules/identity/api.ts";
import type { PageUser } from "../ui/page-context.ts";

/**
 * Who may call a route. Every route declares one (checked when routes are registered):
 * "public", "signed-in", or a permission `action:entity[:own|any]`.
 */
export type RouteAccess = "public" | "signed-in" | Permission;

declare module "fastify" {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** What pages show of the signed-in person (set with `user` by identity's session hook). */
    pageUser: PageUser | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The rendered page is the same for every anonymous visitor: keep it in the page cache. */
    cacheForAnonymous?: boolean;
  }
}
