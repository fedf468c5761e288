import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import type { WorkspaceDeps } from "../deps.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace } from "../workspace-scope.ts";
import { OverviewPage } from "./overview-page.tsx";

/** `GET /projets/:slug/espace`: the workspace's overview (read by everyone with access). */
export function registerOverviewRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  app.get<{ Params: { slug: string } }>("/projets/:slug/espace", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    return sendPage(reply, <OverviewPage context={pageContext(request, reply)} frame={frameOf(workspace)} />);
  });
}
