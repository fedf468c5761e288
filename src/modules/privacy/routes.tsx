import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";

/** `/compte/donnees` (see, download, correct) and `/compte/suppression` (delete the account). */
export function registerPrivacyRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  void app;
  void deps;
}
