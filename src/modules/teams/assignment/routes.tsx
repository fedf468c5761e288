import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { keepValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { formatCalendarDay, formatDateTime, parisDayOf } from "../../../shared/french-date.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { isUuid } from "../../../shared/uuid.ts";
import { skillLookup } from "../../people/api.ts";
import { listProjectsOfSeason } from "../../projects/api.ts";
import { findSeasonBySlug, listSeasons, type SeasonWithPhases } from "../../seasons/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { countDraftWishLists, listNeedsOfSeason, listSubmittedWishLists } from "../team-repository.ts";
import { findAssignment, listAssignmentPeople, listLocks } from "./assignment-repository.ts";
import { createComputeAssignment } from "./compute-assignment.ts";
import { checkTeams, defaultTeamSize, type TeamNeeds } from "./draft.ts";
import { describePlacement, describeRelaxedRule, describeUnplaced, inThirdPerson } from "./explain.ts";
import { type AssignmentRules, defaultAssignmentRules, type SkillLevel } from "./instance.ts";
import { createPublishAssignment } from "./publish-assignment.ts";
import { createLockMember, createMoveMember, createSaveAssignmentRules, createUnlockMember } from "./review-draft.ts";
import { type AssignmentPageModel, AssignmentPage, AssignmentSeasonsPage, type ReviewProject } from "./views/assignment-page.tsx";

const access = { access: "manage:team:any" } as const;
type SlugParams = { slug: string };

const versionSchema = z.coerce.number().int().min(0).max(1_000_000_000);
const memberSchema = z.string().refine(isUuid);

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}

/** The rules form: boxes ticked or not, the mix numbers within sensible bounds (French message otherwise). */
export function parseRules(body: Record<string, unknown>): AssignmentRules {
  const mix = field(body, "mix") === "on";
  const minMinistries = Number.parseInt(field(body, "minMinistries"), 10);
  const sharePercent = Number.parseInt(field(body, "maxSharePercent"), 10);
  const errors: Record<string, string> = {};
  if (mix && !(minMinistries >= 1 && minMinistries <= 10)) errors.minMinistries = "Indiquez un nombre de ministères entre 1 et 10.";
  if (mix && !(sharePercent >= 10 && sharePercent <= 100)) errors.maxSharePercent = "Indiquez une part entre 10 et 100 %.".replace(" %", "\u00a0%");
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
  return {
    sizes: field(body, "sizes") === "on",
    requiredSkills: field(body, "requiredSkills") === "on",
    minMinistries: mix ? minMinistries : null,
    maxMinistryShare: mix ? sharePercent / 100 : null,
  };
}

