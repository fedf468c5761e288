import type { FastifyInstance } from "fastify";
import type { TenPercentDeps } from "../deps.ts";

export function registerSigningRoutes(_app: FastifyInstance, _deps: TenPercentDeps) {}
