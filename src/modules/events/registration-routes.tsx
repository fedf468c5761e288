import type { FastifyInstance } from "fastify";
import type { EventsDeps } from "./deps.ts";

/** (to be written) */
export function registerRegistrationRoutes(app: FastifyInstance, deps: EventsDeps) {
  void app;
  void deps;
}
