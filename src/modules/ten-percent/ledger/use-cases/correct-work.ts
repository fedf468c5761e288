import { eq } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { timeEntries } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { parisDayOf } from "../../../../shared/french-date.ts";
import type { WorkEntryInput } from "../ledger-form.ts";
import { lockMemberLedger, requireOpenMonth, requireOwnEntry, requireWithinBudget } from "./work-rules.ts";

/** Corrects a line of the member's own, while its month and the month it moves to are open; the budget as for a new line. */
export function createCorrectWork(deps: { db: Database; clock: Clock }) {
  return async function correctWork(input: WorkEntryInput & { id: string; userId: string; seasonId: string }): Promise<void> {
    const now = deps.clock.now();
    const today = parisDayOf(now);
    await deps.db.transaction(async (tx) => {
      await lockMemberLedger(tx, input.userId);
      const entry = await requireOwnEntry(tx, input.id, input.userId);
      requireOpenMonth(entry.workedOn, today);
      requireOpenMonth(input.workedOn, today);
      await requireWithinBudget(tx, { ...input, exceptEntryId: entry.id });
      await tx.update(timeEntries).set({ workedOn: input.workedOn, halfDays: input.halfDays, projectId: input.projectId, description: input.description, updatedAt: now }).where(eq(timeEntries.id, entry.id));
    });
  };
}
