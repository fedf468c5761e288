import type { FastifyRequest } from "fastify";
import type { Executor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { parisDayOf } from "../../shared/french-date.ts";
import type { Project } from "../projects/api.ts";
import type { SeasonWithPhases } from "../seasons/api.ts";
import { findProjectInSeason, seasonQuery } from "../teams/api.ts";
import { requireWorkspaceAccess, type WorkspaceAccess } from "./access.ts";

/** A workspace as every route of the module sees it: the project, the season, the viewer's access, and the addresses. */
export type Workspace = {
  project: Project;
  season: SeasonWithPhases;
  access: WorkspaceAccess;
  /** `/projets/<slug>/espace` */
  basePath: string;
  /** `?saison=<slug>` when the request named a season, kept in links and forms; "" otherwise. */
  query: string;
  /** Today in Paris (YYYY-MM-DD). */
  today: string;
};

/**
 * The one way a workspace route finds its workspace: the project of `/projets/:slug/espace…`, the season
 * (`?saison=`, by default the project's latest), then the access check (401/403 in French, 404 for an
 * unknown project or season). `need`: what the route does (read, edit, review the framing).
 */
export async function loadWorkspace(db: Executor, clock: Clock, request: FastifyRequest<{ Params: { slug: string } }>, need: "read" | "edit" | "review" = "read"): Promise<Workspace> {
  const requested = seasonQuery(request);
  const { project, season } = await findProjectInSeason(db, request.params.slug, requested);
  const today = parisDayOf(clock.now());
  const access = await requireWorkspaceAccess(db, request.user, { projectId: project.id, seasonId: season.id, seasonEndsOn: season.endsOn }, today, need);
  return { project, season, access, basePath: `/projets/${project.slug}/espace`, query: requested ? `?saison=${encodeURIComponent(requested)}` : "", today };
}

/** An address of the workspace, with the season kept and extra query parameters (`{ enregistre: "1" }`). */
export function workspacePath(workspace: Pick<Workspace, "basePath" | "query">, suffix = "", extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(workspace.query.replace(/^\?/, ""));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return `${workspace.basePath}${suffix}${query ? `?${query}` : ""}`;
}
