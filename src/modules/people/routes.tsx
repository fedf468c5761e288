import type { FastifyInstance } from "fastify";
import { registerCharterRoutes } from "./charter-routes.tsx";
import type { PeopleDeps } from "./deps.ts";
import { registerDirectoryRoutes } from "./directory/directory-routes.tsx";
import { registerJoiningRoutes } from "./joining-routes.tsx";
import { registerProfileRoutes } from "./profile-routes.tsx";
import { registerSkillAdminRoutes } from "./skill-admin-routes.tsx";

/** `/rejoindre/inscription` (joining wizard), `/programme/charte`, `/annuaire/…` (profiles, directory, skills), `/admin/competences`. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleDeps) {
  registerDirectoryRoutes(app, deps);
  registerJoiningRoutes(app, deps);
  registerCharterRoutes(app);
  registerProfileRoutes(app, deps);
  registerSkillAdminRoutes(app, deps);
}
