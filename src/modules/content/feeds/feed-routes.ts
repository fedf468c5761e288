import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";

/** Atom feeds, sitemap.xml and robots.txt. */
export function registerFeedRoutes(_app: FastifyInstance, _deps: ContentDeps) {}
