import { Badge } from "../../../ui/badge.tsx";
import { Callout } from "../../../ui/callout.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { Agreement } from "../agreement/agreement-repository.ts";
import { agreementStatusBadges, agreementStatusLabels } from "../domain/agreement-states.ts";
import { monthLabel } from "../domain/ledger-rules.ts";
import { usedOverBudget } from "./agreement-ledgers.ts";

export const myAgentsPath = "/mes-agents";

/** One agent of the signed-in manager: the agreement, its season, this month's and the period's used / budget. */
export type ManagerAgentRow = {
  agreement: Agreement;
  seasonName: string;
  /** Null when this month is outside the agreement's period. */
  thisMonth: { used: number; budget: number } | null;
  total: { used: number; budget: number };
};

export type ManagerAgentsModel = { month: string; rows: ManagerAgentRow[]; email: string };

/** « Mes agents »: the agreements naming the signed-in person as manager or third signatory. */
export function ManagerAgentsPage({ context, model }: { context: PageContext; model: ManagerAgentsModel }) {
  return (
    <Layout context={context} title="Mes agents" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Mes agents</h1>
      {model.rows.length === 0 ? (
        <>
          <p className="fr-text--lead">Aucune convention 10&nbsp;% ne vous désigne pour l’instant.</p>
          <p>
            Cette page réunit les agents qui donnent 10&nbsp;% de leur temps au Programme 10&nbsp;% avec votre accord&nbsp;: leur convention, et le temps qu’ils y consacrent chaque mois face au
            budget convenu.
          </p>
          <Callout title="Comment vos agents apparaissent ici" headingLevel={2}>
            Un agent vous désigne dans sa convention par votre adresse professionnelle. Connectez-vous avec cette même adresse (par lien de connexion ou avec ProConnect)&nbsp;: vous êtes connecté·e
            avec <strong>{model.email}</strong>. Si votre agent a indiqué une autre adresse, connectez-vous avec celle-ci ou demandez-lui de corriger sa convention.
          </Callout>
        </>
      ) : (
        <>
          <p>
            Les agents dont la convention 10&nbsp;% vous désigne comme manager ou comme signataire, avec le temps donné au programme en demi-journées. Le 10&nbsp;% est un plafond convenu avec vous, pas un
            objectif.
          </p>
          <Table
            caption={"Mes agents et leur temps au Programme 10\u00a0%"}
            columns={["Agent", "Organisation", "Saison", "État de la convention", `${capitalised(monthLabel(model.month))} (utilisé / budget)`, "Sur la période (utilisé / budget)", "Liens"]}
            rowHeaders
            rows={model.rows.map((row) => [
              row.agreement.terms.memberName,
              row.agreement.terms.memberOrganisation || "—",
              row.seasonName,
              <Badge key="status" label={agreementStatusLabels[row.agreement.status]} kind={agreementStatusBadges[row.agreement.status]} small />,
              row.thisMonth ? usedOverBudget(row.thisMonth.used, row.thisMonth.budget) : "—",
              usedOverBudget(row.total.used, row.total.budget),
              <ul key="links" className="fr-raw-list">
                <li>
                  <a className="fr-link" href={`${myAgentsPath}/${row.agreement.id}`}>
                    Temps de {row.agreement.terms.memberName}
                  </a>
                </li>
                <li>
                  <a className="fr-link" href={`/conventions/${row.agreement.id}`}>
                    Convention de {row.agreement.terms.memberName}
                  </a>
                </li>
              </ul>,
            ])}
          />
        </>
      )}
    </Layout>
  );
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
