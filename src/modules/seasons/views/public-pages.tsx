import { countOf } from "../../../shared/french-plural.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { PhaseDates, PhaseStatus } from "../domain/phases.ts";
import type { SeasonFigures, SeasonProject, SeasonWithPhases } from "../repository.ts";
import { seasonsBreadcrumb } from "./breadcrumb.ts";
import { formatDay, formatRange, phaseLine } from "./format.ts";

export type SeasonSummary = { season: SeasonWithPhases; status: PhaseStatus<PhaseDates>; isCurrent: boolean };

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `/saisons`: every season, the current (or next) one first. */
export function SeasonsPage({ context, share, seasons }: { context: PageContext; share: SharePreview; seasons: SeasonSummary[] }) {
  return (
    <Layout context={context} title="Saisons" description={"Les saisons du Programme 10\u00a0%, leurs phases et leurs projets."} breadcrumb={seasonsBreadcrumb.slice(0, 1)} share={share}>
      <h1>Saisons</h1>
      <p className="fr-text--lead">Chaque saison suit le même rythme&nbsp;: appel à projets, qualification, lancement, investigation, construction, amplification et restitution.</p>
      {seasons.length === 0 ? (
        <p>Aucune saison n’est encore publiée.</p>
      ) : (
        <ul className="fr-raw-list">
          {seasons.map(({ season, status, isCurrent }) => {
            const line = phaseLine(status);
            return (
              <li className="fr-mb-4w" key={season.id}>
                <h2 className="fr-h4 fr-mb-1w">
                  <a href={`/saisons/${season.slug}`}>{season.name}</a>
                </h2>
                {isCurrent ? <Badge label="Saison en cours" kind="info" small /> : null}
                <p className="fr-mb-1w">{capitalised(formatRange(season.startsOn, season.endsOn))}.</p>
                {line ? <p className="fr-text--bold">{capitalised(line)}.</p> : <p>Saison terminée.</p>}
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

export type SeasonPageProps = { context: PageContext; share: SharePreview; season: SeasonWithPhases; status: PhaseStatus<PhaseDates>; today: string; projects: SeasonProject[]; figures: SeasonFigures };

function phaseState(phase: PhaseDates, status: PhaseStatus<PhaseDates>, today: string) {
  if (status.kind === "current" && status.phase === phase) return <Badge as="span" label="En cours" kind="info" small />;
  if (phase.endsOn < today) return "Terminée";
  return "À venir";
}

/** `/saisons/<slug>`: the calendar of phases (the current one marked), the projects, the figures. */
export function SeasonPage({ context, share, season, status, today, projects, figures }: SeasonPageProps) {
  const line = phaseLine(status);
  return (
    <Layout context={context} title={season.name} description={`${season.name} du Programme 10\u00a0%\u00a0: calendrier des phases, projets et chiffres.`} breadcrumb={seasonsBreadcrumb} share={share}>
      <h1>{season.name}</h1>
      <p className="fr-text--lead">{capitalised(formatRange(season.startsOn, season.endsOn))}.</p>
      <div className="fr-callout fr-mb-4w">
        <p className="fr-callout__text">{line ? `${capitalised(line)}.` : "Cette saison est terminée."}</p>
      </div>

      <h2>Calendrier</h2>
      <Table
        caption={`Les phases de la ${season.name.replace(/^Saison/, "saison")}`}
        columns={["Phase", "Premier jour", "Dernier jour", "État"]}
        rowHeaders
        rows={season.phases.map((phase) => [phase.name, formatDay(phase.startsOn), formatDay(phase.endsOn), phaseState(phase, status, today)])}
      />

      <h2>En chiffres</h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        {[
          countOf(figures.projects, "projet"),
          countOf(figures.organisations, "organisation participante", "organisations participantes"),
          countOf(figures.members, "membre"),
          ...(figures.reused ? [`${countOf(figures.reused, "projet réutilisé", "projets réutilisés")} par d’autres administrations`] : []),
        ].map((figure) => (
          <li className={`fr-col-12 ${figures.reused ? "fr-col-md-3" : "fr-col-md-4"}`} key={figure}>
            <p className="fr-text--lg fr-text--bold fr-mb-0">{figure}</p>
          </li>
        ))}
      </ul>

      <h2>Projets</h2>
      {projects.length === 0 ? (
        <p>Aucun projet n’est encore rattaché à cette saison.</p>
      ) : (
        <ul>
          {projects.map((project) => (
            <li key={project.slug}>
              <a href={`/projets/${project.slug}`}>{project.title}</a>
              {project.entry === "carried_over" ? " (poursuivi depuis la saison précédente)" : null}
              {project.pitch ? `\u00a0— ${project.pitch}` : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
