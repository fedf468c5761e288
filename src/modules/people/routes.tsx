import type { FastifyInstance } from "fastify";
import type { PeopleDeps } from "./deps.ts";
import { registerJoiningRoutes } from "./joining-routes.tsx";
import { registerProfileRoutes } from "./profile-routes.tsx";
import { registerSkillAdminRoutes } from "./skill-admin-routes.tsx";

/** `/rejoindre/inscription` (joining wizard), `/annuaire/…` (profiles, directory, skills), `/admin/competences`. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleDeps) {
  registerJoiningRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerSkillAdminRoutes(app, deps);
}
