import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { seasons, workspaceRestitutions } from "../../../db/schema/index.ts";

export type Restitution = typeof workspaceRestitutions.$inferSelect;

export async function findRestitution(db: Executor, projectId: string, seasonId: string): Promise<Restitution | null> {
  const [row] = await db.select().from(workspaceRestitutions).where(and(eq(workspaceRestitutions.projectId, projectId), eq(workspaceRestitutions.seasonId, seasonId)));
  return row ?? null;
}

/** Whether a restitution says anything (a summary, slides, a video or a demo). */
export function hasContent(restitution: Restitution): boolean {
  return Boolean(restitution.summary.trim() || restitution.slidesUrl || restitution.slidesMediaPath || restitution.videoUrl || restitution.demoUrl);
}

/** The restitutions of a project with their season, the most recent season first. */
export async function listRestitutionsOfProject(db: Executor, projectId: string): Promise<(Restitution & { seasonName: string; seasonSlug: string })[]> {
  const rows = await db
    .select({ restitution: workspaceRestitutions, seasonName: seasons.name, seasonSlug: seasons.slug })
    .from(workspaceRestitutions)
    .innerJoin(seasons, eq(seasons.id, workspaceRestitutions.seasonId))
    .where(eq(workspaceRestitutions.projectId, projectId))
    .orderBy(desc(seasons.startsOn));
  return rows.map((row) => ({ ...row.restitution, seasonName: row.seasonName, seasonSlug: row.seasonSlug }));
}
