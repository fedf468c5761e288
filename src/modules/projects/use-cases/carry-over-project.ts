import type { Executor } from "../../../db/client.ts";
import { projectSeasons } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { canCarryOverInto, earlierSeasonMessage } from "../domain/carry-over.ts";
import { findProjectById, findSeasonById, hasProjectSeason, listSeasonsOfProjects } from "../repository.ts";

export type CarryOverInput = { projectId: string; seasonId: string; decidedBy: string | null; reason: string | null; decidedAt?: Date };

/**
 * Continues a project in another season: same identity, a new `carried_over` row, the earlier seasons
 * kept. Refuses a season the project is already in, and a season that does not start after its latest one
 * (InvalidInputError on `seasonId`, in French).
 */
export async function carryOverProject(db: Executor, input: CarryOverInput): Promise<void> {
  const project = await findProjectById(db, input.projectId);
  if (!project) throw new NotFoundError("Ce projet n’existe pas.");
  const season = await findSeasonById(db, input.seasonId);
  if (!season) throw new InvalidInputError({ seasonId: "Choisissez une saison de la liste." });
  const alreadyThere = () => new InvalidInputError({ seasonId: `Le projet ${project.title} fait déjà partie de la ${season.name.replace(/^Saison/, "saison")}.` });
  if (await hasProjectSeason(db, project.id, season.id)) throw alreadyThere();
  const latest = (await listSeasonsOfProjects(db, [project.id])).get(project.id)?.at(-1) ?? null;
  if (!canCarryOverInto(season, latest)) throw new InvalidInputError({ seasonId: earlierSeasonMessage(latest!) });
  const inserted = await db
    .insert(projectSeasons)
    .values({ projectId: project.id, seasonId: season.id, entry: "carried_over", decisionReason: input.reason, decidedBy: input.decidedBy, ...(input.decidedAt ? { decidedAt: input.decidedAt } : {}) })
    .onConflictDoNothing()
    .returning({ projectId: projectSeasons.projectId });
  if (inserted.length === 0) throw alreadyThere();
}
