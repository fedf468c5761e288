import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { DomainError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthenticatedError } from "../shared/domain-error.ts";
import { ErrorPage, errorTexts } from "./error-page.tsx";
import { RefusedRequestError } from "./refused-request.ts";
import { pageContext, sendPage } from "./render.tsx";

/** Seconds a browser or a proxy is told to wait when the database cannot be reached. */
export const retryAfterSeconds = 30;

/** Domain error classes → HTTP status: the one table of the platform. */
const statusOfDomainError = new Map<new (...args: never[]) => DomainError, number>([
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [TooManyRequestsError, 429],
]);

function statusOf(error: unknown): number {
  if (error instanceof DomainError) {
    for (const [type, status] of statusOfDomainError) if (error instanceof type) return status;
    return 422;
  }
  if (isDatabaseUnavailable(error)) return 503;
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.code === "string" && fastifyError.code.startsWith("FST_CSRF")) return 403;
  const status = fastifyError.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

export function sendErrorPage(request: FastifyRequest, reply: FastifyReply, status: number, message?: string) {
  const texts = errorTexts[status] ?? (status >= 500 ? errorTexts[500]! : errorTexts[400]!);
  const context = pageContext(request, reply);
  const action = status === 401 ? { label: "Se connecter", href: `/connexion?retour=${encodeURIComponent(request.url)}` } : undefined;
  return sendPage(reply, createElement(ErrorPage, { context, status, title: texts.title, lead: message ?? texts.lead, detail: texts.detail, action }), status);
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const status = statusOf(error);
    if (error instanceof UnauthenticatedError && request.method === "GET") {
      return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
    }
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      // Nothing to fix on the user's side: the pool reconnects by itself once the database answers again.
      if (status === 503) reply.header("retry-after", String(retryAfterSeconds));
      return sendErrorPage(request, reply, status === 503 ? 503 : 500);
    }
    request.log.info({ code: (error as FastifyError).code, status }, "request refused");
    if ((error as FastifyError).code?.startsWith("FST_CSRF")) {
      return sendErrorPage(
        request,
        reply,
        403,
        "Le formulaire a expiré ou ne vient pas de ce site. Revenez à la page précédente, rechargez-la et envoyez le formulaire à nouveau.",
      );
    }
    // Rate-limit refusals carry their French message with the waiting time.
    const message = (error instanceof DomainError && status !== 422) || error instanceof RefusedRequestError || status === 429 ? (error as Error).message : undefined;
    return sendErrorPage(request, reply, status, message);
  });

  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, 404));
}
