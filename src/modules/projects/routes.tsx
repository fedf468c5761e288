import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { SharePreview } from "../../ui/layout.tsx";
import type { Option } from "../../ui/fields.tsx";
import { type ContentItem, findPublicItem, findPublicItemByPath, findRedirectTarget, listPublicNews, type ProjectDetails } from "../content/api.ts";
import { hasPermission } from "../identity/api.ts";
import { organisationLookup } from "../organisations/api.ts";
import { skillLookup } from "../people/api.ts";
import type { ProjectsDeps } from "./deps.ts";
import { currentPhaseOf, findCurrentSeason, findSeasonBySlug } from "../seasons/api.ts";
import { canCarryOverInto } from "./domain/carry-over.ts";
import { entryLabels, type ProjectState, projectStateOf } from "./domain/project-state.ts";
import { findProjectBySlug, listProjects, listSeasons, listSeasonsOfProjects, type Project, type ProjectSeason, type SoughtSkill } from "./repository.ts";
import { carryOverSchema } from "./schemas.ts";
import { carryOverProject } from "./use-cases/carry-over-project.ts";
import { type CarryOverForm, ProjectListPage, ProjectPage, type ProjectFilters, type ProjectPageModel, type ProjectSeasonGroup } from "./views/project-pages.tsx";

const publicPage = { access: "public", cacheForAnonymous: true } as const;

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" && first.length <= 100 ? first.trim() : undefined;
}

function isPlausibleSlug(slug: string): boolean {
  return slug.length <= 300 && !/[\u0000-\u001f\u007f]/.test(slug);
}

function skillIdsOf(project: Project): string[] {
  const sought = Array.isArray(project.skillsSought) ? (project.skillsSought as SoughtSkill[]) : [];
  return sought.map((skill) => skill.skillId).filter((id): id is string => typeof id === "string");
}

function organisationIdsOf(project: Project): string[] {
  return [...new Set([project.sponsorOrganisationId, ...project.participatingOrganisationIds].filter((id): id is string => id !== null))];
}

async function namesOf(deps: ProjectsDeps, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const name = await organisationLookup.findName(deps.db, id);
    if (name) names.set(id, name);
  }
  return names;
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });
const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);

