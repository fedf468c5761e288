import type { FastifyInstance } from "fastify";
import type { TenPercentDeps } from "../deps.ts";

export function registerAttestationRoutes(_app: FastifyInstance, _deps: TenPercentDeps) {}
