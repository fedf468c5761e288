import type { FastifyInstance } from "fastify";
import type { WorkspaceDeps } from "./deps.ts";
import { registerOverviewRoutes } from "./overview/routes.tsx";
import { registerFramingRoutes } from "./framing/routes.tsx";
import { registerMilestoneRoutes } from "./milestones/routes.tsx";
import { registerLogRoutes } from "./log/routes.tsx";
import { registerLinksRoutes } from "./links/routes.tsx";
import { registerRestitutionRoutes } from "./restitution/routes.tsx";
import { registerReusesRoutes } from "./reuses/routes.tsx";
import { registerPortfolioRoutes } from "./portfolio/routes.tsx";

/**
 * The project workspace's pages (issue 15), feature by feature: the overview, the framing (versions,
 * comparison, the coach's review), milestones, the log of workshops with the team's « météo », links and
 * files, the restitution, reuses declared by administrations, and the season's portfolio.
 */
export function registerWorkspaceRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  registerOverviewRoutes(app, deps);
  registerFramingRoutes(app, deps);
  registerMilestoneRoutes(app, deps);
  registerLogRoutes(app, deps);
  registerLinksRoutes(app, deps);
  registerRestitutionRoutes(app, deps);
  registerReusesRoutes(app, deps);
  registerPortfolioRoutes(app, deps);
}
