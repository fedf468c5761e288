import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { asc, eq, inArray } from "drizzle-orm";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { skills, users } from "../../../db/schema/index.ts";
import type { Executor } from "../../../db/client.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { displayName, hasPermission } from "../../identity/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { findProjectInSeason, type ProjectInSeason, seasonQuery } from "../project-in-season.ts";
import { requireTeamLeadOrProgrammeTeam } from "../team-guard.ts";
import { findProjectLeads, findProjectNeeds } from "../team-repository.ts";
import { parseNeedsForm } from "./needs-form.ts";
import { NeedsPage, type NeedsPageModel } from "./needs-page.tsx";
import { createSaveProjectNeeds } from "./use-cases/save-project-needs.ts";
import { createNameProjectLead, createRemoveProjectLead } from "./use-cases/name-project-lead.ts";

/** The accepted skills vocabulary, by name (read from the people module's table). */
async function listAcceptedSkills(db: Executor) {
  return db.select({ value: skills.id, label: skills.name }).from(skills).where(eq(skills.status, "accepted")).orderBy(asc(skills.name));
}

async function namesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, email: users.email, givenName: users.givenName, usualName: users.usualName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, displayName(row)]));
}

type SkillSought = { skillId?: unknown; level?: unknown; required?: unknown };

/** The form's values from the saved needs, or the skills the project's proposal sought. */
function savedValues(saved: Awaited<ReturnType<typeof findProjectNeeds>>, sought: unknown): FormValues {
  const values: FormValues = {};
  const rows: SkillSought[] = saved ? saved.skills : Array.isArray(sought) ? (sought as SkillSought[]) : [];
  rows.slice(0, 8).forEach((row, index) => {
    if (typeof row.skillId !== "string") return;
    values[`skill-${index + 1}`] = row.skillId;
    values[`level-${index + 1}`] = [1, 2, 3].includes(Number(row.level)) ? String(row.level) : "2";
    values[`need-${index + 1}`] = row.required ? "required" : "welcome";
  });
  if (saved) {
    values.minSize = String(saved.minSize);
    values.maxSize = String(saved.maxSize);
    values.rhythm = saved.rhythm;
    values.whyJoin = saved.whyJoin;
  }
  return values;
}

/** « Équipe recherchée » of a project in a season: `GET|POST /projets/:slug/equipe-recherchee`, and the programme team's naming of leads. */
export function registerNeedsRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db } = deps;
  const saveProjectNeeds = createSaveProjectNeeds(deps);
  const nameProjectLead = createNameProjectLead(deps);
  const removeProjectLead = createRemoveProjectLead(deps);

  async function load(request: FastifyRequest<{ Params: { slug: string } }>): Promise<ProjectInSeason> {
    const found = await findProjectInSeason(db, request.params.slug, seasonQuery(request));
    await requireTeamLeadOrProgrammeTeam(db, request.user, found.project.id, found.season.id);
    return found;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, found: ProjectInSeason, status: number, extra: Partial<NeedsPageModel> & { leadForm?: { email: string; error?: string; done?: string | null } } = {}) {
    const { project, season } = found;
    const saved = await findProjectNeeds(db, project.id, season.id);
    let leads: NeedsPageModel["leads"] = null;
    if (hasPermission(request.user, "manage:team:any")) {
      const list = await findProjectLeads(db, project.id, season.id);
      const names = await namesOf(
        db,
        list.map((lead) => lead.userId),
      );
      leads = { list: list.map((lead) => ({ ...lead, name: names.get(lead.userId) ?? "" })), email: extra.leadForm?.email ?? "", error: extra.leadForm?.error, done: extra.leadForm?.done ?? null };
    }
    const requested = seasonQuery(request);
    const model: NeedsPageModel = {
      projectTitle: project.title,
      projectPath: `/projets/${project.slug}`,
      seasonName: season.name,
      query: requested ? `?saison=${encodeURIComponent(requested)}` : "",
      skillOptions: await listAcceptedSkills(db),
      values: extra.values ?? savedValues(saved, project.skillsSought),
      errors: extra.errors ?? {},
      saved: extra.saved ?? false,
      leads,
    };
    return sendPage(reply, <NeedsPage context={pageContext(request, reply)} model={model} />, status);
  }

  const redirectTo = (found: ProjectInSeason, request: FastifyRequest, flag: string) => {
    const requested = seasonQuery(request);
    const query = new URLSearchParams({ ...(requested ? { saison: requested } : {}), [flag]: "1" });
    return `/projets/${found.project.slug}/equipe-recherchee?${query.toString()}`;
  };

  app.get<{ Params: { slug: string } }>("/projets/:slug/equipe-recherchee", { config: { access: "signed-in" } }, async (request, reply) => {
    const found = await load(request);
    const query = request.query as Record<string, unknown>;
    const leadDone = query.porteur === "1" ? "Le porteur ou la porteuse est nommé·e." : query.retire === "1" ? "Le porteur ou la porteuse est retiré·e." : null;
    return render(request, reply, found, 200, { saved: query.enregistre === "1", leadForm: { email: "", done: leadDone } });
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/equipe-recherchee", { config: { access: "signed-in" } }, async (request, reply) => {
    const found = await load(request);
    const accepted = new Set((await listAcceptedSkills(db)).map((skill) => skill.value));
    const form = parseNeedsForm(request.body, accepted);
    if (!form.ok) return render(request, reply, found, 400, { values: form.values, errors: form.errors });
    await saveProjectNeeds({ ...form.data, projectId: found.project.id, seasonId: found.season.id, updatedBy: request.user!.id });
    deps.pageCache.clear();
    return reply.redirect(redirectTo(found, request, "enregistre"), 303);
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/equipe-recherchee/porteurs", { config: { access: "manage:team:any" } }, async (request, reply) => {
    const found = await load(request);
    const raw = (request.body as Record<string, unknown> | undefined)?.leadEmail;
    const email = typeof raw === "string" ? raw.trim().slice(0, 320) : "";
    if (!email) return render(request, reply, found, 400, { leadForm: { email, error: "Indiquez l’adresse électronique du porteur ou de la porteuse." } });
    try {
      await nameProjectLead({ projectId: found.project.id, seasonId: found.season.id, email });
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, found, 400, { leadForm: { email, error: error.fieldErrors.leadEmail ?? error.message } });
      throw error;
    }
    deps.pageCache.clear();
    return reply.redirect(redirectTo(found, request, "porteur"), 303);
  });

  app.post<{ Params: { slug: string; userId: string } }>("/projets/:slug/equipe-recherchee/porteurs/:userId/retirer", { config: { access: "manage:team:any" } }, async (request, reply) => {
    const found = await load(request);
    const { userId } = request.params;
    const removed = /^[0-9a-f-]{36}$/i.test(userId) ? await removeProjectLead({ projectId: found.project.id, seasonId: found.season.id, userId }) : false;
    if (!removed) throw new NotFoundError("Cette personne n’est pas porteuse de ce projet.");
    deps.pageCache.clear();
    return reply.redirect(redirectTo(found, request, "retire"), 303);
  });
}
