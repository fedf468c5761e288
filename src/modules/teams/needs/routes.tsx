import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { eq, inArray } from "drizzle-orm";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { skills, users } from "../../../db/schema/index.ts";
import type { Executor } from "../../../db/client.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { displayName, hasPermission } from "../../identity/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { findProjectInSeason, type ProjectInSeason, seasonQuery } from "../project-in-season.ts";
import { requireTeamLeadOrProgrammeTeam } from "../team-guard.ts";
import { findProjectCoaches, findProjectLeads, findProjectNeeds } from "../team-repository.ts";
import { parseNeedsForm } from "./needs-form.ts";
import { NeedsPage, type NeedsPageModel, type NamedMembers } from "./needs-page.tsx";
import { createSaveProjectNeeds } from "./use-cases/save-project-needs.ts";
import { createNameTeamMember, createRemoveTeamMember, type NamedRole, namedRoleFields } from "./use-cases/name-team-member.ts";

const frenchOrder = new Intl.Collator("fr", { sensitivity: "base" });

/** The accepted skills vocabulary in French alphabetical order (« Économétrie » with the E), read from the people module's table. */
async function listAcceptedSkills(db: Executor) {
  const rows = await db.select({ value: skills.id, label: skills.name }).from(skills).where(eq(skills.status, "accepted"));
  return rows.sort((a, b) => frenchOrder.compare(a.label, b.label));
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

/** How each role the programme team names is addressed on the page: path segment, confirmations (`?<flag>=1`) and messages. */
const namedRolePages: Record<NamedRole, { segment: string; missing: string; named: { flag: string; text: string }; removed: { flag: string; text: string }; notMember: string }> = {
  lead: {
    segment: "porteurs",
    missing: "Indiquez l’adresse électronique du porteur ou de la porteuse.",
    named: { flag: "porteur", text: "Le porteur ou la porteuse est nommé·e." },
    removed: { flag: "retire", text: "Le porteur ou la porteuse est retiré·e." },
    notMember: "Cette personne n’est pas porteuse de ce projet.",
  },
  coach: {
    segment: "coachs",
    missing: "Indiquez l’adresse électronique du ou de la coach.",
    named: { flag: "coach", text: "Le ou la coach est nommé·e et en est informé·e par courriel." },
    removed: { flag: "coach-retire", text: "Le ou la coach est retiré·e." },
    notMember: "Cette personne n’est pas coach de ce projet.",
  },
};

type NamedForm = { role: NamedRole; email: string; error?: string };

/** « Équipe recherchée » of a project in a season: `GET|POST /projets/:slug/equipe-recherchee`, and the programme team's naming of leads and coaches. */
export function registerNeedsRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db } = deps;
  const saveProjectNeeds = createSaveProjectNeeds(deps);
  const roles: NamedRole[] = ["lead", "coach"];
  const nameTeamMember = { lead: createNameTeamMember(deps, "lead"), coach: createNameTeamMember(deps, "coach") };
  const removeTeamMember = { lead: createRemoveTeamMember(deps, "lead"), coach: createRemoveTeamMember(deps, "coach") };

  async function load(request: FastifyRequest<{ Params: { slug: string } }>): Promise<ProjectInSeason> {
    const found = await findProjectInSeason(db, request.params.slug, seasonQuery(request));
    await requireTeamLeadOrProgrammeTeam(db, request.user, found.project.id, found.season.id);
    return found;
  }

  /** A named-members section: its list with names, the form's address and error, the confirmation asked by the query. */
  async function namedMembers(list: { userId: string; implicit?: boolean }[], role: NamedRole, form: NamedForm | undefined, query: Record<string, unknown>): Promise<NamedMembers> {
    const names = await namesOf(
      db,
      list.map((member) => member.userId),
    );
    const { named, removed } = namedRolePages[role];
    const done = query[named.flag] === "1" ? named.text : query[removed.flag] === "1" ? removed.text : null;
    const mine = form?.role === role ? form : undefined;
    return { list: list.map((member) => ({ userId: member.userId, implicit: member.implicit ?? false, name: names.get(member.userId) ?? "" })), email: mine?.email ?? "", error: mine?.error, done: form ? null : done };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, found: ProjectInSeason, status: number, extra: Partial<NeedsPageModel> & { named?: NamedForm } = {}) {
    const { project, season } = found;
    const saved = await findProjectNeeds(db, project.id, season.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    let leads: NeedsPageModel["leads"] = null;
    let coaches: NeedsPageModel["coaches"] = null;
    if (hasPermission(request.user, "manage:team:any")) {
      leads = await namedMembers(await findProjectLeads(db, project.id, season.id), "lead", extra.named, query);
      coaches = await namedMembers(await findProjectCoaches(db, project.id, season.id), "coach", extra.named, query);
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
      coaches,
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
    return render(request, reply, found, 200, { saved: query.enregistre === "1" });
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

  for (const role of roles) {
    const page = namedRolePages[role];
    const field = namedRoleFields[role];

    app.post<{ Params: { slug: string } }>(`/projets/:slug/equipe-recherchee/${page.segment}`, { config: { access: "manage:team:any" } }, async (request, reply) => {
      const found = await load(request);
      const raw = (request.body as Record<string, unknown> | undefined)?.[field];
      const email = typeof raw === "string" ? raw.trim().slice(0, 320) : "";
      if (!email) return render(request, reply, found, 400, { named: { role, email, error: page.missing } });
      try {
        await nameTeamMember[role]({ project: found.project, season: found.season, email });
      } catch (error) {
        if (error instanceof InvalidInputError) return render(request, reply, found, 400, { named: { role, email, error: error.fieldErrors[field] ?? error.message } });
        throw error;
      }
      deps.pageCache.clear();
      return reply.redirect(redirectTo(found, request, page.named.flag), 303);
    });

    app.post<{ Params: { slug: string; userId: string } }>(`/projets/:slug/equipe-recherchee/${page.segment}/:userId/retirer`, { config: { access: "manage:team:any" } }, async (request, reply) => {
      const found = await load(request);
      const { userId } = request.params;
      const removed = /^[0-9a-f-]{36}$/i.test(userId) ? await removeTeamMember[role]({ projectId: found.project.id, seasonId: found.season.id, userId }) : false;
      if (!removed) throw new NotFoundError(page.notMember);
      deps.pageCache.clear();
      return reply.redirect(redirectTo(found, request, page.removed.flag), 303);
    });
  }
}
