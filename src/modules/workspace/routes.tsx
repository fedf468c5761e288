import type { FastifyInstance } from "fastify";
import type { WorkspaceDeps } from "./deps.ts";
import { registerOverviewRoutes } from "./overview/routes.tsx";

/**
 * The project workspace's pages (issue 15), feature by feature: the overview, the framing (versions,
 * comparison, the coach's review), milestones, the log of workshops with the team's « météo », links and
 * files, the restitution, reuses declared by administrations, and the season's portfolio.
 */
export function registerWorkspaceRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  registerOverviewRoutes(app, deps);
}
