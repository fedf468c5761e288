import type { Database } from "../../../../db/client.ts";
import { timeEntries } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { parisDayOf } from "../../../../shared/french-date.ts";
import type { WorkEntryInput } from "../ledger-form.ts";
import { lockMemberLedger, requireOpenMonth, requireWithinBudget } from "./work-rules.ts";

/**
 * Adds a line of work to the member's ledger. Refused in a closed month, and over the month's budget unless
 * the member confirms their manager agrees (OverBudgetNotConfirmedError: nothing stored).
 */
export function createDeclareWork(deps: { db: Database; clock: Clock }) {
  return async function declareWork(input: WorkEntryInput & { userId: string; seasonId: string }): Promise<{ id: string }> {
    const now = deps.clock.now();
    requireOpenMonth(input.workedOn, parisDayOf(now));
    return deps.db.transaction(async (tx) => {
      await lockMemberLedger(tx, input.userId);
      await requireWithinBudget(tx, input);
      const [created] = await tx
        .insert(timeEntries)
        .values({ userId: input.userId, workedOn: input.workedOn, halfDays: input.halfDays, projectId: input.projectId, description: input.description, createdAt: now, updatedAt: now })
        .returning({ id: timeEntries.id });
      return { id: created!.id };
    });
  };
}
