import type { FastifyRequest } from "fastify";
import type { Executor } from "../../db/client.ts";
import { NotFoundError } from "../../shared/domain-error.ts";
import { findProjectBySlug, type Project } from "../projects/api.ts";
import { listSeasons, type SeasonWithPhases } from "../seasons/api.ts";
import { listSeasonIdsOfProject } from "./team-repository.ts";

export type ProjectInSeason = { project: Project; season: SeasonWithPhases };

/**
 * The project of `/projets/:slug/…` and the season asked (`?saison=<slug>`), by default the project's
 * latest season; 404 when the project is unknown or did not run in that season.
 */
export async function findProjectInSeason(db: Executor, slug: string, seasonSlug?: string): Promise<ProjectInSeason> {
  const project = slug.length <= 300 ? await findProjectBySlug(db, slug) : null;
  if (!project) throw new NotFoundError("Ce projet n’existe pas.");
  const seasonIds = await listSeasonIdsOfProject(db, project.id);
  const seasons = await listSeasons(db);
  const season = seasonSlug ? seasons.find((candidate) => candidate.slug === seasonSlug && seasonIds.includes(candidate.id)) : seasons.find((candidate) => candidate.id === seasonIds[0]);
  if (!season) throw new NotFoundError("Ce projet ne participe pas à cette saison.");
  return { project, season };
}

/** `?saison=<slug>` of the request, if plausible. */
export function seasonQuery(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.saison;
  return typeof value === "string" && value.length > 0 && value.length <= 100 ? value : undefined;
}
