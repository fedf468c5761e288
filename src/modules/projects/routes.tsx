import type { FastifyInstance } from "fastify";
import type { ProjectsDeps } from "./deps.ts";

/** The projects' own routes (administration, carry-over); the public pages stay with `/projets` for now. */
export function registerProjectRoutes(app: FastifyInstance, deps: ProjectsDeps) {
  void app;
  void deps;
}
