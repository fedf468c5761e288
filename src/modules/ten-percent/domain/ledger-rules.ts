import { DateTime } from "luxon";

/**
 * How the time ledger counts (issue 16, ADR 0035). Pure: the events module gives attendance, the member
 * declares work; this says what each weighs, in half-days, and which month it belongs to.
 */

const zone = "Europe/Paris";

/** The events that count as time given: workshops, trainings, bootcamps and closings (not webinars nor convivial moments). */
export const countedEventKinds = ["atelier", "formation", "bootcamp", "cloture"] as const;

export function isCountedEventKind(kind: string): boolean {
  return (countedEventKinds as readonly string[]).includes(kind);
}

/**
 * An attended event in half-days: up to 4 h is one half-day, more is a day (2); over several days, at most
 * two a day. `durationMinutes` is the events module's (nights excluded).
 */
export function halfDaysOfAttendance(startsAt: Date, endsAt: Date, durationMinutes: number): number {
  const start = DateTime.fromJSDate(startsAt, { zone }).startOf("day");
  const end = DateTime.fromJSDate(endsAt, { zone }).startOf("day");
  const days = Math.max(1, Math.round(end.diff(start, "days").days) + 1);
  return Math.min(2 * days, Math.max(1, Math.ceil(durationMinutes / 240)));
}

/** `YYYY-MM` of an instant, in Paris. */
export function parisMonthOfInstant(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM");
}

/** A month's lines can be corrected until the 10th of the following month included (Paris); then the month is closed. */
export const monthClosesOnDay = 10;

export function isMonthClosed(month: string, today: string): boolean {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return today > `${next}-${String(monthClosesOnDay).padStart(2, "0")}`;
}

export type BudgetCheck = "within" | "reaches" | "exceeds";

/** Whether adding `adding` half-days to a month already at `used` stays within, reaches or goes over its `budget`. */
export function checkBudget(used: number, adding: number, budget: number): BudgetCheck {
  const total = used + adding;
  if (total > budget) return "exceeds";
  return total === budget ? "reaches" : "within";
}

/** « 1 demi-journée », « 3 demi-journées », « 1,5 jour » is never used: the ledger speaks in half-days. */
export function halfDaysLabel(count: number): string {
  return `${count}\u00a0demi-journée${count > 1 ? "s" : ""}`;
}

/** « décembre 2026 » for `2026-12`. */
export function monthLabel(month: string): string {
  return DateTime.fromFormat(month, "yyyy-MM", { zone, locale: "fr" }).toFormat("LLLL yyyy");
}
