import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import type { WorkspaceDeps } from "../deps.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace, type Workspace, workspacePath } from "../workspace-scope.ts";
import { parseLogEntryForm } from "./log-form.ts";
import { LogPage, type ShownLogEntry } from "./log-page.tsx";
import { attendeeIds, listLogEntries, listWorkshopOptions, teamOf } from "./log-repository.ts";
import { createWriteLogEntry } from "./use-cases/write-log-entry.ts";

type Params = { Params: { slug: string } };

/** « Journal de bord » of a project's workspace: `GET|POST /projets/:slug/espace/journal` (written by the team while the season runs, and the programme team). */
export function registerLogRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const writeLogEntry = createWriteLogEntry(deps);

  async function render(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, status: number, form: { values: FormValues; errors: Record<string, string> } = { values: {}, errors: {} }) {
    const scope = { projectId: workspace.project.id, seasonId: workspace.season.id };
    const [entries, team] = await Promise.all([listLogEntries(db, scope), teamOf(db, scope.projectId, scope.seasonId)]);
    const shown: ShownLogEntry[] = [];
    for (const entry of entries) {
      if (!entry.eventId) {
        shown.push({ ...entry, presence: null });
        continue;
      }
      const present = await attendeeIds(db, entry.eventId);
      shown.push({ ...entry, presence: { present: team.filter((member) => present.has(member.userId)).map((member) => member.name), absent: team.filter((member) => !present.has(member.userId)).map((member) => member.name) } });
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    const model = {
      entries: shown,
      canEdit: workspace.access.canEdit,
      action: workspacePath(workspace, "/journal"),
      workshops: workspace.access.canEdit ? await listWorkshopOptions(db, workspace.project.id, workspace.season, clock.now()) : [],
      values: form.values,
      errors: form.errors,
      saved: status === 200 && query.enregistre === "1",
    };
    return sendPage(reply, <LogPage context={pageContext(request, reply)} frame={frameOf(workspace)} model={model} />, status);
  }

  app.get<Params>("/projets/:slug/espace/journal", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    return render(request, reply, workspace, 200);
  });

  app.post<Params>("/projets/:slug/espace/journal", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const workshops = await listWorkshopOptions(db, workspace.project.id, workspace.season, clock.now());
    const form = parseLogEntryForm(request.body, { today: workspace.today, seasonStartsOn: workspace.season.startsOn, eventIds: new Set(workshops.map((workshop) => workshop.id)) });
    if (!form.ok) return render(request, reply, workspace, 400, form);
    await writeLogEntry({ ...form.data, project: workspace.project, season: workspace.season, authorId: request.user!.id });
    return reply.redirect(workspacePath(workspace, "/journal", { enregistre: "1" }), 303);
  });
}
