import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { parisDayOf } from "../../../shared/french-date.ts";
import { listSeasons } from "../../seasons/api.ts";
import { canReadWorkLines, requireAgreementAccess } from "../access.ts";
import { listAgreementsOfSignatory } from "../agreement/agreement-repository.ts";
import type { TenPercentDeps } from "../deps.ts";
import { loadAgreementLedgers } from "./agreement-ledgers.ts";
import { ManagerAgentPage } from "./manager-agent-page.tsx";
import { ManagerAgentsPage, myAgentsPath } from "./manager-agents-page.tsx";
import { registerMonthlyManagerSummaries } from "./monthly-summary.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AgentParams = { Params: { agreementId: string } };

/**
 * « Mes agents » (issue 16): `GET /mes-agents`, the agreements whose current version names the signed-in
 * address as manager or third signatory, with this month's and the period's used / budget; `GET
 * /mes-agents/:agreementId`, one agent's ledger month by month (`requireAgreementAccess`: their manager or
 * third signatory, or the programme team; the member is sent to their own ledger; a replaced agreement's
 * signatories no longer). The work lines' details only when the member shares them. And the monthly summary mailed to each manager.
 */
export function registerManagerRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;

  async function seasonNames(): Promise<Map<string, string>> {
    return new Map((await listSeasons(db)).map((season) => [season.id, season.name]));
  }

  app.get(myAgentsPath, { config: { access: "signed-in" } }, async (request, reply) => {
    const user = request.user!;
    const today = parisDayOf(clock.now());
    const month = today.slice(0, 7);
    const [named, seasons] = await Promise.all([listAgreementsOfSignatory(db, user.email), seasonNames()]);
    const agreements = named.filter((agreement) => agreement.status !== "replaced");
    const ledgers = await loadAgreementLedgers(db, agreements, today);
    const rows = agreements.map((agreement) => {
      const summary = ledgers.get(agreement.id)!.summary;
      const ofMonth = summary.months.find((row) => row.month === month);
      return {
        agreement,
        seasonName: seasons.get(agreement.seasonId) ?? "",
        thisMonth: ofMonth ? { used: ofMonth.used, budget: ofMonth.budget } : null,
        total: { used: summary.used, budget: summary.budget },
      };
    });
    return sendPage(reply, <ManagerAgentsPage context={pageContext(request, reply)} model={{ month, rows, email: user.email }} />);
  });

  app.get<AgentParams>(`${myAgentsPath}/:agreementId`, { config: { access: "signed-in" } }, async (request, reply) => {
    if (!uuidPattern.test(request.params.agreementId)) throw new NotFoundError("Cette convention n’existe pas.");
    const { agreement, viewer } = await requireAgreementAccess(db, request.user, request.params.agreementId);
    if (viewer === "member") return reply.redirect("/mon-10-pourcent/temps", 303);
    // A manager changing means a new agreement: the former one's signatories no longer follow the agent's time.
    const today = parisDayOf(clock.now());
    const [ledgers, seasons] = await Promise.all([loadAgreementLedgers(db, [agreement], today), seasonNames()]);
    const ledger = ledgers.get(agreement.id)!;
    return sendPage(
      reply,
      <ManagerAgentPage
        context={pageContext(request, reply)}
        model={{ agreement, viewer, seasonName: seasons.get(agreement.seasonId) ?? "", lines: ledger.lines, summary: ledger.summary, showWorkLines: canReadWorkLines(viewer, agreement) }}
      />,
    );
  });

  registerMonthlyManagerSummaries(app, deps);
}
