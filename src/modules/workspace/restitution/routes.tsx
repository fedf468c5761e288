import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { registerUploadRoutes } from "../../../http/uploads.ts";
import { InvalidInputError, NotFoundError, UnauthenticatedError } from "../../../shared/domain-error.ts";
import { findProjectInSeason, seasonQuery } from "../../teams/api.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { fileNameOf, maxWorkspaceFileBytes, optionalUpload, sendWorkspaceFile } from "../files/workspace-files.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace, type Workspace, workspacePath } from "../workspace-scope.ts";
import { parseRestitutionForm } from "./restitution-form.ts";
import { RestitutionPage, type RestitutionView } from "./restitution-page.tsx";
import { findRestitution, hasContent, type Restitution } from "./restitution-repository.ts";
import { createSaveRestitution } from "./save-restitution.ts";

type SlugParams = { slug: string };

/** The address the restitution's slides file is downloaded from (public), the season named. */
export function restitutionFilePath(projectSlug: string, seasonSlug: string): string {
  return `/projets/${projectSlug}/espace/restitution/support?saison=${encodeURIComponent(seasonSlug)}`;
}

export function restitutionView(restitution: Restitution, projectSlug: string, seasonSlug: string): RestitutionView {
  return {
    summary: restitution.summary,
    slidesHref: restitution.slidesMediaPath ? restitutionFilePath(projectSlug, seasonSlug) : restitution.slidesUrl,
    slidesIsFile: Boolean(restitution.slidesMediaPath),
    slidesFileName: restitution.slidesMediaPath ? fileNameOf(restitution.slidesMediaPath) : null,
    videoUrl: restitution.videoUrl,
    demoUrl: restitution.demoUrl,
  };
}

function formValues(restitution: Restitution | null): FormValues {
  if (!restitution) return {};
  return { summary: restitution.summary, slidesUrl: restitution.slidesUrl ?? "", videoUrl: restitution.videoUrl ?? "", demoUrl: restitution.demoUrl ?? "" };
}

/**
 * « Restitution »: `GET|POST /projets/:slug/espace/restitution` (the form is multipart: the slides may be a
 * file, read only once the workspace's edit right is checked), and `GET …/restitution/support` (the slides
 * file, public like the restitution).
 */
export function registerRestitutionRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const saveRestitution = createSaveRestitution(deps);

  async function render(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, status: number, form: { values?: FormValues; errors?: Record<string, string> } = {}) {
    const saved = await findRestitution(db, workspace.project.id, workspace.season.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    return sendPage(
      reply,
      <RestitutionPage
        context={pageContext(request, reply)}
        model={{
          frame: frameOf(workspace),
          restitution: saved && hasContent(saved) ? restitutionView(saved, workspace.project.slug, workspace.season.slug) : null,
          canEdit: workspace.access.canEdit,
          action: workspacePath(workspace, "/restitution"),
          values: form.values ?? formValues(saved),
          errors: form.errors ?? {},
          saved: !form.errors && query.enregistre === "1",
        }}
      />,
      status,
    );
  }

  app.get<{ Params: SlugParams }>("/projets/:slug/espace/restitution", { config: { access: "signed-in" } }, async (request, reply) => {
    return render(request, reply, await loadWorkspace(db, clock, request, "read"), 200);
  });

  app.get<{ Params: SlugParams }>("/projets/:slug/espace/restitution/support", { config: { access: "public" } }, async (request, reply) => {
    const { project, season } = await findProjectInSeason(db, request.params.slug, seasonQuery(request));
    const restitution = await findRestitution(db, project.id, season.id);
    if (!restitution?.slidesMediaPath) throw new NotFoundError("Ce fichier n’existe pas.");
    return sendWorkspaceFile(reply, deps.media, restitution.slidesMediaPath, true);
  });

  registerUploadRoutes(app, {
    limits: { fileSize: maxWorkspaceFileBytes, files: 1, fields: 12, parts: 14, fieldSize: 64 * 1024 },
    beforeUpload: (request) => {
      if (!request.user) throw new UnauthenticatedError();
    },
    routes: (scope) => {
      scope.post<{ Params: SlugParams }>(
        "/projets/:slug/espace/restitution",
        {
          config: { access: "signed-in" },
          // The workspace's edit right, before the file is read.
          onRequest: async (request) => {
            await loadWorkspace(db, clock, request, "edit");
          },
        },
        async (request, reply) => {
          const workspace = await loadWorkspace(db, clock, request, "edit");
          const parsed = parseRestitutionForm(request.body);
          if (!parsed.ok) return render(request, reply, workspace, 400, { values: parsed.values, errors: parsed.errors });
          try {
            await saveRestitution({ projectId: workspace.project.id, seasonId: workspace.season.id, userId: request.user!.id }, parsed.data, optionalUpload(request.body, "slidesFile"));
          } catch (error) {
            if (error instanceof InvalidInputError) return render(request, reply, workspace, 400, { values: { summary: parsed.data.summary, slidesUrl: parsed.data.slidesUrl ?? "", videoUrl: parsed.data.videoUrl ?? "", demoUrl: parsed.data.demoUrl ?? "" }, errors: error.fieldErrors });
            throw error;
          }
          return reply.redirect(workspacePath(workspace, "/restitution", { enregistre: "1" }), 303);
        },
      );
    },
  });
}
