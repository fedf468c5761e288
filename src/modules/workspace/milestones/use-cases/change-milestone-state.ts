import { and, eq } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { workspaceMilestones } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import type { MilestoneState } from "../milestone-labels.ts";

type Scope = { projectId: string; seasonId: string; id: string };

/** Moves a milestone of this workspace to another state (à faire, en cours, fait, abandonné); false when it is not this workspace's. */
export function createChangeMilestoneState(deps: { db: Database; clock: Clock }) {
  return async function changeMilestoneState(input: Scope & { state: MilestoneState }): Promise<boolean> {
    const updated = await deps.db
      .update(workspaceMilestones)
      .set({ state: input.state, updatedAt: deps.clock.now() })
      .where(and(eq(workspaceMilestones.id, input.id), eq(workspaceMilestones.projectId, input.projectId), eq(workspaceMilestones.seasonId, input.seasonId)))
      .returning({ id: workspaceMilestones.id });
    return updated.length > 0;
  };
}

/** Deletes a milestone of this workspace; false when it is not this workspace's. */
export function createDeleteMilestone(deps: { db: Database }) {
  return async function deleteMilestone(input: Scope): Promise<boolean> {
    const deleted = await deps.db
      .delete(workspaceMilestones)
      .where(and(eq(workspaceMilestones.id, input.id), eq(workspaceMilestones.projectId, input.projectId), eq(workspaceMilestones.seasonId, input.seasonId)))
      .returning({ id: workspaceMilestones.id });
    return deleted.length > 0;
  };
}
