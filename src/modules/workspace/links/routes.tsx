import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { registerUploadRoutes } from "../../../http/uploads.ts";
import { InvalidInputError, NotFoundError, UnauthenticatedError } from "../../../shared/domain-error.ts";
import { findProjectBySlug } from "../../projects/api.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { maxWorkspaceFileBytes, optionalUpload, sendWorkspaceFile } from "../files/workspace-files.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace, type Workspace, workspacePath } from "../workspace-scope.ts";
import { parseFileLinkForm, parseLinkForm } from "./links-form.ts";
import { LinksPage } from "./links-page.tsx";
import { findLink, type LinkKind, listLinks } from "./links-repository.ts";
import { createAddFileLink, createAddLink, createRemoveLink } from "./use-cases/manage-links.ts";

type SlugParams = { slug: string };
type LinkParams = { slug: string; id: string };

const confirmations: Record<string, string> = {
  ajoute: "Le lien est ajouté.",
  depose: "Le fichier est déposé.",
  retire: "Le lien est retiré.",
};

/** The address a workspace file is downloaded from (the season kept). */
export function workspaceFilePath(projectSlug: string, linkId: string, query = ""): string {
  return `/projets/${projectSlug}/espace/fichiers/${linkId}${query}`;
}

/**
 * « Liens et fichiers »: `GET|POST /projets/:slug/espace/liens`, `POST …/liens/fichier` (multipart, in its
 * own upload scope, the workspace's edit right checked before the file is read), `POST …/liens/:id/retirer`,
 * and `GET /projets/:slug/espace/fichiers/:id` (anyone for a public file, else whoever reads the workspace).
 */
export function registerLinksRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const addLink = createAddLink(deps);
  const addFileLink = createAddFileLink(deps);
  const removeLink = createRemoveLink(deps);

  async function render(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, status: number, form: { values?: FormValues; errors?: Record<string, string> } = {}) {
    const rows = await listLinks(db, workspace.project.id, workspace.season.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const flag = Object.keys(confirmations).find((key) => query[key] === "1");
    return sendPage(
      reply,
      <LinksPage
        context={pageContext(request, reply)}
        model={{
          frame: frameOf(workspace),
          links: rows.map((row) => ({
            id: row.id,
            kind: row.kind as LinkKind,
            label: row.label,
            href: row.mediaPath ? workspaceFilePath(workspace.project.slug, row.id, workspace.query) : (row.url ?? ""),
            isFile: Boolean(row.mediaPath),
            public: row.public,
            removeAction: workspacePath(workspace, `/liens/${row.id}/retirer`),
          })),
          canEdit: workspace.access.canEdit,
          addAction: workspacePath(workspace, "/liens"),
          addFileAction: workspacePath(workspace, "/liens/fichier"),
          values: form.values ?? {},
          errors: form.errors ?? {},
          done: form.errors || !flag ? null : confirmations[flag]!,
        }}
      />,
      status,
    );
  }

  app.get<{ Params: SlugParams }>("/projets/:slug/espace/liens", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "read");
    return render(request, reply, workspace, 200);
  });

  app.post<{ Params: SlugParams }>("/projets/:slug/espace/liens", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const parsed = parseLinkForm(request.body);
    if (!parsed.ok) return render(request, reply, workspace, 400, { values: parsed.values, errors: parsed.errors });
    await addLink({ projectId: workspace.project.id, seasonId: workspace.season.id, userId: request.user!.id }, parsed.data);
    return reply.redirect(workspacePath(workspace, "/liens", { ajoute: "1" }), 303);
  });

  app.post<{ Params: LinkParams }>("/projets/:slug/espace/liens/:id/retirer", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const link = await findLink(db, request.params.id);
    if (!link || link.projectId !== workspace.project.id || link.seasonId !== workspace.season.id) throw new NotFoundError("Ce lien n’existe pas ou a déjà été retiré.");
    await removeLink(link.id);
    return reply.redirect(workspacePath(workspace, "/liens", { retire: "1" }), 303);
  });

  app.get<{ Params: LinkParams }>("/projets/:slug/espace/fichiers/:id", { config: { access: "public" } }, async (request, reply) => {
    const link = await findLink(db, request.params.id);
    if (!link || !link.mediaPath) throw new NotFoundError("Ce fichier n’existe pas.");
    if (!link.public) {
      const workspace = await loadWorkspace(db, clock, request, "read");
      if (link.projectId !== workspace.project.id || link.seasonId !== workspace.season.id) throw new NotFoundError("Ce fichier n’existe pas.");
    } else {
      // A public file: anyone, but only at its project's address.
      const owner = await findProjectBySlug(db, request.params.slug);
      if (owner?.id !== link.projectId) throw new NotFoundError("Ce fichier n’existe pas.");
    }
    return sendWorkspaceFile(reply, deps.media, link.mediaPath, link.public);
  });

  registerUploadRoutes(app, {
    limits: { fileSize: maxWorkspaceFileBytes, files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024 },
    // Only a signed-in person makes the server read a file; the route's own onRequest checks the workspace's edit right first.
    beforeUpload: (request) => {
      if (!request.user) throw new UnauthenticatedError();
    },
    routes: (scope) => {
      scope.post<{ Params: SlugParams }>(
        "/projets/:slug/espace/liens/fichier",
        {
          config: { access: "signed-in" },
          onRequest: async (request) => {
            await loadWorkspace(db, clock, request, "edit");
          },
        },
        async (request, reply) => {
          const workspace = await loadWorkspace(db, clock, request, "edit");
          const parsed = parseFileLinkForm(request.body);
          const file = optionalUpload(request.body, "file");
          const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
          if (!file) errors.file = "Choisissez un fichier.";
          const values = parsed.ok ? { fileLabel: parsed.data.label, ...(parsed.data.public ? { filePublic: "on" } : {}) } : parsed.values;
          if (!parsed.ok || !file) return render(request, reply, workspace, 400, { values, errors });
          try {
            await addFileLink({ projectId: workspace.project.id, seasonId: workspace.season.id, userId: request.user!.id }, parsed.data, file);
          } catch (error) {
            if (error instanceof InvalidInputError) return render(request, reply, workspace, 400, { values, errors: error.fieldErrors });
            throw error;
          }
          return reply.redirect(workspacePath(workspace, "/liens", { depose: "1" }), 303);
        },
      );
    },
  });
}
