import { and, asc, countDistinct, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { participations, projectSeasons, projects, seasonPhases, seasons, users } from "../../db/schema/index.ts";
import type { PhaseDates } from "./domain/phases.ts";

export type Season = { id: string; slug: string; name: string; startsOn: string; endsOn: string };
export type SeasonPhase = PhaseDates & { id: string; position: number };
export type SeasonWithPhases = Season & { phases: SeasonPhase[] };
export type SeasonProject = { slug: string; title: string; pitch: string; entry: string };
export type SeasonFigures = { projects: number; organisations: number; members: number; reused?: number | undefined };

const seasonColumns = { id: seasons.id, slug: seasons.slug, name: seasons.name, startsOn: seasons.startsOn, endsOn: seasons.endsOn };

/** Every season, the most recent first. */
export async function listAllSeasons(db: Executor): Promise<Season[]> {
  return db.select(seasonColumns).from(seasons).orderBy(desc(seasons.startsOn), asc(seasons.slug));
}

async function withPhases(db: Executor, season: Season | undefined): Promise<SeasonWithPhases | null> {
  if (!season) return null;
  const phases = await db
    .select({ id: seasonPhases.id, position: seasonPhases.position, key: seasonPhases.key, name: seasonPhases.name, startsOn: seasonPhases.startsOn, endsOn: seasonPhases.endsOn })
    .from(seasonPhases)
    .where(eq(seasonPhases.seasonId, season.id))
    .orderBy(asc(seasonPhases.position));
  return { ...season, phases };
}

export async function findSeasonWithPhasesBySlug(db: Executor, slug: string): Promise<SeasonWithPhases | null> {
  const [season] = await db.select(seasonColumns).from(seasons).where(eq(seasons.slug, slug));
  return withPhases(db, season);
}

export async function findSeasonWithPhasesById(db: Executor, id: string): Promise<SeasonWithPhases | null> {
  const [season] = await db.select(seasonColumns).from(seasons).where(eq(seasons.id, id));
  return withPhases(db, season);
}

/** Every season with its phases, the most recent first. */
export async function listSeasonsWithPhases(db: Executor): Promise<SeasonWithPhases[]> {
  const all = await listAllSeasons(db);
  const phases = await db
    .select({ seasonId: seasonPhases.seasonId, id: seasonPhases.id, position: seasonPhases.position, key: seasonPhases.key, name: seasonPhases.name, startsOn: seasonPhases.startsOn, endsOn: seasonPhases.endsOn })
    .from(seasonPhases)
    .orderBy(asc(seasonPhases.position));
  return all.map((season) => ({ ...season, phases: phases.filter((phase) => phase.seasonId === season.id).map(({ seasonId: _seasonId, ...phase }) => phase) }));
}

export async function isSlugTaken(db: Executor, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

export type SeasonRecord = { slug: string; name: string; startsOn: string; endsOn: string; phases: PhaseDates[] };

/** Inserts or updates a season and replaces its phases; run it inside a transaction. */
export async function writeSeason(tx: Executor, record: SeasonRecord, id?: string): Promise<string> {
  let seasonId = id;
  if (seasonId) {
    await tx.update(seasons).set({ slug: record.slug, name: record.name, startsOn: record.startsOn, endsOn: record.endsOn, updatedAt: sql`now()` }).where(eq(seasons.id, seasonId));
    await tx.delete(seasonPhases).where(eq(seasonPhases.seasonId, seasonId));
  } else {
    const [row] = await tx.insert(seasons).values({ slug: record.slug, name: record.name, startsOn: record.startsOn, endsOn: record.endsOn }).returning({ id: seasons.id });
    seasonId = row!.id;
  }
  if (record.phases.length > 0) {
    await tx.insert(seasonPhases).values(record.phases.map((phase, index) => ({ seasonId: seasonId!, position: index + 1, key: phase.key, name: phase.name, startsOn: phase.startsOn, endsOn: phase.endsOn })));
  }
  return seasonId;
}

/** The projects of a season, in title order (read from the project tables, owned by the projects module). */
export async function listSeasonProjects(db: Database, seasonId: string): Promise<SeasonProject[]> {
  return db
    .select({ slug: projects.slug, title: projects.title, pitch: projects.pitch, entry: projectSeasons.entry })
    .from(projectSeasons)
    .innerJoin(projects, eq(projects.id, projectSeasons.projectId))
    .where(eq(projectSeasons.seasonId, seasonId))
    .orderBy(asc(projects.title));
}

/** Projects, distinct participating organisations of those projects, and members who took part (participations whose season is the slug). */
export async function seasonFigures(db: Database, season: Season): Promise<SeasonFigures> {
  const rows = await db
    .select({ organisationIds: projects.participatingOrganisationIds })
    .from(projectSeasons)
    .innerJoin(projects, eq(projects.id, projectSeasons.projectId))
    .where(eq(projectSeasons.seasonId, season.id));
  const organisations = new Set(rows.flatMap((row) => row.organisationIds));
  const [members] = await db
    .select({ count: countDistinct(participations.userId) })
    .from(participations)
    .innerJoin(users, eq(users.id, participations.userId))
    .where(and(eq(participations.season, season.slug), isNull(users.erasedAt)));
  return { projects: rows.length, organisations: organisations.size, members: Number(members?.count ?? 0) };
}

