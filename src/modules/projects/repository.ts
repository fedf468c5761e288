import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { projects, projectSeasons, seasons } from "../../db/schema/index.ts";
import type { SeasonEntry } from "./domain/project-state.ts";

export type Project = typeof projects.$inferSelect;
/** A season as the projects module sees it (read from the seasons table, never written here). */
export type SeasonSummary = { id: string; slug: string; name: string; startsOn: string; endsOn: string };
/** A season a project ran in, with the decision that carried it there. */
export type ProjectSeason = SeasonSummary & { entry: SeasonEntry; decisionReason: string | null; decidedAt: Date };
/** A skill a project seeks, as stored in `projects.skills_sought`. */
export type SoughtSkill = { skillId: string; level?: number; required?: boolean };

const seasonColumns = { id: seasons.id, slug: seasons.slug, name: seasons.name, startsOn: seasons.startsOn, endsOn: seasons.endsOn };

/** Every season, the latest first. */
export async function listSeasons(db: Executor): Promise<SeasonSummary[]> {
  const rows = await db.select(seasonColumns).from(seasons).orderBy(asc(seasons.startsOn));
  return rows.reverse();
}

export async function findSeasonById(db: Executor, id: string): Promise<SeasonSummary | null> {
  const [row] = await db.select(seasonColumns).from(seasons).where(eq(seasons.id, id));
  return row ?? null;
}

export async function findProjectBySlug(db: Executor, slug: string): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.slug, slug));
  return row ?? null;
}

export async function findProjectById(db: Executor, id: string): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row ?? null;
}

/** The slugs already taken that start with this one (`cartiflette`, `cartiflette-2`…). */
export async function listSlugsLike(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: projects.slug })
    .from(projects)
    .where(like(projects.slug, `${base.replace(/[\\%_]/g, (character) => `\\${character}`)}%`));
  return new Set(rows.map((row) => row.slug));
}

/** The seasons of these projects, oldest first for each. */
export async function listSeasonsOfProjects(db: Executor, projectIds: string[]): Promise<Map<string, ProjectSeason[]>> {
  const result = new Map<string, ProjectSeason[]>();
  if (projectIds.length === 0) return result;
  const rows = await db
    .select({ projectId: projectSeasons.projectId, entry: projectSeasons.entry, decisionReason: projectSeasons.decisionReason, decidedAt: projectSeasons.decidedAt, ...seasonColumns })
    .from(projectSeasons)
    .innerJoin(seasons, eq(seasons.id, projectSeasons.seasonId))
    .where(inArray(projectSeasons.projectId, projectIds))
    .orderBy(asc(seasons.startsOn));
  for (const { projectId, ...season } of rows) result.set(projectId, [...(result.get(projectId) ?? []), { ...season, entry: season.entry as SeasonEntry }]);
  return result;
}

/** Every project, by title. */
export async function listProjects(db: Executor): Promise<Project[]> {
  return db.select().from(projects).orderBy(asc(projects.title));
}

/** The projects that ran in a season, by title. */
export async function listProjectsOfSeason(db: Executor, seasonId: string): Promise<(Project & { entry: SeasonEntry })[]> {
  const rows = await db
    .select({ project: projects, entry: projectSeasons.entry })
    .from(projects)
    .innerJoin(projectSeasons, eq(projectSeasons.projectId, projects.id))
    .where(eq(projectSeasons.seasonId, seasonId))
    .orderBy(asc(projects.title));
  return rows.map((row) => ({ ...row.project, entry: row.entry as SeasonEntry }));
}

export async function hasProjectSeason(db: Executor, projectId: string, seasonId: string): Promise<boolean> {
  const [row] = await db
    .select({ projectId: projectSeasons.projectId })
    .from(projectSeasons)
    .where(and(eq(projectSeasons.projectId, projectId), eq(projectSeasons.seasonId, seasonId)));
  return row !== undefined;
}
