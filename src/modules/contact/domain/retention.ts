/**
 * How long the team keeps a message and its thread: one year after its last activity (written, answered,
 * archived or reopened), the time for a question to come back; then the retention sweep deletes it (ADR 0024).
 */
export const retentionMonths = 12;

/** Messages whose last activity is before this instant are past their retention period at `now`. */
export function retentionLimit(now: Date): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - retentionMonths);
  return limit;
}
