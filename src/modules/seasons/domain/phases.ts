import { parisDayOf } from "../../../shared/french-date.ts";
/**
 * Seasons and their phases, without any I/O. Dates are calendar days (`YYYY-MM-DD`) as the
 * programme says them: a phase « jusqu’au 30 juin » lasts the whole of 30 June in Paris.
 */

/** The eight phases of every season, in order (keys in English, names in French). « Vœux »: members rank the projects they wish to join (issue 14). */
export const defaultPhaseTemplate = [
  { key: "call", name: "Appel à projets" },
  { key: "qualification", name: "Qualification" },
  { key: "launch", name: "Lancement" },
  { key: "wishes", name: "Vœux" },
  { key: "investigation", name: "Investigation" },
  { key: "construction", name: "Construction" },
  { key: "amplification", name: "Amplification" },
  { key: "closing", name: "Restitution" },
] as const;

export type PhaseKey = (typeof defaultPhaseTemplate)[number]["key"];

/** A phase as typed or stored: its name and first and last day (inclusive). */
export type PhaseDates = { key: string; name: string; startsOn: string; endsOn: string };
export type SeasonDates = { startsOn: string; endsOn: string };

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

function dayText(number: number): string {
  return new Date(number * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The default phases spread over the season: each gets an equal share of the days (the last one
 * takes the remainder), consecutive and without gaps. A season shorter than seven days gives
 * phases of one day that may pass its end; the validation then says so.
 */
export function spreadDefaultPhases(season: SeasonDates): PhaseDates[] {
  const first = dayNumber(season.startsOn);
  const total = Math.max(dayNumber(season.endsOn) - first + 1, defaultPhaseTemplate.length);
  const share = Math.floor(total / defaultPhaseTemplate.length);
  return defaultPhaseTemplate.map((phase, index) => {
    const start = first + index * share;
    const end = index === defaultPhaseTemplate.length - 1 ? first + total - 1 : start + share - 1;
    return { key: phase.key, name: phase.name, startsOn: dayText(start), endsOn: dayText(end) };
  });
}

/** Field errors of a season and its phases: `startsOn`, `endsOn`, `phases.<i>.name|startsOn|endsOn`, `phases`. */
export type SeasonErrors = Record<string, string>;

/**
 * Checks a season's dates and its phases: each phase named, real days, ending on or after it
 * starts, inside the season, in order without overlapping the previous one. French messages.
 */
export function validateSeason(season: SeasonDates, phases: PhaseDates[]): SeasonErrors {
  const errors: SeasonErrors = {};
  const seasonDaysOk = isCalendarDay(season.startsOn) && isCalendarDay(season.endsOn);
  if (!isCalendarDay(season.startsOn)) errors.startsOn = "Indiquez la date de début de la saison, par exemple 2024-01-15.";
  if (!isCalendarDay(season.endsOn)) errors.endsOn = "Indiquez la date de fin de la saison, par exemple 2024-12-15.";
  if (seasonDaysOk && season.endsOn < season.startsOn) errors.endsOn = "La saison doit se terminer après son début.";
  if (phases.length === 0) errors.phases = "Une saison a au moins une phase.";
  let previous: PhaseDates | null = null;
  phases.forEach((phase, index) => {
    const label = phase.name.trim() || `n°\u00a0${index + 1}`;
    const field = (name: string) => `phases.${index}.${name}`;
    if (!phase.name.trim()) errors[field("name")] = `Indiquez le nom de la phase n°\u00a0${index + 1}.`;
    else if (phase.name.trim().length > 100) errors[field("name")] = "Ce champ ne peut pas dépasser 100 caractères.";
    const startOk = isCalendarDay(phase.startsOn);
    const endOk = isCalendarDay(phase.endsOn);
    if (!startOk) errors[field("startsOn")] = `Indiquez la date de début de la phase «\u00a0${label}\u00a0».`;
    if (!endOk) errors[field("endsOn")] = `Indiquez la date de fin de la phase «\u00a0${label}\u00a0».`;
    if (startOk && endOk && phase.endsOn < phase.startsOn) errors[field("endsOn")] = `La phase «\u00a0${label}\u00a0» doit se terminer après son début.`;
    if (startOk && seasonDaysOk && phase.startsOn < season.startsOn) errors[field("startsOn")] ??= `La phase «\u00a0${label}\u00a0» commence avant la saison.`;
    if (endOk && seasonDaysOk && phase.endsOn > season.endsOn) errors[field("endsOn")] ??= `La phase «\u00a0${label}\u00a0» se termine après la saison.`;
    if (startOk && previous && isCalendarDay(previous.endsOn) && phase.startsOn <= previous.endsOn) {
      errors[field("startsOn")] ??= `La phase «\u00a0${label}\u00a0» doit commencer après la fin de la phase précédente («\u00a0${previous.name.trim()}\u00a0»).`;
    }
    previous = phase;
  });
  return errors;
}

/** Where a season stands at an instant: the phase running, or the next one between two phases. */
export type PhaseStatus<P extends PhaseDates> =
  | { kind: "current"; phase: P }
  | { kind: "upcoming"; phase: P }
  | { kind: "none" };

/**
 * The phase running at `now` (in Paris days, first and last day included); between two phases,
 * the next one « à venir »; before the first, the first « à venir »; after the last or without
 * phases, none.
 */
export function currentPhase<P extends PhaseDates>(season: SeasonDates, phases: readonly P[], now: Date): PhaseStatus<P> {
  const today = parisDayOf(now);
  if (today > season.endsOn) return { kind: "none" };
  const ordered = [...phases].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  const running = ordered.find((phase) => phase.startsOn <= today && today <= phase.endsOn);
  if (running) return { kind: "current", phase: running };
  const next = ordered.find((phase) => phase.startsOn > today);
  return next ? { kind: "upcoming", phase: next } : { kind: "none" };
}

/** True when `now` (a Paris day) falls between the season's first and last day. */
export function isSeasonRunning(season: SeasonDates, now: Date): boolean {
  const today = parisDayOf(now);
  return season.startsOn <= today && today <= season.endsOn;
}
