import { ofName } from "../../../shared/french-elision.ts";
import { Badge } from "../../../ui/badge.tsx";
import { type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { Agreement } from "../agreement/agreement-repository.ts";
import { type AgreementStatus, agreementStatusBadges, agreementStatusLabels } from "../domain/agreement-states.ts";
import { usedOverBudget } from "../managers/agreement-ledgers.ts";
import type { SeasonTimeTotals } from "./season-time-totals.ts";

export const adminAgreementsPath = "/admin/conventions";
export const adminTimeTotalsPath = "/admin/conventions/temps";
export const adminTimeTotalsCsvPath = "/admin/conventions/temps.csv";
export const adminThirdSignatoriesPath = "/admin/conventions/signataires";

export type AdminAgreementRow = { agreement: Agreement; ministryName: string; used: number; budget: number };

export type AdminAgreementsModel = {
  season: { slug: string; name: string };
  seasons: Option[];
  status: AgreementStatus | null;
  rows: AdminAgreementRow[];
  total: number;
};

function AdminLinks({ seasonSlug }: { seasonSlug: string }) {
  const query = `?saison=${encodeURIComponent(seasonSlug)}`;
  return (
    <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-4w">
      <li>
        <a className="fr-btn fr-btn--secondary" href={`${adminTimeTotalsPath}${query}`}>
          Temps donné par ministère et par projet
        </a>
      </li>
      <li>
        <a className="fr-btn fr-btn--secondary" href={adminThirdSignatoriesPath}>
          Signataires par ministère
        </a>
      </li>
    </ul>
  );
}

/** Every agreement of a season for the programme team: member, ministry, manager, status, used / budget; filter by status. */
export function AdminAgreementsPage({ context, model }: { context: PageContext; model: AdminAgreementsModel }) {
  const title = "Conventions 10\u00a0%";
  return (
    <Layout context={context} title={title} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }]}>
      <h1>{title}</h1>
      <p className="fr-text--lead">{model.season.name}</p>
      <AdminLinks seasonSlug={model.season.slug} />
      <form method="get" action={adminAgreementsPath} className="fr-mb-4w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Filtrer</legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="saison" label="Saison" options={model.seasons} value={model.season.slug} />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="etat" label="État" options={Object.entries(agreementStatusLabels).map(([value, label]) => ({ value, label }))} value={model.status ?? ""} placeholder="Tous" />
          </div>
          <div className="fr-fieldset__element">
            <button className="fr-btn" type="submit">
              Afficher
            </button>
          </div>
        </fieldset>
      </form>
      {model.total === 0 ? (
        <p>Aucune convention dans cette saison pour l’instant.</p>
      ) : model.rows.length === 0 ? (
        <p>Aucune convention dans cet état.</p>
      ) : (
        <>
          <p>
            {model.rows.length} convention{model.rows.length > 1 ? "s" : ""} affichée{model.rows.length > 1 ? "s" : ""} sur {model.total}. Le temps est compté en demi-journées, sur la période de chaque
            convention.
          </p>
          <Table
            caption={`Conventions de la ${model.season.name.replace(/^Saison/, "saison")}`}
            columns={["Membre", "Ministère", "Manager", "État", "Utilisé / budget", "Liens"]}
            rowHeaders
            rows={model.rows.map((row) => [
              row.agreement.terms.memberName,
              row.ministryName,
              <span key="manager">
                {row.agreement.terms.managerName}
                <br />
                <span className="fr-text--sm">{row.agreement.terms.managerEmail}</span>
              </span>,
              <Badge key="status" label={agreementStatusLabels[row.agreement.status]} kind={agreementStatusBadges[row.agreement.status]} small />,
              usedOverBudget(row.used, row.budget),
              <ul key="links" className="fr-raw-list">
                <li>
                  <a className="fr-link" href={`/conventions/${row.agreement.id}`}>
                    Convention {ofName(row.agreement.terms.memberName)}
                  </a>
                </li>
                <li>
                  <a className="fr-link" href={`/mes-agents/${row.agreement.id}`}>
                    Temps {ofName(row.agreement.terms.memberName)}
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

export type AdminTimeTotalsModel = { season: { slug: string; name: string }; seasons: Option[]; totals: SeasonTimeTotals };

function members(count: number): string {
  return `${count}\u00a0membre${count > 1 ? "s" : ""}`;
}

/** The half-days given in a season under an agreement, by ministry and by project, with the CSV. */
export function AdminTimeTotalsPage({ context, model }: { context: PageContext; model: AdminTimeTotalsModel }) {
  const title = "Temps donné par ministère et par projet";
  const { totals } = model;
  return (
    <Layout context={context} title={title} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }, { label: "Conventions 10\u00a0%", href: `${adminAgreementsPath}?saison=${encodeURIComponent(model.season.slug)}` }]}>
      <h1>{title}</h1>
      <p className="fr-text--lead">{model.season.name}</p>
      <form method="get" action={adminTimeTotalsPath} className="fr-mb-4w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Choisir la saison</legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="saison" label="Saison" options={model.seasons} value={model.season.slug} />
          </div>
          <div className="fr-fieldset__element">
            <button className="fr-btn" type="submit">
              Afficher
            </button>
          </div>
        </fieldset>
      </form>
      <p>
        Le temps donné sous une convention acceptée (ou terminée avant son terme, jusqu’à sa fin), en demi-journées&nbsp;: les événements du programme émargés et le travail déclaré par les membres. Le
        ministère est celui du membre quand sa convention a été envoyée.
      </p>
      {totals.members === 0 ? (
        <p>Aucun temps compté dans cette saison pour l’instant.</p>
      ) : (
        <>
          <p>
            <strong>
              {totals.halfDays}&nbsp;demi-journée{totals.halfDays > 1 ? "s" : ""}
            </strong>{" "}
            donnée{totals.halfDays > 1 ? "s" : ""} par {members(totals.members)} sous convention.{" "}
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${adminTimeTotalsCsvPath}?saison=${encodeURIComponent(model.season.slug)}`}>
              Télécharger les totaux (CSV)
            </a>
          </p>
          <Table
            caption="Temps donné par ministère"
            columns={["Ministère", "Demi-journées", "Membres sous convention"]}
            rowHeaders
            rows={totals.byMinistry.map((row) => [row.name, String(row.halfDays), String(row.members)])}
          />
          <Table caption="Temps donné par projet" columns={["Projet", "Demi-journées", "Membres"]} rowHeaders rows={totals.byProject.map((row) => [row.title, String(row.halfDays), String(row.members)])} />
        </>
      )}
    </Layout>
  );
}
