import { ofName } from "../../../shared/french-elision.ts";
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
    <Layout context={context} title="Mes agents" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }]}>
      <h1>Mes agents</h1>
      {model.rows.length === 0 ? (
        <>
          <p className="fr-text--lead">Aucune convention 10&nbsp;% ne vous désigne pour l’instant.</p>
          <p>
            Cette page sert aux managers (et aux signataires des ministères) des agents qui donnent jusqu’à 10&nbsp;% de leur temps au Programme 10&nbsp;% avec leur accord. Quand un agent vous
            désigne, vous y trouvez&nbsp;:
          </p>
          <ul>
            <li>sa convention et son état (en attente de votre signature, acceptée, terminée)&nbsp;;</li>
            <li>le temps qu’il ou elle donne au programme chaque mois, en demi-journées, face au budget convenu avec vous&nbsp;;</li>
            <li>les événements du programme suivis et, s’il ou elle le partage, le détail du travail déclaré.</li>
          </ul>
          <Callout title="Comment vos agents apparaissent ici" headingLevel={2}>
            <ol>
              <li>Votre agent prépare sa convention sur la plateforme et vous y désigne par votre adresse professionnelle.</li>
              <li>Vous recevez un courriel avec un lien personnel pour la lire et la signer, sans avoir besoin de compte.</li>
              <li>
                Ensuite, connectez-vous ici avec cette même adresse (par lien de connexion ou avec ProConnect) pour suivre son temps. Vous êtes connecté·e avec <strong>{model.email}</strong>&nbsp;: si
                votre agent a indiqué une autre adresse, connectez-vous avec celle-ci ou demandez-lui de corriger sa convention.
              </li>
            </ol>
          </Callout>
          <p>
            Vous êtes membre et cherchez votre propre convention ou votre temps&nbsp;?{" "}
            <a className="fr-link" href="/mon-10-pourcent">
              Voir Mon 10&nbsp;%
            </a>
          </p>
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
                    Temps {ofName(row.agreement.terms.memberName)}
                  </a>
                </li>
                <li>
                  <a className="fr-link" href={`/conventions/${row.agreement.id}`}>
                    Convention {ofName(row.agreement.terms.memberName)}
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
