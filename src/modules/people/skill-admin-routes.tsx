import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { PeopleDeps } from "./deps.ts";
import { findSkillById, listSkillsWithUsage, type Skill } from "./repository.ts";
import { skillEditSchema, skillIdParamsSchema, skillMergeSchema } from "./schemas.ts";
import { createMergeSkill } from "./use-cases/merge-skill.ts";
import { createUpdateSkill } from "./use-cases/update-skill.ts";
import { SkillEditPage, SkillsAdminPage } from "./views/skills-admin-page.tsx";

const access = { access: "manage:skill:any" } as const;

function noticeOf(query: Record<string, unknown>): string | undefined {
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string).slice(0, 100) : null);
  const accepted = text("acceptee");
  if (accepted) return `La compétence « ${accepted} » est acceptée : tous les membres peuvent la choisir.`;
  const merged = text("fusionnee");
  const target = text("cible");
  if (merged && target) return `« ${merged} » est fusionnée avec « ${target} », dont elle devient un synonyme.`;
  const saved = text("modifiee");
  if (saved) return `La compétence « ${saved} » est enregistrée.`;
  return undefined;
}

/** `/admin/competences`: the programme team keeps the skills vocabulary (synonyms, members' proposals). */
export function registerSkillAdminRoutes(app: FastifyInstance, deps: PeopleDeps) {
  const updateSkill = createUpdateSkill(deps);
  const mergeSkill = createMergeSkill(deps);

  async function requireSkill(request: FastifyRequest): Promise<Skill> {
    const params = skillIdParamsSchema.safeParse(request.params);
    const skill = params.success ? await findSkillById(deps.db, params.data.id) : null;
    if (!skill) throw new NotFoundError("Cette compétence n’existe pas ou a été fusionnée.");
    return skill;
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, status: number, extra: { notice?: string | undefined; mergeErrors?: { skillId: string; errors: Record<string, string> } } = {}) {
    return sendPage(reply, <SkillsAdminPage context={pageContext(request, reply)} skills={await listSkillsWithUsage(deps.db)} {...extra} />, status);
  }

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, skill: Skill, status: number, submitted?: { values: Record<string, unknown>; errors: Record<string, string> }) {
    const proposerName = (await listSkillsWithUsage(deps.db)).find((candidate) => candidate.id === skill.id)?.proposerName ?? null;
    const field = (key: string, fallback: string) => (submitted && typeof submitted.values[key] === "string" ? (submitted.values[key] as string) : fallback);
    return sendPage(
      reply,
      <SkillEditPage
        context={pageContext(request, reply)}
        skill={{ ...skill, proposerName }}
        values={{ name: field("name", skill.name), category: field("category", skill.category), synonyms: field("synonyms", skill.synonyms.join(", ")) }}
        errors={submitted?.errors}
      />,
      status,
    );
  }

  app.get("/admin/competences", { config: access }, async (request, reply) => {
    return renderList(request, reply, 200, { notice: noticeOf(request.query as Record<string, unknown>) });
  });

  app.get("/admin/competences/:id", { config: access }, async (request, reply) => {
    return renderEdit(request, reply, await requireSkill(request), 200);
  });

  app.post("/admin/competences/:id", { config: access }, async (request, reply) => {
    const skill = await requireSkill(request);
    const form = parseForm(skillEditSchema, request.body);
    if (!form.ok) return renderEdit(request, reply, skill, 400, form);
    try {
      const result = await updateSkill({ ...form.data, skillId: skill.id, accept: true });
      const key = skill.status === "proposed" && result.accepted ? "acceptee" : "modifiee";
      return reply.redirect(`/admin/competences?${key}=${encodeURIComponent(form.data.name)}`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return renderEdit(request, reply, skill, 422, { values: keepValues(request.body), errors: error.fieldErrors });
      throw error;
    }
  });

  app.post("/admin/competences/:id/accepter", { config: access }, async (request, reply) => {
    const skill = await requireSkill(request);
    try {
      await updateSkill({ skillId: skill.id, name: skill.name, category: skill.category, synonyms: skill.synonyms, accept: true });
    } catch (error) {
      // The proposal's name is taken by another skill: the team renames it first, on its own page.
      if (error instanceof InvalidInputError) return renderEdit(request, reply, skill, 422, { values: {}, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/admin/competences?acceptee=${encodeURIComponent(skill.name)}`, 303);
  });

  app.post("/admin/competences/:id/fusionner", { config: access }, async (request, reply) => {
    const skill = await requireSkill(request);
    const form = parseForm(skillMergeSchema, request.body);
    if (!form.ok) return renderList(request, reply, 400, { mergeErrors: { skillId: skill.id, errors: form.errors } });
    try {
      const merged = await mergeSkill({ skillId: skill.id, targetId: form.data.targetId });
      return reply.redirect(`/admin/competences?fusionnee=${encodeURIComponent(merged.sourceName)}&cible=${encodeURIComponent(merged.targetName)}`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return renderList(request, reply, 422, { mergeErrors: { skillId: skill.id, errors: error.fieldErrors } });
      throw error;
    }
  });
}
