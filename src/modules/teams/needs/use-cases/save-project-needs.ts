import type { Database } from "../../../../db/client.ts";
import { projectNeeds } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import type { NeedsInput } from "../needs-form.ts";

/** Saves what a project's team seeks in a season (one row per project and season, replaced). */
export function createSaveProjectNeeds(deps: { db: Database; clock: Clock }) {
  return async function saveProjectNeeds(input: NeedsInput & { projectId: string; seasonId: string; updatedBy: string }): Promise<void> {
    const values = { minSize: input.minSize, maxSize: input.maxSize, skills: input.skills, rhythm: input.rhythm, whyJoin: input.whyJoin, updatedBy: input.updatedBy, updatedAt: deps.clock.now() };
    await deps.db
      .insert(projectNeeds)
      .values({ projectId: input.projectId, seasonId: input.seasonId, ...values })
      .onConflictDoUpdate({ target: [projectNeeds.projectId, projectNeeds.seasonId], set: values });
  };
}
