import type { FastifyInstance } from "fastify";
import type { EventsDeps } from "./deps.ts";

/** (to be written) */
export function registerAgendaRoutes(app: FastifyInstance, deps: EventsDeps) {
  void app;
  void deps;
}