/** The public project pages (`/projets`, `/projets/:slug`) and the programme team's carry-over. */
export function registerProjectRoutes(app: FastifyInstance, deps: ProjectsDeps) {
  const { db, clock } = deps;
  const share = (path: string, image?: string | null): SharePreview => ({ url: new URL(path, deps.publicUrl).href, image: image ? new URL(image, deps.publicUrl).href : null, type: "website" });

  app.get("/projets", { config: publicPage }, async (request, reply) => {
    const now = clock.now();
    const [intro, projects, seasons] = await Promise.all([findPublicItemByPath(db, "/projets", now), listProjects(db), listSeasons(db)]);
    const seasonsOf = await listSeasonsOfProjects(
      db,
      projects.map((project) => project.id),
    );
    const current = await findCurrentSeason(db, now);
    const organisationNames = await namesOf(deps, projects.flatMap(organisationIdsOf));
    const skillNames = await skillLookup.findNames(db, [...new Set(projects.flatMap(skillIdsOf))]);
    const descriptions = new Map<string, ContentItem>();
    for (const project of projects) {
      if (!project.contentPath) continue;
      const item = await findPublicItemByPath(db, project.contentPath, now);
      if (item) descriptions.set(project.id, item);
    }

    const stateText = queryValue(request, "etat");
    const filters: ProjectFilters = {
      season: seasons.some((season) => season.slug === queryValue(request, "saison")) ? queryValue(request, "saison") : undefined,
      state: stateText === "en-cours" || stateText === "termine" ? (stateText as ProjectState) : undefined,
      organisation: organisationNames.has(queryValue(request, "organisation") ?? "") ? queryValue(request, "organisation") : undefined,
      skill: skillNames.has(queryValue(request, "competence") ?? "") ? queryValue(request, "competence") : undefined,
    };
    const matching = projects.filter((project) => {
      const ran = seasonsOf.get(project.id) ?? [];
      if (filters.state && projectStateOf(ran.at(-1) ?? null, current) !== filters.state) return false;
      if (filters.organisation && !organisationIdsOf(project).includes(filters.organisation)) return false;
      if (filters.skill && !skillIdsOf(project).includes(filters.skill)) return false;
      if (filters.season && !ran.some((season) => season.slug === filters.season)) return false;
      return true;
    });
    const groups: ProjectSeasonGroup[] = seasons
      .filter((season) => !filters.season || season.slug === filters.season)
      .map((season) => ({
        key: season.slug,
        name: season.name,
        projects: matching
          .filter((project) => (seasonsOf.get(project.id) ?? []).some((ran) => ran.id === season.id))
          .map((project) => ({
            title: project.title,
            path: `/projets/${project.slug}`,
            pitch: project.pitch || descriptions.get(project.id)?.summary || null,
            organisations: organisationIdsOf(project).flatMap((id) => organisationNames.get(id) ?? []),
            coverImage: descriptions.get(project.id)?.coverImage ?? null,
          })),
      }))
      .filter((group) => group.projects.length > 0);
    const options = {
      seasons: seasons.map((season) => ({ value: season.slug, label: season.name })),
      organisations: [...organisationNames].map(([value, label]) => ({ value, label })).sort(byLabel),
      skills: [...skillNames].map(([value, label]) => ({ value, label })).sort(byLabel),
    };
    const query = new URLSearchParams(
      Object.entries({ saison: filters.season, etat: filters.state, organisation: filters.organisation, competence: filters.skill }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    return sendPage(
      reply,
      <ProjectListPage
        context={pageContext(request, reply)}
        share={share(query ? `/projets?${query}` : "/projets")}
        intro={intro}
        groups={groups}
        filters={filters}
        options={options}
        total={matching.length}
      />,
      200,
      deps.pageCache,
    );
  });

  /** The page model of a project entity: its seasons, names, description page and news. */
  async function projectModel(project: Project, now: Date, viewer: FastifyRequest["user"]): Promise<{ model: ProjectPageModel; seasons: ProjectSeason[] }> {
    const seasons = (await listSeasonsOfProjects(db, [project.id])).get(project.id) ?? [];
    const organisationNames = await namesOf(deps, organisationIdsOf(project));
    const skillNames = await skillLookup.findNames(db, skillIdsOf(project));
    const description = project.contentPath ? await findPublicItemByPath(db, project.contentPath, now) : null;
    const details = (description?.details ?? {}) as ProjectDetails;
    return {
      seasons,
      model: {
        title: project.title,
        path: `/projets/${project.slug}`,
        pitch: project.pitch || null,
        problem: project.problem,
        seasons: seasons.map((season) => ({ name: season.name, entryLabel: entryLabels[season.entry] })),
        currentPhase: await currentPhaseName(seasons.at(-1) ?? null, now),
        organisations: organisationIdsOf(project).flatMap((id) => organisationNames.get(id) ?? []),
        skills: skillIdsOf(project).flatMap((id) => skillNames.get(id) ?? []),
        repositoryUrl: project.repositoryUrl ?? details.githubUrl ?? null,
        tchapRoom: project.tchapRoom ?? details.tchapUrl ?? null,
        responsible: details.responsible ?? null,
        coverImage: description?.coverImage ?? null,
        description,
        news: await newsAbout(project, now),
        team: deps.teamSection ? await deps.teamSection({ projectId: project.id, projectSlug: project.slug, viewer, now }) : null,
        workspace: deps.workspaceSection ? await deps.workspaceSection({ projectId: project.id, projectSlug: project.slug, viewer, now }) : null,
      },
    };
  }

  /** The phase of the project's latest season running now (« Construction »), or the next one « à venir ». */
  async function currentPhaseName(latest: ProjectSeason | null, now: Date): Promise<string | null> {
    const season = latest ? await findSeasonBySlug(db, latest.slug) : null;
    if (!season) return null;
    const status = currentPhaseOf(season, now);
    if (status.kind === "none") return null;
    return status.kind === "current" ? `${status.phase.name} (${season.name})` : `${status.phase.name}, à venir (${season.name})`;
  }

  /**
   * The public news about a project: tagged with its title or slug, or naming it in their title or body
   * when the title is a short name (« Cartiflette », « ChartsGouv »: at most three words) — accents and
   * case ignored, whole words only. The ten most recent.
   */
  async function newsAbout(project: Project, now: Date): Promise<ContentItem[]> {
    const normalise = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    const tags = new Set([project.title, project.slug].map(normalise));
    const name = normalise(project.title);
    const mentions = name.length >= 4 && name.split(/\s+/).length <= 3 ? new RegExp(`(^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`) : null;
    const { items } = await listPublicNews(db, now, {}, { limit: 500, offset: 0 });
    return items.filter((item) => item.tags.some((tag) => tags.has(normalise(tag))) || (mentions !== null && mentions.test(normalise(`${item.title}\n${item.body}`)))).slice(0, 10);
  }

  /** An imported project page with no project entity yet: shown from the content item alone. */
  function legacyModel(item: ContentItem): ProjectPageModel {
    const details = item.details as ProjectDetails;
    return {
      title: item.title,
      path: item.path,
      pitch: null,
      problem: "",
      seasons: details.season ? [{ name: `Saison ${details.season}`, entryLabel: null }] : [],
      currentPhase: null,
      organisations: details.administrations ?? [],
      skills: [],
      repositoryUrl: details.githubUrl ?? null,
      tchapRoom: details.tchapUrl ?? null,
      responsible: details.responsible ?? null,
      coverImage: item.coverImage,
      description: item,
      news: [],
      team: null,
      workspace: null,
    };
  }

  async function carryOverForm(request: FastifyRequest, seasonsOfProject: ProjectSeason[], extra: Partial<CarryOverForm> = {}): Promise<CarryOverForm | null> {
    if (!hasPermission(request.user ?? null, "manage:project:any")) return null;
    const latest = seasonsOfProject.at(-1) ?? null;
    const seasons = (await listSeasons(db)).filter((season) => canCarryOverInto(season, latest)).map((season) => ({ value: season.id, label: season.name }));
    return { seasons, ...extra };
  }

  /** The project page; `carriedInto` (a season's name after a carry-over) is confirmed to the programme team only, and only if true. */
  async function renderProject(request: FastifyRequest, reply: FastifyReply, project: Project, status: number, extra: Partial<CarryOverForm> = {}, carriedInto?: string) {
    const { model, seasons } = await projectModel(project, clock.now(), request.user ?? null);
    const confirmed = seasons.find((season) => season.entry === "carried_over" && season.name === carriedInto);
    const done = confirmed ? `Le projet est poursuivi dans la ${confirmed.name.replace(/^Saison/, "saison")}.` : null;
    const carryOver = await carryOverForm(request, seasons, { ...extra, done });
    return sendPage(reply, <ProjectPage context={pageContext(request, reply, { form: carryOver !== null })} share={share(model.path, model.coverImage)} project={model} carryOver={carryOver} />, status, deps.pageCache);
  }

  app.get<{ Params: { slug: string } }>("/projets/:slug", { config: publicPage }, async (request, reply) => {
    const { slug } = request.params;
    if (!isPlausibleSlug(slug)) throw new NotFoundError("Cette page n’existe pas.");
    const project = await findProjectBySlug(db, slug);
    if (project) {
      return renderProject(request, reply, project, 200, {}, queryValue(request, "poursuivi"));
    }
    const item = await findPublicItem(db, "project", slug, clock.now());
    if (item) return sendPage(reply, <ProjectPage context={pageContext(request, reply)} share={share(item.path, item.coverImage)} project={legacyModel(item)} carryOver={null} />, 200, deps.pageCache);
    // An old address of a moved item answers 301 to its new one (Hugo lower-cased its URLs).
    const path = `/projets/${slug}`;
    for (const candidate of new Set([path, path.toLowerCase()])) {
      const target = await findRedirectTarget(db, candidate);
      if (target && target.startsWith("/") && !target.startsWith("//") && target !== path) return reply.redirect(target, 301);
    }
    throw new NotFoundError("Cette page n’existe pas ou a été déplacée.");
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/poursuivre", { config: { access: "manage:project:any" } }, async (request, reply) => {
    const project = isPlausibleSlug(request.params.slug) ? await findProjectBySlug(db, request.params.slug) : null;
    if (!project) throw new NotFoundError("Ce projet n’existe pas.");
    const form = parseForm(carryOverSchema, request.body);
    const kept = (values: Record<string, unknown>) => ({ seasonId: String(values.seasonId ?? ""), reason: String(values.reason ?? "") });
    if (!form.ok) return renderProject(request, reply, project, 400, { values: kept(form.values), errors: form.errors });
    try {
      await carryOverProject(db, { projectId: project.id, seasonId: form.data.seasonId, decidedBy: request.user!.id, reason: form.data.reason, decidedAt: clock.now() });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderProject(request, reply, project, 409, { values: kept(form.data), errors: error.fieldErrors });
      throw error;
    }
    deps.pageCache.clear();
    const season = (await listSeasons(db)).find((candidate) => candidate.id === form.data.seasonId);
    return reply.redirect(`/projets/${project.slug}?poursuivi=${encodeURIComponent(season?.name ?? "")}`, 303);
  });
}
