import type { FastifyInstance } from "fastify";
import type { TenPercentDeps } from "../deps.ts";
import { registerAgreementPdfRoutes } from "../pdf/routes.ts";

/** The agreement's PDF, the member's attestations of time contributed and their public verification. */
export function registerAttestationRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  registerAgreementPdfRoutes(app, deps);
}
