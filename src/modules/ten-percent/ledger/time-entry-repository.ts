import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { projects, teamMembers, timeEntries } from "../../../db/schema/index.ts";

/** A line of work declared by a member. */
export type TimeEntry = { id: string; userId: string; workedOn: string; halfDays: number; projectId: string | null; projectTitle: string | null; description: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findTimeEntry(db: Executor, id: string): Promise<TimeEntry | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db
    .select({ id: timeEntries.id, userId: timeEntries.userId, workedOn: timeEntries.workedOn, halfDays: timeEntries.halfDays, projectId: timeEntries.projectId, projectTitle: projects.title, description: timeEntries.description })
    .from(timeEntries)
    .leftJoin(projects, eq(projects.id, timeEntries.projectId))
    .where(eq(timeEntries.id, id));
  return row ?? null;
}

export type ProjectOption = { id: string; title: string };

/** The projects of a season whose team the member is in (any role), by title: what they may declare work on. */
export async function listProjectsOfMember(db: Executor, userId: string, seasonId: string): Promise<ProjectOption[]> {
  return db
    .selectDistinct({ id: projects.id, title: projects.title })
    .from(teamMembers)
    .innerJoin(projects, eq(projects.id, teamMembers.projectId))
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, seasonId)))
    .orderBy(asc(projects.title));
}
