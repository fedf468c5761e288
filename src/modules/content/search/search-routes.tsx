import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";

/** Site search over news, pages, projects, trainings and events. */
export function registerSearchRoutes(_app: FastifyInstance, _deps: ContentDeps) {}
