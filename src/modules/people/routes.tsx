import type { FastifyInstance } from "fastify";
import { registerCharterRoutes } from "./charter-routes.tsx";
import type { PeopleDeps } from "./deps.ts";
import { registerDirectoryRoutes } from "./directory/directory-routes.tsx";
import { registerJoinPageRoutes } from "./join-page-routes.tsx";
import { registerJoiningRoutes } from "./joining-routes.tsx";
import { registerProfileRoutes } from "./profile-routes.tsx";
import { registerSkillAdminRoutes } from "./skill-admin-routes.tsx";

/** `/rejoindre` (join page, and `/equipe` leading to it), `/rejoindre/inscription` (joining wizard), `/programme/charte`, `/annuaire/…` (profiles, directory, skills), `/admin/competences`. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleDeps) {
  registerDirectoryRoutes(app, deps);
  registerJoinPageRoutes(app, deps);
  registerJoiningRoutes(app, deps);
  registerCharterRoutes(app);
  registerProfileRoutes(app, deps);
  registerSkillAdminRoutes(app, deps);
}
