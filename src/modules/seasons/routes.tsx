import type { FastifyInstance } from "fastify";
import type { SeasonsDeps } from "./deps.ts";

/** `/saisons`, `/saisons/<slug>` (calendar, projects, figures) and the programme team's `/admin/saisons`. */
export function registerSeasonRoutes(app: FastifyInstance, deps: SeasonsDeps) {
  void app;
  void deps;
}
