import { DateTime } from "luxon";

/** Event times are wall times in Paris: « 14 h » stays 14 h in Paris across the change to summer time. */
export const programmeZone = "Europe/Paris";

/** A series' rule as the team enters it: every `interval` weeks, until a day (included), in Paris. */
export type SeriesRule = { frequency: "weekly"; interval: number; until: string };

export const maxOccurrences = 60;
export const maxIntervalWeeks = 12;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `2027-03-09` is a real calendar day. */
export function isCalendarDay(text: string): boolean {
  return dayPattern.test(text) && DateTime.fromISO(text, { zone: "UTC" }).isValid;
}

/** `14:30` is a time of day (24 h). */
export function isTimeOfDay(text: string): boolean {
  return timePattern.test(text);
}

/** The instant at `time` (« 14:30 ») on `day` in Paris. A time skipped by the change to summer time moves forward an hour. */
export function parisInstant(day: string, time: string): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone: programmeZone }).toJSDate();
}

/** The day (`2027-03-09`) and time (`14:30`) of an instant in Paris. */
export function parisWallTime(instant: Date): { day: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone: programmeZone });
  return { day: local.toFormat("yyyy-MM-dd"), time: local.toFormat("HH:mm") };
}

/** Whole days from `from` to `to` (calendar days, `2027-03-09` → `2027-03-23` is 14). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toFormat("yyyy-MM-dd");
}

/** `instant` moved by `days` calendar days keeping its Paris wall time (« mardi 14 h » → « mardi suivant 14 h », even across a time change). */
export function shiftKeepingWallTime(instant: Date, days: number): Date {
  return DateTime.fromJSDate(instant, { zone: programmeZone }).plus({ days }).toJSDate();
}

/** The French messages of a rule that does not hold, by field (`interval`, `until`). */
export function validateRule(firstDay: string, rule: { interval: number | null; until: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (rule.interval === null || !Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > maxIntervalWeeks) {
    errors.interval = `Indiquez un nombre de semaines entre 1 et ${maxIntervalWeeks}, par exemple 2 pour «\u00a0une semaine sur deux\u00a0».`;
  }
  if (!isCalendarDay(rule.until)) errors.until = "Indiquez la date de la dernière séance possible, au format AAAA-MM-JJ.";
  else if (isCalendarDay(firstDay) && rule.until <= firstDay) errors.until = "La date de fin de la série doit suivre la date de la première séance.";
  else if (isCalendarDay(firstDay) && errors.interval === undefined && occurrenceDays(firstDay, rule as SeriesRule, Number.POSITIVE_INFINITY).length > maxOccurrences) {
    errors.until = `Une série compte au plus ${maxOccurrences} séances\u00a0: rapprochez la date de fin ou espacez les séances.`;
  }
  return errors;
}

/**
 * The days of the series' occurrences: `firstDay`, then every `interval` weeks until `rule.until`
 * (included), at most `limit` days.
 */
export function occurrenceDays(firstDay: string, rule: SeriesRule, limit = maxOccurrences): string[] {
  const days: string[] = [];
  for (let index = 0; days.length < limit; index += 1) {
    const day = addDays(firstDay, index * 7 * rule.interval);
    if (day > rule.until) break;
    days.push(day);
  }
  return days;
}

/** An occurrence's times: its start and end. */
export type Occurrence = { startsAt: Date; endsAt: Date };

/**
 * The occurrences of a series whose first one is `first`: each one on its day at the same Paris wall
 * times as the first (a 14 h – 17 h 30 workshop stays 14 h – 17 h 30 after the change to summer time,
 * so its UTC instant moves by an hour).
 */
export function seriesOccurrences(first: Occurrence, rule: SeriesRule): Occurrence[] {
  const start = parisWallTime(first.startsAt);
  return occurrenceDays(start.day, rule).map((day) => {
    const offset = daysBetween(start.day, day);
    return { startsAt: shiftKeepingWallTime(first.startsAt, offset), endsAt: shiftKeepingWallTime(first.endsAt, offset) };
  });
}

/**
 * A time tied to an occurrence (registration closing, access list due…) carried to another occurrence:
 * as many days before or after its start, at the same Paris wall time.
 */
export function carryRelativeTime(time: Date | null, from: Date, to: Date): Date | null {
  if (!time) return null;
  const fromDay = parisWallTime(from).day;
  const toDay = parisWallTime(to).day;
  return shiftKeepingWallTime(time, daysBetween(fromDay, toDay));
}
