import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { users, workspaceMilestones } from "../../../db/schema/index.ts";
import { displayName } from "../../identity/api.ts";
import type { MilestonePhase, MilestoneState } from "./milestone-labels.ts";

export type Milestone = {
  id: string;
  phase: MilestonePhase;
  title: string;
  dueOn: string;
  ownerId: string | null;
  /** The owner's name; null without owner or once their account is erased. */
  ownerName: string | null;
  state: MilestoneState;
  isPresentation: boolean;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The milestones of a project's workspace in a season, by due date then title. */
export async function listMilestones(db: Executor, projectId: string, seasonId: string): Promise<Milestone[]> {
  const rows = await db
    .select({
      id: workspaceMilestones.id,
      phase: workspaceMilestones.phase,
      title: workspaceMilestones.title,
      dueOn: workspaceMilestones.dueOn,
      ownerId: workspaceMilestones.ownerId,
      state: workspaceMilestones.state,
      isPresentation: workspaceMilestones.isPresentation,
      email: users.email,
      givenName: users.givenName,
      usualName: users.usualName,
      erasedAt: users.erasedAt,
    })
    .from(workspaceMilestones)
    .leftJoin(users, eq(users.id, workspaceMilestones.ownerId))
    .where(and(eq(workspaceMilestones.projectId, projectId), eq(workspaceMilestones.seasonId, seasonId)))
    .orderBy(asc(workspaceMilestones.dueOn), asc(workspaceMilestones.title), asc(workspaceMilestones.id));
  return rows.map((row) => ({
    id: row.id,
    phase: row.phase as MilestonePhase,
    title: row.title,
    dueOn: row.dueOn,
    ownerId: row.ownerId,
    ownerName: row.ownerId && row.email && !row.erasedAt ? displayName({ email: row.email, givenName: row.givenName, usualName: row.usualName }) : null,
    state: row.state as MilestoneState,
    isPresentation: row.isPresentation,
  }));
}

/** The milestone `id` of this workspace, or null (another project's or season's, or not an id). */
export async function findMilestone(db: Executor, scope: { projectId: string; seasonId: string }, id: string): Promise<{ id: string; state: MilestoneState } | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db
    .select({ id: workspaceMilestones.id, state: workspaceMilestones.state })
    .from(workspaceMilestones)
    .where(and(eq(workspaceMilestones.id, id), eq(workspaceMilestones.projectId, scope.projectId), eq(workspaceMilestones.seasonId, scope.seasonId)));
  return row ? { id: row.id, state: row.state as MilestoneState } : null;
}

export type NextMilestone = { id: string; title: string; dueOn: string; phase: MilestonePhase; state: MilestoneState; overdue: boolean };

/**
 * The next milestone to reach: the earliest due among those neither done nor dropped (an overdue one
 * comes first, marked `overdue`); null when none is left.
 */
export async function findNextMilestone(db: Executor, projectId: string, seasonId: string, today: string): Promise<NextMilestone | null> {
  const [row] = await db
    .select({ id: workspaceMilestones.id, title: workspaceMilestones.title, dueOn: workspaceMilestones.dueOn, phase: workspaceMilestones.phase, state: workspaceMilestones.state })
    .from(workspaceMilestones)
    .where(and(eq(workspaceMilestones.projectId, projectId), eq(workspaceMilestones.seasonId, seasonId), inArray(workspaceMilestones.state, ["todo", "doing"])))
    .orderBy(asc(workspaceMilestones.dueOn), asc(workspaceMilestones.title), asc(workspaceMilestones.id))
    .limit(1);
  return row ? { ...row, phase: row.phase as MilestonePhase, state: row.state as MilestoneState, overdue: row.dueOn < today } : null;
}

export type MilestoneCounts = { total: number; done: number; dropped: number; overdue: number };

/**
 * For the season's portfolio: per project, how many milestones, done, dropped, and overdue (neither done
 * nor dropped, due before `today`). Projects without milestones are absent from the map.
 */
export async function listMilestoneCounts(db: Executor, seasonId: string, today: string, projectIds?: string[]): Promise<Map<string, MilestoneCounts>> {
  if (projectIds && projectIds.length === 0) return new Map();
  const conditions = [eq(workspaceMilestones.seasonId, seasonId)];
  if (projectIds) conditions.push(inArray(workspaceMilestones.projectId, projectIds));
  const rows = await db
    .select({
      projectId: workspaceMilestones.projectId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${workspaceMilestones.state} = 'done')::int`,
      dropped: sql<number>`count(*) filter (where ${workspaceMilestones.state} = 'dropped')::int`,
      overdue: sql<number>`count(*) filter (where ${workspaceMilestones.state} in ('todo', 'doing') and ${workspaceMilestones.dueOn} < ${today})::int`,
    })
    .from(workspaceMilestones)
    .where(and(...conditions))
    .groupBy(workspaceMilestones.projectId);
  return new Map(rows.map((row) => [row.projectId, { total: Number(row.total), done: Number(row.done), dropped: Number(row.dropped), overdue: Number(row.overdue) }]));
}
