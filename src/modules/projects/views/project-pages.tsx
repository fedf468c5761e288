import { Card } from "../../../ui/card.tsx";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, type Option, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { TagsGroup } from "../../../ui/tag.tsx";
import { ContentBody, type ContentItem, ContentLead, plainSummary } from "../../content/api.ts";
import { projectStateLabels, type ProjectState } from "../domain/project-state.ts";
import { DetailList, ExternalLink } from "../../../ui/detail-list.tsx";
import { TeamSection, type TeamSectionModel } from "./team-section.tsx";
import { WorkspacePublicSection, type WorkspacePublicSectionModel } from "./workspace-section.tsx";

const home: BreadcrumbItem = { label: "Accueil", href: "/" };

/** A season on a project page: « Saison 2023 », and how the project entered it (null for an old page without entity). */
export type SeasonLine = { name: string; entryLabel: string | null };

export type ProjectPageModel = {
  title: string;
  path: string;
  pitch: string | null;
  problem: string;
  seasons: SeasonLine[];
  currentPhase: string | null;
  organisations: string[];
  skills: string[];
  repositoryUrl: string | null;
  tchapRoom: string | null;
  responsible: string | null;
  coverImage: string | null;
  description: ContentItem | null;
  news: ContentItem[];
  /** The team section of the project's latest season (teams module), or null. */
  team: TeamSectionModel | null;
  /** The public part of the project's workspace (workspace module), or null. */
  workspace: WorkspacePublicSectionModel | null;
};

export type CarryOverForm = { seasons: Option[]; values?: { seasonId: string; reason: string }; errors?: FieldErrors; done?: string | null };



