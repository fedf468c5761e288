import type { FastifyInstance } from "fastify";
import { registerAssignmentRoutes } from "./assignment/routes.tsx";
import type { TeamsDeps } from "./deps.ts";
import { registerNeedsRoutes } from "./needs/routes.tsx";

/** The teams module's pages, feature by feature: what each project seeks, the assignment (programme team). */
export function registerTeamRoutes(app: FastifyInstance, deps: TeamsDeps) {
  registerNeedsRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
}
