import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";

/** The programme team imports a zip of Hugo/Jekyll content from the administration. */
export function registerImportRoutes(_app: FastifyInstance, _deps: ContentDeps) {}