/** The programme team's assignment pages: `/admin/equipes` and `/admin/equipes/<season>` with its actions. */
export function registerAssignmentRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db } = deps;
  const compute = createComputeAssignment(deps);
  const saveRules = createSaveAssignmentRules(deps);
  const move = createMoveMember(deps);
  const lock = createLockMember(deps);
  const unlock = createUnlockMember(deps);
  const publish = createPublishAssignment(deps);

  async function requireSeason(slug: string): Promise<SeasonWithPhases> {
    const season = slug.length <= 60 ? await findSeasonBySlug(db, slug) : null;
    if (!season) throw new NotFoundError("Cette saison n’existe pas.");
    return season;
  }

  type Extra = { notice?: string; error?: string; fieldErrors?: Record<string, string>; ruleValues?: AssignmentPageModel["ruleValues"] };
  async function pageModel(season: SeasonWithPhases, extra: Extra): Promise<AssignmentPageModel> {
    const [projects, needs, record, locks, wishLists, draftWishListCount] = await Promise.all([
      listProjectsOfSeason(db, season.id),
      listNeedsOfSeason(db, season.id),
      findAssignment(db, season.id),
      listLocks(db, season.id),
      listSubmittedWishLists(db, season.id),
      countDraftWishLists(db, season.id),
    ]);
    const needsOf = new Map(needs.map((need) => [need.projectId, need]));
    const skillNames = await skillLookup.findNames(db, [...new Set(needs.flatMap((need) => need.skills.map((skill) => skill.skillId)))]);
    const reviewProjects: ReviewProject[] = projects.map((project) => {
      const need = needsOf.get(project.id);
      return {
        id: project.id,
        slug: project.slug,
        title: project.title,
        minSize: need?.minSize ?? defaultTeamSize.minSize,
        maxSize: need?.maxSize ?? defaultTeamSize.maxSize,
        needsSet: need !== undefined,
        requiredSkills: (need?.skills ?? []).filter((skill) => skill.required).map((skill) => skillNames.get(skill.skillId) ?? "compétence inconnue"),
      };
    });
    const draft = record?.draft ?? null;
    const memberIds = draft ? [...draft.placements.map((placement) => placement.memberId), ...draft.unplaced.map((entry) => entry.memberId)] : [];
    const people = await listAssignmentPeople(db, memberIds);
    const rules = record?.rules ?? defaultAssignmentRules;
    const teamNeeds: TeamNeeds[] = reviewProjects.map((project) => ({
      projectId: project.id,
      minSize: project.minSize,
      maxSize: project.maxSize,
      requiredSkills: (needsOf.get(project.id)?.skills ?? []).filter((skill) => skill.required).map((skill) => ({ skillId: skill.skillId, level: skill.level as SkillLevel })),
    }));
    const projectTitles = new Map(projects.map((project) => [project.id, project.title]));
    const names = { project: (id: string) => projectTitles.get(id) ?? "un projet", skill: (id: string) => skillNames.get(id) ?? "une compétence", ministry: (id: string | null) => (id ? [...people.values()].find((person) => person.ministryId === id)?.ministryName ?? "un ministère" : "ministère inconnu") };
    const explanations = new Map<string, string>();
    if (draft) {
      for (const placement of draft.placements) {
        const locked = locks.some((entry) => entry.userId === placement.memberId);
        const text = placement.moved
          ? `Placé·e à la main${placement.rank ? ` (${placement.rank === 1 ? "1er" : `${placement.rank}e`} vœu)` : ""}`
          : placement.reason.kind === "fixed" && placement.reason.fixedKind === "lock"
            ? "Placé·e à la main"
            : inThirdPerson(describePlacement(placement.reason, names));
        explanations.set(placement.memberId, `${text.charAt(0).toUpperCase()}${text.slice(1)}${locked ? " — verrouillé·e" : ""}`);
      }
      for (const entry of draft.unplaced) {
        const text = entry.reason.kind === "moved_out" ? "Retiré·e de son équipe à la main" : inThirdPerson(describeUnplaced(entry.reason, names));
        explanations.set(entry.memberId, `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
      }
    }
    const wishesPhase = season.phases.find((phase) => phase.key === "wishes");
    const today = parisDayOf(deps.clock.now());
    return {
      wishesPhaseOver: !wishesPhase || wishesPhase.endsOn < today,
      season: { slug: season.slug, name: season.name },
      wishesPhase: wishesPhase ? `du ${formatCalendarDay(wishesPhase.startsOn)} au ${formatCalendarDay(wishesPhase.endsOn)}` : null,
      projects: reviewProjects,
      wishListCount: wishLists.length,
      draftWishListCount,
      rules,
      version: record?.version ?? 0,
      draft,
      computedAt: record?.computedAt ? formatDateTime(record.computedAt) : null,
      publishedAt: record?.publishedAt ? formatDateTime(record.publishedAt) : null,
      checks: draft ? checkTeams(draft.placements, teamNeeds, people, rules) : [],
      people: new Map([...people].map(([id, person]) => [id, { id, name: person.name, ministryName: person.ministryName, profileSlug: person.profileSlug }])),
      locked: new Set(locks.map((entry) => entry.userId)),
      explanations,
      relaxedTexts: draft ? draft.relaxed.map((rule) => describeRelaxedRule(rule, names)) : [],
      skillNames,
      ...extra,
    };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, season: SeasonWithPhases, status: number, extra: Extra = {}) {
    return sendPage(reply, <AssignmentPage context={pageContext(request, reply)} model={await pageModel(season, extra)} />, status);
  }

  /** Runs a change; a refused one re-renders the page with its French message (409 when the draft changed meanwhile, else 400). */
  async function act(request: FastifyRequest<{ Params: SlugParams }>, reply: FastifyReply, change: (season: SeasonWithPhases, body: Record<string, unknown>, version: number) => Promise<string>) {
    const season = await requireSeason(request.params.slug);
    const body = keepValues(request.body) as Record<string, unknown>;
    const version = versionSchema.safeParse(body.version);
    if (!version.success) return render(request, reply, season, 400, { error: "Le formulaire est incomplet : rechargez la page.".replace(" :", "\u00a0:") });
    try {
      const notice = await change(season, body, version.data);
      deps.pageCache.clear();
      return reply.redirect(`/admin/equipes/${season.slug}?fait=${encodeURIComponent(notice)}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const conflict = Object.keys(error.fieldErrors).some((key) => key === "draft" || key === "publish");
      // Errors of a field are shown at the field (the rules' numbers, the confirmation), the others above the page.
      const atFields = ["minMinistries", "maxSharePercent", "confirm"];
      const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).filter(([key]) => atFields.includes(key)));
      const others = Object.entries(error.fieldErrors).filter(([key]) => !atFields.includes(key)).map(([, message]) => message);
      const ruleValues = body.minMinistries !== undefined ? { sizes: field(body, "sizes") === "on", requiredSkills: field(body, "requiredSkills") === "on", mix: field(body, "mix") === "on", minMinistries: field(body, "minMinistries").slice(0, 20), maxSharePercent: field(body, "maxSharePercent").slice(0, 20) } : undefined;
      return render(request, reply, season, conflict ? 409 : 400, { ...(others.length > 0 ? { error: others.join(" ") } : {}), fieldErrors, ...(ruleValues ? { ruleValues } : {}) });
    }
  }

  const notices: Record<string, string> = {
    regles: "Règles enregistrées : elles s’appliquent au prochain calcul.",
    calcul: "Équipes calculées",
    deplacement: "Membre déplacé·e",
    verrou: "Membre verrouillé·e : le prochain calcul le ou la gardera dans ce projet.",
    deverrou: "Membre déverrouillé·e",
    publication: "Équipes publiées : chaque membre et chaque porteur ou porteuse reçoit un courriel.",
  };

  app.get("/admin/equipes", { config: access }, async (request, reply) => {
    const seasons = await listSeasons(db);
    const rows = [];
    for (const season of seasons) {
      const [projects, wishLists, record] = await Promise.all([listProjectsOfSeason(db, season.id), listSubmittedWishLists(db, season.id), findAssignment(db, season.id)]);
      const state = record?.publishedAt ? `Publiées le ${formatDateTime(record.publishedAt)}` : record?.draft ? "Proposition à relire" : "Pas encore calculées";
      rows.push({ slug: season.slug, name: season.name, projects: projects.length, wishLists: wishLists.length, state });
    }
    return sendPage(reply, <AssignmentSeasonsPage context={pageContext(request, reply)} rows={rows} />);
  });

  app.get<{ Params: SlugParams }>("/admin/equipes/:slug", { config: access }, async (request, reply) => {
    const season = await requireSeason(request.params.slug);
    const done = (request.query as Record<string, unknown>).fait;
    const notice = typeof done === "string" ? notices[done] : undefined;
    return render(request, reply, season, 200, notice ? { notice: notice.replace(" :", "\u00a0:") } : {});
  });

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/regles", { config: access }, (request, reply) =>
    act(request, reply, async (season, body, version) => {
      await saveRules({ seasonId: season.id, version, rules: parseRules(body) });
      return "regles";
    }),
  );

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/calculer", { config: access }, (request, reply) =>
    act(request, reply, async (season, _body, version) => {
      const record = await findAssignment(db, season.id);
      if (record && record.version !== version) throw new InvalidInputError({ draft: "Le projet d’équipes a changé depuis que vous avez ouvert la page : voici la version à jour." });
      await compute(season.id);
      return "calcul";
    }),
  );

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/deplacer", { config: access }, (request, reply) =>
    act(request, reply, async (season, body, version) => {
      const memberId = memberSchema.safeParse(body.memberId);
      if (!memberId.success) throw new InvalidInputError({ memberId: "Choisissez un membre de la proposition." });
      const projects = await listProjectsOfSeason(db, season.id);
      const target = field(body, "projectId");
      await move({ seasonId: season.id, version, memberId: memberId.data, projectId: target === "aucun" ? null : target, projectIds: projects.map((project) => project.id), movedBy: request.user!.id });
      return "deplacement";
    }),
  );

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/verrouiller", { config: access }, (request, reply) =>
    act(request, reply, async (season, body, version) => {
      const memberId = memberSchema.safeParse(body.memberId);
      if (!memberId.success) throw new InvalidInputError({ memberId: "Choisissez un membre de la proposition." });
      await lock({ seasonId: season.id, version, memberId: memberId.data, lockedBy: request.user!.id });
      return "verrou";
    }),
  );

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/deverrouiller", { config: access }, (request, reply) =>
    act(request, reply, async (season, body, version) => {
      const memberId = memberSchema.safeParse(body.memberId);
      if (!memberId.success) throw new InvalidInputError({ memberId: "Choisissez un membre de la proposition." });
      await unlock({ seasonId: season.id, version, memberId: memberId.data });
      return "deverrou";
    }),
  );

  app.post<{ Params: SlugParams }>("/admin/equipes/:slug/publier", { config: access }, (request, reply) =>
    act(request, reply, async (season, body, version) => {
      if (field(body, "confirm") !== "on") throw new InvalidInputError({ confirm: "Cochez la case pour confirmer la publication : les courriels partent aussitôt.".replace(" :", "\u00a0:") });
      const projects = await listProjectsOfSeason(db, season.id);
      const needs = await listNeedsOfSeason(db, season.id);
      const skillNames = await skillLookup.findNames(db, [...new Set(needs.flatMap((need) => need.skills.map((skill) => skill.skillId)))]);
      await publish({ season: { id: season.id, slug: season.slug, name: season.name }, projects: projects.map(({ id, slug, title }) => ({ id, slug, title })), skillNames, version, publishedBy: request.user!.id });
      return "publication";
    }),
  );

}
