import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";

/** The programme team's editor: items, preview, schedule, history, restore, images. */
export function registerEditorRoutes(_app: FastifyInstance, _deps: ContentDeps) {}
