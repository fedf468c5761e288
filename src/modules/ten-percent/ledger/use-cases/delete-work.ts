import { eq } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { timeEntries } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { parisDayOf } from "../../../../shared/french-date.ts";
import { lockMemberLedger, requireOpenMonth, requireOwnEntry } from "./work-rules.ts";

/** Deletes a line of the member's own while its month is open. */
export function createDeleteWork(deps: { db: Database; clock: Clock }) {
  return async function deleteWork(input: { id: string; userId: string }): Promise<void> {
    const today = parisDayOf(deps.clock.now());
    await deps.db.transaction(async (tx) => {
      await lockMemberLedger(tx, input.userId);
      const entry = await requireOwnEntry(tx, input.id, input.userId);
      requireOpenMonth(entry.workedOn, today);
      await tx.delete(timeEntries).where(eq(timeEntries.id, entry.id));
    });
  };
}
