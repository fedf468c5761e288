import type { PhaseDates, PhaseStatus } from "../domain/phases.ts";

const longDay = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const shortDay = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });

function asUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** `2024-06-30` → « 30 juin 2024 » (a calendar day: no time zone shift). */
export function formatDay(day: string): string {
  return longDay.format(asUtc(day));
}

/** `2024-06-30` → « 30 juin ». */
export function formatDayWithoutYear(day: string): string {
  return shortDay.format(asUtc(day));
}

/** « du 1er mars au 30 juin 2024 »: the French « 1er » for the first of the month. */
export function formatRange(startsOn: string, endsOn: string): string {
  const first = (text: string) => text.replace(/^1 /, "1er ");
  return startsOn === endsOn ? `le ${first(formatDay(startsOn))}` : `du ${first(formatDay(startsOn))} au ${first(formatDay(endsOn))}`;
}

/** « Phase en cours : construction, jusqu’au 30 juin » or « Prochaine phase : … à partir du … »; null when over. */
export function phaseLine(status: PhaseStatus<PhaseDates>): string | null {
  if (status.kind === "current") return `phase en cours\u00a0: ${status.phase.name.toLowerCase()}, jusqu’au ${formatDayWithoutYear(status.phase.endsOn).replace(/^1 /, "1er ")}`;
  if (status.kind === "upcoming") return `prochaine phase\u00a0: ${status.phase.name.toLowerCase()}, à partir du ${formatDayWithoutYear(status.phase.startsOn).replace(/^1 /, "1er ")}`;
  return null;
}
