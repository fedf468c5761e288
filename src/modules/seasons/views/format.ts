import { formatCalendarDay, formatCalendarDayWithoutYear } from "../../../shared/french-date.ts";
import type { PhaseDates, PhaseStatus } from "../domain/phases.ts";

/** `2024-06-30` → « 30 juin 2024 », « 1er mars 2024 » (a calendar day: no time zone shift). */
export const formatDay = formatCalendarDay;

/** « du 1er mars au 30 juin 2024 ». */
export function formatRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? `le ${formatDay(startsOn)}` : `du ${formatDay(startsOn)} au ${formatDay(endsOn)}`;
}

/** « Phase en cours : construction, jusqu’au 30 juin » or « Prochaine phase : … à partir du … »; null when over. */
export function phaseLine(status: PhaseStatus<PhaseDates>): string | null {
  if (status.kind === "current") return `phase en cours\u00a0: ${status.phase.name.toLowerCase()}, jusqu’au ${formatCalendarDayWithoutYear(status.phase.endsOn)}`;
  if (status.kind === "upcoming") return `prochaine phase\u00a0: ${status.phase.name.toLowerCase()}, à partir du ${formatCalendarDayWithoutYear(status.phase.startsOn)}`;
  return null;
}
