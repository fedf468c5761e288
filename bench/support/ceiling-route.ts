// Preloaded into the built server by the bench only (`node --import ./bench/support/ceiling-route.ts
// dist/server.js`); the application itself has no such route.
//
// Fastify announces each new instance on the "fastify.initialization" diagnostics channel; we add one
// route to the app there. GET /__bench/ceiling?page=/x answers the HTML of /x (fetched once through the
// app) as a constant string: the same process, plugins and hooks (helmet, cookies, session lookup,
// request id, logging) as the real page, without rendering or the page cache. That is the ceiling a
// page can reach on this server.
import { subscribe } from "node:diagnostics_channel";
import type { FastifyInstance } from "fastify";

export const ceilingPath = "/__bench/ceiling";

let added = false;

subscribe("fastify.initialization", (message) => {
  if (added) return;
  added = true;
  const { fastify } = message as { fastify: FastifyInstance };
  const constants = new Map<string, string>();
  fastify.get(ceilingPath, { config: { access: "public" } }, async (request, reply) => {
    const page = (request.query as Record<string, string | undefined>).page ?? "/";
    let html = constants.get(page);
    if (html === undefined) {
      const response = await fastify.inject({ method: "GET", url: page });
      if (response.statusCode !== 200) return reply.code(502).send(`${page} answered ${response.statusCode}`);
      html = response.body;
      constants.set(page, html);
    }
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
  });
});
