import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Badge } from "../../../ui/badge.tsx";
import { CheckboxField, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { SeasonWithPhases } from "../../seasons/api.ts";
import { weatherBadges, weatherLabels } from "../log/log-labels.ts";
import { attendanceText, type PortfolioFilter, type PortfolioRow, type PortfolioSort, portfolioSorts } from "./portfolio-rows.ts";

export const portfolioPath = "/portefeuille";
export const portfolioCsvPath = "/portefeuille.csv";

export type PortfolioPageModel = {
  season: SeasonWithPhases;
  seasons: Option[];
  ministries: string[];
  filter: PortfolioFilter;
  sort: PortfolioSort;
  rows: PortfolioRow[];
  total: number;
  /** An AMD sees only the projects involving their ministry. */
  limited: boolean;
  /** The projects whose workspace the viewer may open; null: all of them (programme team). */
  openable: ReadonlySet<string> | null;
};


function queryOf(model: PortfolioPageModel): string {
  const params = new URLSearchParams({ saison: model.season.slug, tri: model.sort });
  if (model.filter.weather) params.set("meteo", model.filter.weather);
  if (model.filter.ministry) params.set("ministere", model.filter.ministry);
  if (model.filter.staleOnly) params.set("sans_nouvelles", "1");
  return params.toString();
}

/** The season's projects in one table: phase, next milestone, last log and météo, team, attendance; filters in a GET form (works without JavaScript). */
export function PortfolioPage({ context, model }: { context: PageContext; model: PortfolioPageModel }) {
  const stale = model.rows.filter((row) => row.stale).length;
  return (
    <Layout context={context} title="Portefeuille des projets" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Portefeuille des projets</h1>
      <p className="fr-text--lead">{model.season.name}</p>
      {model.limited ? <p>Vous voyez les projets dont l’équipe compte un membre de votre ministère.</p> : null}
      <form method="get" action={portfolioPath} className="fr-mb-4w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Filtrer et trier</legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="saison" label="Saison" options={model.seasons} value={model.season.slug} />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="meteo"
              label="Météo"
              options={[...Object.entries(weatherLabels).map(([value, label]) => ({ value, label })), { value: "none", label: "Pas encore de journal" }]}
              value={model.filter.weather ?? ""}
              placeholder="Toutes"
            />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="ministere" label="Ministère" options={[...model.ministries.map((name) => ({ value: name, label: name }))]} value={model.filter.ministry ?? ""} placeholder="Tous" />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField name="tri" label="Trier par" options={Object.entries(portfolioSorts).map(([value, label]) => ({ value, label }))} value={model.sort} />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-8">
            <CheckboxField name="sans_nouvelles" value="1" label="Seulement les projets sans journal depuis un mois" checked={model.filter.staleOnly ?? false} />
          </div>
          <div className="fr-fieldset__element">
            <button className="fr-btn" type="submit">
              Afficher
            </button>
          </div>
        </fieldset>
      </form>
      {model.total === 0 ? (
        <p>{model.limited ? "Aucun projet de cette saison ne compte pour l’instant un membre de votre ministère dans son équipe." : "Aucun projet dans cette saison pour l’instant."}</p>
      ) : model.rows.length === 0 ? (
        <p>Aucun projet ne correspond à ces filtres.</p>
      ) : (
        <>
          <p>
            {model.rows.length} projet{model.rows.length > 1 ? "s" : ""} affiché{model.rows.length > 1 ? "s" : ""} sur {model.total}
            {stale > 0 ? `, dont ${stale} sans journal depuis un mois` : ""}.{" "}
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${portfolioCsvPath}?${queryOf(model)}`}>
              Télécharger le tableau (CSV)
            </a>
          </p>
          <Table
            caption={`Projets de la ${model.season.name.replace(/^Saison/, "saison")}`}
            rowHeaders
            columns={["Projet", "Phase", "Prochain jalon", "Dernier journal", "Météo", "Équipe", "Présence aux trois derniers ateliers"]}
            rows={model.rows.map((row) => [
              !model.openable || model.openable.has(row.projectId) ? <a href={`/projets/${row.slug}/espace?saison=${encodeURIComponent(model.season.slug)}`}>{row.title}</a> : row.title,
              row.phase ?? "—",
              row.nextMilestone ? `${row.nextMilestone.title} (${formatCalendarDay(row.nextMilestone.dueOn)})` : "—",
              <>
                {row.lastLog ? formatCalendarDay(row.lastLog.happenedOn) : "Aucun"}
                {row.stale ? <Badge kind="warning" small label="Sans nouvelles depuis un mois" /> : null}
              </>,
              row.lastLog ? (
                <>
                  <Badge kind={weatherBadges[row.lastLog.weather]} small label={weatherLabels[row.lastLog.weather]} />
                  {row.lastLog.weatherNote ? <span className="fr-text--xs">{row.lastLog.weatherNote}</span> : null}
                </>
              ) : (
                "—"
              ),
              `${row.teamSize} membre${row.teamSize > 1 ? "s" : ""}${row.ministries.length ? ` (${row.ministries.join(", ")})` : ""}`,
              attendanceText(row),
            ])}
          />
        </>
      )}
    </Layout>
  );
}
