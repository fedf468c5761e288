import type { Database } from "../../../../db/client.ts";
import { workspaceMilestones } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import type { MilestoneInput } from "../milestone-form.ts";

/** Adds a milestone to a project's workspace of a season (the form checked the phase, the date within the season and the owner). */
export function createAddMilestone(deps: { db: Database; clock: Clock }) {
  return async function addMilestone(input: MilestoneInput & { projectId: string; seasonId: string; createdBy: string }): Promise<{ id: string }> {
    const now = deps.clock.now();
    const [created] = await deps.db
      .insert(workspaceMilestones)
      .values({
        projectId: input.projectId,
        seasonId: input.seasonId,
        phase: input.phase,
        title: input.title,
        dueOn: input.dueOn,
        ownerId: input.ownerId,
        isPresentation: input.isPresentation,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: workspaceMilestones.id });
    return { id: created!.id };
  };
}
