import type { FastifyInstance } from "fastify";
import type { TenPercentDeps } from "../deps.ts";

export function registerAgreementRoutes(_app: FastifyInstance, _deps: TenPercentDeps) {}
