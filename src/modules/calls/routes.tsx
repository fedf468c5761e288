import type { FastifyInstance } from "fastify";
import type { CallsDeps } from "./deps.ts";

/** `/appel-a-projets` (the open call), `/appel-a-projets/<id>` (a proposal), qualification and decisions. */
export function registerCallRoutes(app: FastifyInstance, deps: CallsDeps) {
  void app;
  void deps;
}
