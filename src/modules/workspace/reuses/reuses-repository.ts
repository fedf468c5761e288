import { and, countDistinct, desc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { organisations, projectReuses, projectSeasons, seasons } from "../../../db/schema/index.ts";

/** A « Nous l'utilisons » declaration as shown: the administration, what for, since when. */
export type Reuse = { id: string; projectId: string; organisationId: string; organisationName: string; purpose: string; since: string; declaredBy: string | null };

/** The reuses of a project, the most recent first (public: « Nous l'utilisons »). */
export async function listReuses(db: Executor, projectId: string): Promise<Reuse[]> {
  return db
    .select({ id: projectReuses.id, projectId: projectReuses.projectId, organisationId: projectReuses.organisationId, organisationName: organisations.name, purpose: projectReuses.purpose, since: projectReuses.since, declaredBy: projectReuses.declaredBy })
    .from(projectReuses)
    .innerJoin(organisations, eq(organisations.id, projectReuses.organisationId))
    .where(eq(projectReuses.projectId, projectId))
    .orderBy(desc(projectReuses.since), desc(projectReuses.createdAt));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findReuse(db: Executor, id: string): Promise<Reuse | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db
    .select({ id: projectReuses.id, projectId: projectReuses.projectId, organisationId: projectReuses.organisationId, organisationName: organisations.name, purpose: projectReuses.purpose, since: projectReuses.since, declaredBy: projectReuses.declaredBy })
    .from(projectReuses)
    .innerJoin(organisations, eq(organisations.id, projectReuses.organisationId))
    .where(eq(projectReuses.id, id));
  return row ?? null;
}

/** How many of a season's projects at least one administration declared it reuses (the season's figures). */
export async function countReusesOfSeason(db: Executor, seasonId: string): Promise<number> {
  const [row] = await db
    .select({ count: countDistinct(projectReuses.projectId) })
    .from(projectReuses)
    .innerJoin(projectSeasons, and(eq(projectSeasons.projectId, projectReuses.projectId), eq(projectSeasons.seasonId, seasonId)));
  return Number(row?.count ?? 0);
}

/** The project's latest season (by start date), which a declaration is recorded against; null when it has none. */
export async function latestSeasonIdOf(db: Executor, projectId: string): Promise<string | null> {
  const [row] = await db.select({ id: seasons.id }).from(projectSeasons).innerJoin(seasons, eq(seasons.id, projectSeasons.seasonId)).where(eq(projectSeasons.projectId, projectId)).orderBy(desc(seasons.startsOn)).limit(1);
  return row?.id ?? null;
}

export async function organisationName(db: Executor, organisationId: string): Promise<string | null> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.name ?? null;
}
