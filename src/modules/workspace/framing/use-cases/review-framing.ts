import { and, eq } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { workspaceFramings } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { currentFramingVersionNumber } from "../framing-repository.ts";

/** `reviewed`, or `not_current` when the version the coach read is no longer the current one (or none exists). */
export type ReviewFramingResult = "reviewed" | "not_current";

/**
 * The coach (or the programme team) marks the current version of a season's framing as reviewed (« Relu »),
 * with an optional note. Only the current version: a coach who read an older one is told to read the new one.
 */
export function createReviewFraming(deps: { db: Database; clock: Clock }) {
  return async function reviewFraming(input: { projectId: string; seasonId: string; version: number; note: string; reviewerId: string }): Promise<ReviewFramingResult> {
    return deps.db.transaction(async (tx) => {
      const current = await currentFramingVersionNumber(tx, input);
      if (current === 0 || current !== input.version) return "not_current";
      await tx
        .update(workspaceFramings)
        .set({ reviewedBy: input.reviewerId, reviewedAt: deps.clock.now(), reviewNote: input.note })
        .where(and(eq(workspaceFramings.projectId, input.projectId), eq(workspaceFramings.seasonId, input.seasonId), eq(workspaceFramings.version, input.version)));
      return "reviewed";
    });
  };
}
