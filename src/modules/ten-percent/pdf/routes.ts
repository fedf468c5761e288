import type { FastifyInstance } from "fastify";
import { safeFileName } from "../../../shared/safe-file-name.ts";
import { listSeasons } from "../../seasons/api.ts";
import { requireAgreementAccess } from "../access.ts";
import type { TenPercentDeps } from "../deps.ts";
import { renderAgreementPdf } from "./agreement-pdf.ts";

/**
 * `GET /conventions/:id/pdf`: the agreement as a PDF, for whoever may see it (`requireAgreementAccess`: the
 * member, its signatories signed in, the programme team; 403 for anyone else, 404 unknown). Rendered at each
 * request from the stored versions, signatures and audit trail, so it always shows the current state.
 */
export function registerAgreementPdfRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock, pdf } = deps;

  app.get<{ Params: { id: string } }>("/conventions/:id/pdf", { config: { access: "signed-in" } }, async (request, reply) => {
    const { agreement } = await requireAgreementAccess(db, request.user ?? null, request.params.id);
    const season = (await listSeasons(db)).find((candidate) => candidate.id === agreement.seasonId);
    const bytes = renderAgreementPdf(pdf, agreement, clock.now(), season?.name);
    const fileName = safeFileName(`convention-10-pourcent-${agreement.terms.memberName}-${season?.slug ?? agreement.terms.startsOn.slice(0, 4)}.pdf`);
    return reply.header("cache-control", "private, no-store").header("content-disposition", `attachment; filename="${fileName}"`).type("application/pdf").send(bytes);
  });
}
