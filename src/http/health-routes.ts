import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../db/client.ts";

/** /healthz: the process answers. /readyz: the database answers too. */
export function registerHealthRoutes(app: FastifyInstance, { database }: { database: DatabaseHandle }) {
  app.get("/healthz", { config: { access: "public" }, logLevel: "warn" }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: { access: "public" }, logLevel: "warn" }, async (request, reply) => {
    try {
      await database.ping();
      return { status: "ok", database: database.kind };
    } catch (error) {
      request.log.error({ err: error }, "database unreachable");
      return reply.code(503).send({ status: "unavailable", database: database.kind });
    }
  });
}
