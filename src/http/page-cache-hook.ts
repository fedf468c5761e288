import type { FastifyInstance } from "fastify";
import type { PageCache } from "./page-cache.ts";

/** Serves anonymous visitors the cached HTML of cacheable routes, with a fresh CSP nonce or a 304. */
export function registerAnonymousPageCache(app: FastifyInstance, cache: PageCache) {
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || request.user || !request.routeOptions.config?.cacheForAnonymous) return;
    const hit = cache.find(request.url, reply.cspNonce?.script ?? "");
    if (!hit) return;
    reply.header("etag", hit.etag).header("cache-control", "no-cache");
    if (request.headers["if-none-match"] === hit.etag) {
      // The browser keeps the body it has, with the CSP it came with; the inline script is also allowed by hash.
      reply.removeHeader("content-security-policy");
      return reply.code(304).send();
    }
    return reply.type("text/html; charset=utf-8").send(hit.html);
  });
}
