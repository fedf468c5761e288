import type { FastifyInstance } from "fastify";
import { registerAgreementAdminRoutes } from "./admin/routes.tsx";
import { registerAgreementRoutes } from "./agreement/routes.tsx";
import { registerSigningRoutes } from "./agreement/signing-routes.tsx";
import { registerAttestationRoutes } from "./attestation/routes.tsx";
import type { TenPercentDeps } from "./deps.ts";
import { registerLedgerRoutes } from "./ledger/routes.tsx";
import { registerManagerRoutes } from "./managers/routes.tsx";

/**
 * « Mon 10 % » (issue 16), feature by feature: the member's agreement with their manager (prepare, send,
 * change, end), the signatories' personal links, the time ledger, the managers' « Mes agents », the
 * attestations and their public verification, and the programme team's follow-up.
 */
export function registerTenPercentRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  registerAgreementRoutes(app, deps);
  registerSigningRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerManagerRoutes(app, deps);
  registerAttestationRoutes(app, deps);
  registerAgreementAdminRoutes(app, deps);
}
