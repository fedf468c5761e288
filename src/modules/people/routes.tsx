import type { FastifyInstance } from "fastify";
import type { PeopleDeps } from "./deps.ts";

/** `/rejoindre/inscription` (joining wizard), `/annuaire/…` (profiles, directory, skills), `/admin/competences`. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleDeps) {
  void app;
  void deps;
}
