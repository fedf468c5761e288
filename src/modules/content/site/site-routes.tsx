import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";

/** The public site: home, programme, news, projects, trainings, events, pages, redirects. */
export function registerSiteRoutes(_app: FastifyInstance, _deps: ContentDeps) {}
