import type { FastifyInstance } from "fastify";
import { registerAssignmentRoutes } from "./assignment/routes.tsx";
import { registerBulloterieRoutes } from "./bulloterie/routes.tsx";
import { registerCafeRoutes } from "./cafe/routes.tsx";
import type { TeamsDeps } from "./deps.ts";
import { registerJoinRequestRoutes } from "./join-requests/routes.tsx";
import { registerNeedsRoutes } from "./needs/routes.tsx";
import { registerWishRoutes } from "./wishes/routes.tsx";

/** The teams module's pages, feature by feature: what each project seeks, wishes, the assignment (programme team), joining a team after publication, the bulloterie, the « café 10 % » (with its monthly round). */
export function registerTeamRoutes(app: FastifyInstance, deps: TeamsDeps) {
  registerNeedsRoutes(app, deps);
  registerWishRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerJoinRequestRoutes(app, deps);
  registerBulloterieRoutes(app, deps);
  registerCafeRoutes(app, deps);
}
