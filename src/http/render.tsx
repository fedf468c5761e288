import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { PageContext } from "../ui/page-context.ts";
import type { PageCache } from "./page-cache.ts";

export function renderDocument(element: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
}

/** Builds the context every page receives; a CSRF token is minted only where a form needs one. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, options: { form?: boolean } = {}): PageContext {
  const user = request.pageUser;
  const needsToken = Boolean(user) || options.form === true;
  return {
    path: request.url.split("?")[0] ?? "/",
    user,
    nonce: reply.cspNonce?.script ?? "",
    csrfToken: needsToken ? reply.generateCsrf() : "",
  };
}

/** Sends a rendered page; anonymous pages of cacheable routes go into the page cache. */
export function sendPage(reply: FastifyReply, element: ReactElement, status = 200, cache?: PageCache): FastifyReply {
  const html = renderDocument(element);
  const request = reply.request;
  if (cache && status === 200 && request.method === "GET" && !request.user && request.routeOptions.config.cacheForAnonymous) {
    cache.store(request.url, html, reply.cspNonce?.script ?? "");
  }
  return reply.code(status).header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
}
