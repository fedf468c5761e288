/** Months as `YYYY-MM`, in Paris time: a round is the month of Paris, not of UTC. */

const parisMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" });

/** The `YYYY-MM` month of `date` in Europe/Paris. */
export function parisMonthOf(date: Date): string {
  const parts = parisMonth.formatToParts(date);
  const year = parts.find((part) => part.type === "year")!.value;
  const month = parts.find((part) => part.type === "month")!.value;
  return `${year}-${month}`;
}

/** How many months from `from` to `to` (`2025-12` → `2026-01` is 1). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The month `count` months after `month`. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const frenchMonthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** « décembre 2026 ». */
export function frenchMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return `${frenchMonthNames[monthNumber - 1]} ${year}`;
}

/** « décembre » (the month's name alone, for a mail's subject). */
export function frenchMonthName(month: string): string {
  return frenchMonthNames[Number(month.split("-")[1]) - 1]!;
}
