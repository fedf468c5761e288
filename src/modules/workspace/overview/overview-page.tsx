import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Badge } from "../../../ui/badge.tsx";
import { DetailList } from "../../../ui/detail-list.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { CurrentFraming } from "../framing/framing-repository.ts";
import { weatherBadges, weatherLabels } from "../log/log-labels.ts";
import { teamRoleLabels } from "../../teams/api.ts";
import { attendanceText, type PortfolioRow } from "../portfolio/portfolio-rows.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";

export type OverviewModel = {
  facts: PortfolioRow | null;
  framing: CurrentFraming | null;
  team: { name: string; role: "lead" | "contributor" | "coach"; ministry: string | null }[];
  canEdit: boolean;
  /** Earlier seasons of the project, newest first, with what they left (the « passeport »). */
  otherSeasons: { slug: string; name: string; milestonesDone: { title: string; dueOn: string }[]; lastLog: { happenedOn: string; done: string; nextSteps: string } | null; links: { label: string; url: string }[] }[];
};


/** The workspace's first page: where the project stands, in a few cards, each leading to its section. */
export function OverviewPage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: OverviewModel }) {
  const { facts, framing } = model;
  const link = (suffix: string) => `${frame.basePath}${suffix}${frame.query}`;
  return (
    <WorkspaceLayout context={context} frame={frame} section="overview" title="Espace projet">
      <DetailList
        entries={[
          { label: "Phase de la saison", value: facts?.phase ?? "La saison est terminée" },
          {
            label: "Météo",
            value: (
              <>
                {facts?.lastLog ? (
                  <>
                    <Badge kind={weatherBadges[facts.lastLog.weather]} small label={weatherLabels[facts.lastLog.weather]} as="span" /> {facts.lastLog.weatherNote ? `${facts.lastLog.weatherNote} — ` : ""}journal du {formatCalendarDay(facts.lastLog.happenedOn)}.
                  </>
                ) : (
                  "Pas encore de journal de bord."
                )}
                {facts?.stale ? (
                  <>
                    {" "}
                    <Badge kind="warning" small label="Sans nouvelles depuis un mois" as="span" />
                  </>
                ) : null}{" "}
                <a href={link("/journal")}>Voir le journal de bord</a>
              </>
            ),
          },
          {
            label: "Fiche de cadrage",
            value: (
              <>
                {framing ? `Version ${framing.version}, ${framing.reviewed ? "relue par le ou la coach" : "pas encore relue"}.` : "Pas encore écrite."} <a href={link("/cadrage")}>{model.canEdit ? "Voir et modifier la fiche" : "Voir la fiche"}</a>
              </>
            ),
          },
          {
            label: "Prochain jalon",
            value: (
              <>
                {facts?.nextMilestone ? `${facts.nextMilestone.title}, le ${formatCalendarDay(facts.nextMilestone.dueOn)}.` : "Aucun jalon à venir."} <a href={link("/jalons")}>Tous les jalons</a>
              </>
            ),
          },
          { label: "Présence aux trois derniers ateliers", value: facts && facts.lastWorkshops.length > 0 ? `${attendanceText(facts)} membres de l’équipe présents` : "Pas encore d’atelier émargé." },
        ]}
      />
      {framing?.summary ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Résumé</h2>
          <p>{framing.summary}</p>
        </>
      ) : null}
      <h2 className="fr-h4 fr-mt-4w">Équipe de la saison</h2>
      {model.team.length === 0 ? (
        <p>L’équipe n’est pas encore formée.</p>
      ) : (
        <ul>
          {model.team.map((member, index) => (
            <li key={index}>
              {member.name} — {teamRoleLabels[member.role]}
              {member.ministry ? ` (${member.ministry})` : ""}
            </li>
          ))}
        </ul>
      )}
      {model.otherSeasons.length > 0 ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Passeport du projet</h2>
          <p>Ce que les saisons précédentes ont laissé : la nouvelle saison repart de là. La fiche de cadrage de cette saison part de la dernière fiche écrite.</p>
          {model.otherSeasons.map((season) => (
            <section key={season.slug} aria-labelledby={`passeport-${season.slug}`} className="fr-mb-3w">
              <h3 className="fr-h6 fr-mb-1w" id={`passeport-${season.slug}`}>
                {season.name}
              </h3>
              {season.milestonesDone.length > 0 ? (
                <p className="fr-mb-1w">
                  Jalons atteints : {season.milestonesDone.map((milestone) => `${milestone.title} (${formatCalendarDay(milestone.dueOn)})`).join("\u00a0; ")}.
                </p>
              ) : (
                <p className="fr-mb-1w">Aucun jalon atteint n’est noté.</p>
              )}
              {season.lastLog ? (
                <p className="fr-mb-1w">
                  Dernier atelier, le {formatCalendarDay(season.lastLog.happenedOn)} : {season.lastLog.done}
                  {season.lastLog.nextSteps ? ` Prochaines étapes notées : ${season.lastLog.nextSteps}` : ""}
                </p>
              ) : null}
              {season.links.length > 0 ? (
                <ul>
                  {season.links.map((link) => (
                    <li key={link.url}>
                      <a href={link.url} target="_blank" rel="noopener noreferrer" title={`${link.label} — nouvelle fenêtre`}>
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="fr-text--sm">
                <a href={`${frame.basePath}?saison=${encodeURIComponent(season.slug)}`}>Espace de la {season.name.replace(/^Saison/, "saison")}</a> (pour les équipes de cette saison)
              </p>
            </section>
          ))}
        </>
      ) : null}
    </WorkspaceLayout>
  );
}
