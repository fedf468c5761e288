import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { participations, projects, projectSeasons, seasons, teamMembers, wishes, wishLists } from "../../../db/schema/index.ts";
import { isProjectLead } from "../team-repository.ts";

export type KeptWish = { rank: number; projectId: string; motivation: string };
export type KeptWishList = { state: "draft" | "submitted"; anyProject: boolean; keepPreviousProject: boolean; submittedAt: Date | null; updatedAt: Date; wishes: KeptWish[] };

/** A member's wish list of a season with its wishes by rank, or null. */
export async function findWishList(db: Executor, userId: string, seasonId: string): Promise<KeptWishList | null> {
  const [list] = await db
    .select()
    .from(wishLists)
    .where(and(eq(wishLists.userId, userId), eq(wishLists.seasonId, seasonId)));
  if (!list) return null;
  const rows = await db
    .select({ rank: wishes.rank, projectId: wishes.projectId, motivation: wishes.motivation })
    .from(wishes)
    .where(and(eq(wishes.userId, userId), eq(wishes.seasonId, seasonId)))
    .orderBy(asc(wishes.rank));
  return { state: list.state as "draft" | "submitted", anyProject: list.anyProject, keepPreviousProject: list.keepPreviousProject, submittedAt: list.submittedAt, updatedAt: list.updatedAt, wishes: rows };
}

/**
 * The project a member worked on in the season before `season` (their team there, or a participation
 * recorded with that season's slug) when that project continues in `season`: they may keep priority on it.
 * Not for a lead of that project in `season` (named, or the proposal's author): they are fixed in it.
 */
export async function findContinuingProject(db: Executor, userId: string, season: { id: string; startsOn: string }): Promise<{ id: string; title: string } | null> {
  const [previous] = await db
    .select({ id: seasons.id, slug: seasons.slug, startsOn: seasons.startsOn })
    .from(seasons)
    .where(ne(seasons.id, season.id))
    .orderBy(desc(seasons.startsOn))
    .then((rows) => rows.filter((row) => row.startsOn < season.startsOn));
  if (!previous) return null;
  const candidates: { id: string; title: string }[] = await db
    .select({ id: projects.id, title: projects.title })
    .from(teamMembers)
    .innerJoin(projects, eq(projects.id, teamMembers.projectId))
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, previous.id), ne(teamMembers.role, "coach")));
  if (candidates.length === 0) {
    const recorded = await db
      .select({ id: projects.id, title: projects.title })
      .from(participations)
      .innerJoin(projects, eq(projects.slug, participations.projectSlug))
      .where(and(eq(participations.userId, userId), eq(participations.season, previous.slug)));
    candidates.push(...recorded);
  }
  for (const candidate of candidates) {
    // A lead of the project in this season is fixed in it already: nothing to ask for.
    if (await isProjectLead(db, userId, candidate.id, season.id)) continue;
    const [continues] = await db
      .select({ projectId: projectSeasons.projectId })
      .from(projectSeasons)
      .where(and(eq(projectSeasons.projectId, candidate.id), eq(projectSeasons.seasonId, season.id)));
    if (continues) return candidate;
  }
  return null;
}
