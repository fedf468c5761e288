import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { listTeam } from "../../teams/api.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace, type Workspace, workspacePath } from "../workspace-scope.ts";
import { parseMilestoneForm } from "./milestone-form.ts";
import { isMilestoneState, milestonePhases } from "./milestone-labels.ts";
import { findMilestone, listMilestones } from "./milestone-repository.ts";
import { MilestonesPage, type PhaseSection } from "./milestones-page.tsx";
import { createAddMilestone } from "./use-cases/add-milestone.ts";
import { createChangeMilestoneState, createDeleteMilestone } from "./use-cases/change-milestone-state.ts";

type Params = { Params: { slug: string } };
type MilestoneParams = { Params: { slug: string; id: string } };

/** Confirmations shown after a change (`?<flag>=1`). */
const confirmations: Record<string, string> = {
  ajoute: "Le jalon est ajouté.",
  etat: "L’état du jalon est changé.",
  supprime: "Le jalon est supprimé.",
};

/**
 * « Jalons » of a project's workspace: `GET|POST /projets/:slug/espace/jalons`, and per milestone
 * `POST …/jalons/:id/etat` and `POST …/jalons/:id/supprimer` (the team while the season runs, the programme team).
 */
export function registerMilestoneRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const addMilestone = createAddMilestone(deps);
  const changeMilestoneState = createChangeMilestoneState(deps);
  const deleteMilestone = createDeleteMilestone(deps);

  /** The season's team (coaches left out) who may own a milestone. */
  async function ownersOf(workspace: Workspace) {
    const team = await listTeam(db, workspace.project.id, workspace.season.id);
    return team.filter((member) => member.role !== "coach" && !member.erased).map((member) => ({ value: member.userId, label: member.name }));
  }

  async function render(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, status: number, form: { values: FormValues; errors: Record<string, string> } = { values: {}, errors: {} }) {
    const milestones = await listMilestones(db, workspace.project.id, workspace.season.id);
    const phases: PhaseSection[] = milestonePhases.map((phase) => {
      const dated = workspace.season.phases.find((candidate) => candidate.key === phase.seasonPhaseKey);
      return { key: phase.key, label: phase.label, startsOn: dated?.startsOn ?? null, endsOn: dated?.endsOn ?? null, milestones: milestones.filter((milestone) => milestone.phase === phase.key) };
    });
    const query = (request.query ?? {}) as Record<string, unknown>;
    const flag = status === 200 ? Object.keys(confirmations).find((key) => query[key] === "1") : undefined;
    const model = {
      phases,
      canEdit: workspace.access.canEdit,
      actionOf: (suffix: string) => workspacePath(workspace, `/jalons${suffix}`),
      ownerOptions: workspace.access.canEdit ? await ownersOf(workspace) : [],
      season: { startsOn: workspace.season.startsOn, endsOn: workspace.season.endsOn },
      values: form.values,
      errors: form.errors,
      done: flag ? confirmations[flag]! : null,
      today: workspace.today,
    };
    return sendPage(reply, <MilestonesPage context={pageContext(request, reply)} frame={frameOf(workspace)} model={model} />, status);
  }

  app.get<Params>("/projets/:slug/espace/jalons", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    return render(request, reply, workspace, 200);
  });

  app.post<Params>("/projets/:slug/espace/jalons", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const owners = await ownersOf(workspace);
    const form = parseMilestoneForm(request.body, { season: workspace.season, ownerIds: new Set(owners.map((owner) => owner.value)) });
    if (!form.ok) return render(request, reply, workspace, 400, form);
    await addMilestone({ ...form.data, projectId: workspace.project.id, seasonId: workspace.season.id, createdBy: request.user!.id });
    return reply.redirect(workspacePath(workspace, "/jalons", { ajoute: "1" }), 303);
  });

  app.post<MilestoneParams>("/projets/:slug/espace/jalons/:id/etat", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const scope = { projectId: workspace.project.id, seasonId: workspace.season.id, id: request.params.id };
    if (!(await findMilestone(db, scope, scope.id))) throw new NotFoundError("Ce jalon n’existe pas dans l’espace de ce projet pour cette saison.");
    const raw = (request.body as Record<string, unknown> | undefined)?.state;
    const state = typeof raw === "string" ? raw : "";
    if (!isMilestoneState(state)) return render(request, reply, workspace, 400, { values: {}, errors: { _form: "Choisissez l’état du jalon parmi «\u00a0À faire\u00a0», «\u00a0En cours\u00a0», «\u00a0Fait\u00a0» et «\u00a0Abandonné\u00a0»." } });
    if (!(await changeMilestoneState({ ...scope, state }))) throw new NotFoundError("Ce jalon n’existe pas dans l’espace de ce projet pour cette saison.");
    return reply.redirect(`${workspacePath(workspace, "/jalons", { etat: "1" })}#jalon-${scope.id}`, 303);
  });

  app.post<MilestoneParams>("/projets/:slug/espace/jalons/:id/supprimer", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const scope = { projectId: workspace.project.id, seasonId: workspace.season.id, id: request.params.id };
    if (!(await findMilestone(db, scope, scope.id)) || !(await deleteMilestone(scope))) throw new NotFoundError("Ce jalon n’existe pas dans l’espace de ce projet pour cette saison.");
    return reply.redirect(workspacePath(workspace, "/jalons", { supprime: "1" }), 303);
  });
}