export function ProjectPage({ context, share, project, carryOver }: { context: PageContext; share: SharePreview; project: ProjectPageModel; carryOver: CarryOverForm | null }) {
  const description = project.pitch ?? plainSummary(project.description?.summary ?? null) ?? undefined;
  return (
    <Layout context={context} title={project.title} description={description ? plainSummary(description) : undefined} breadcrumb={[home, { label: "Projets", href: "/projets" }]} share={share}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          {carryOver?.done ? (
            <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
              <p>{carryOver.done}</p>
            </div>
          ) : null}
          <h1>{project.title}</h1>
          {project.pitch ? <ContentLead summary={project.pitch} title={project.title} /> : <ContentLead summary={project.description?.summary ?? null} title={project.title} />}
          <DetailList
            entries={[
              {
                label: project.seasons.length > 1 ? "Saisons" : "Saison",
                value:
                  project.seasons.length === 0 ? null : (
                    <ul className="fr-raw-list">
                      {project.seasons.map((season) => (
                        <li key={season.name}>
                          {season.name}
                          {season.entryLabel ? `\u00a0: ${season.entryLabel}` : ""}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              { label: "Phase en cours", value: project.currentPhase },
              { label: "Organisations participantes", value: project.organisations.length ? <TagsGroup small tags={project.organisations.map((name) => ({ label: name }))} /> : null },
              { label: "Compétences recherchées", value: project.skills.length ? <TagsGroup small tags={project.skills.map((name) => ({ label: name }))} /> : null },
              { label: "Responsable", value: project.responsible },
              {
                label: "Code source",
                value: project.repositoryUrl ? (
                  <ExternalLink href={project.repositoryUrl} label={`Dépôt de code du projet ${project.title}`}>
                    Dépôt de code du projet
                  </ExternalLink>
                ) : null,
              },
              {
                label: "Discussion",
                value: project.tchapRoom ? (
                  <ExternalLink href={project.tchapRoom} label={`Salon Tchap du projet ${project.title}`}>
                    Salon Tchap du projet
                  </ExternalLink>
                ) : null,
              },
            ]}
          />
          {project.problem.trim() ? (
            <section aria-labelledby="probleme">
              <h2 id="probleme">Le problème</h2>
              <p style={{ whiteSpace: "pre-line" }}>{project.problem}</p>
            </section>
          ) : null}
          {project.description ? <ContentBody item={project.description} /> : null}
          {project.workspace ? <WorkspacePublicSection model={project.workspace} projectTitle={project.title} /> : null}
          {project.team ? <TeamSection model={project.team} csrfToken={context.csrfToken} /> : null}
          {project.news.length > 0 ? (
            <section aria-labelledby="actualites-projet" className="fr-mb-4w">
              <h2 id="actualites-projet">Actualités du projet</h2>
              <ul>
                {project.news.map((item) => (
                  <li key={item.id}>
                    <a href={item.path}>{item.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {carryOver ? <CarryOverSection title={project.title} path={project.path} form={carryOver} csrfToken={context.csrfToken} /> : null}
        </div>
      </div>
    </Layout>
  );
}

function CarryOverSection({ title, path, form, csrfToken }: { title: string; path: string; form: CarryOverForm; csrfToken: string }) {
  return (
    <section aria-labelledby="poursuivre" className="fr-mt-6w">
      <h2 id="poursuivre">Poursuivre dans une autre saison</h2>
      {form.seasons.length === 0 ? (
        <p>Aucune saison ne commence après la dernière saison du projet {title}&nbsp;: créez d’abord la saison suivante (Administration, Saisons).</p>
      ) : (
        <form method="post" action={`${path}/poursuivre`} noValidate>
          <CsrfField token={csrfToken} />
          <ErrorSummary errors={form.errors ?? {}} />
          <SelectField name="seasonId" label="Poursuivre dans la saison…" required options={form.seasons} value={form.values?.seasonId} placeholder="Choisir une saison" error={form.errors?.seasonId} />
          <TextareaField
            name="reason"
            label="Raison de la poursuite"
            hint="Pourquoi le projet continue : ce qui reste à faire, qui s’y engage."
            required
            rows={3}
            maxLength={2000}
            value={form.values?.reason}
            error={form.errors?.reason}
          />
          <button className="fr-btn" type="submit">
            Poursuivre le projet
          </button>
        </form>
      )}
    </section>
  );
}

export type ProjectCardModel = { title: string; path: string; pitch: string | null; organisations: string[]; coverImage: string | null };
export type ProjectSeasonGroup = { key: string; name: string; projects: ProjectCardModel[] };
export type ProjectFilters = { season?: string | undefined; state?: ProjectState | undefined; organisation?: string | undefined; skill?: string | undefined };

export function ProjectListPage({
  context,
  share,
  intro,
  groups,
  filters,
  options,
  total,
}: {
  context: PageContext;
  share: SharePreview;
  intro: ContentItem | null;
  groups: ProjectSeasonGroup[];
  filters: ProjectFilters;
  options: { seasons: Option[]; organisations: Option[]; skills: Option[] };
  total: number;
}) {
  // The platform's page: only the lead may come from the content item at `/projets` (editable by the team), never its
  // body, which on the old site sent ideas to a questionnaire that the call for projects replaces.
  const title = "Projets";
  const lead = intro?.summary?.trim() ? intro.summary : "Les projets interministériels menés par les experts du Programme\u00a010\u00a0%.";
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <Layout context={context} title={title} description={plainSummary(lead)} breadcrumb={[home]} share={share}>
      <h1>{title}</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <ContentLead summary={lead} title={title} />
          <p>
            Vous avez une idée de projet d’intérêt commun entre administrations&nbsp;? Proposez-la lors de l’<a href="/appel-a-projets">appel à projets</a>{" "}
            de la saison.
          </p>
        </div>
      </div>
      <form method="get" action="/projets" className="fr-mb-4w" aria-label="Filtrer les projets">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="saison" label="Saison" placeholder="Toutes les saisons" value={filters.season} options={options.seasons} />
          </div>
          <div className="fr-col-12 fr-col-md-2">
            <SelectField
              name="etat"
              label="État"
              placeholder="Tous"
              value={filters.state}
              options={Object.entries(projectStateLabels).map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="organisation" label="Organisation" placeholder="Toutes les organisations" value={filters.organisation} options={options.organisations} />
          </div>
          <div className="fr-col-12 fr-col-md-2">
            <SelectField name="competence" label="Compétence recherchée" placeholder="Toutes" value={filters.skill} options={options.skills} />
          </div>
          <div className="fr-col-12 fr-col-md-2 fr-mb-3w">
            <button className="fr-btn" type="submit">
              Filtrer
            </button>
          </div>
        </div>
        {filtered ? (
          <p>
            <a className="fr-link" href="/projets">
              Voir tous les projets
            </a>
          </p>
        ) : null}
      </form>
      <h2 className="fr-h4">{total === 0 ? "Aucun projet" : total === 1 ? "1 projet" : `${total} projets`}</h2>
      {total === 0 ? <p>{filtered ? "Aucun projet ne correspond à ces filtres." : "Aucun projet n’a encore été publié."}</p> : null}
      {groups.map((group) => {
        const id = `saison-${group.key}`;
        return (
          <section key={id} aria-labelledby={id}>
            <h2 id={id} className="fr-h3">
              {group.name}
            </h2>
            <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
              {group.projects.map((project) => (
                <li key={project.path} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
                  <Card
                    title={project.title}
                    href={project.path}
                    description={plainSummary(project.pitch, 200)}
                    endDetail={project.organisations.length ? project.organisations.join(", ") : undefined}
                    image={project.coverImage ? { src: project.coverImage, alt: "" } : undefined}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
