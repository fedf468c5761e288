import { formatHour } from "../../../shared/french-date.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";

const timeZone = "Europe/Paris";
const weekdayDate = new Intl.DateTimeFormat("fr-FR", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** « mardi 9 mars 2027 », « lundi 1er mars 2027 » (Europe/Paris). */
export function formatLongDate(date: Date): string {
  const parts = weekdayDate.formatToParts(date);
  return parts.map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value)).join("");
}

/** The calendar day in Paris, "2027-03-09". */
export function parisDayOf(date: Date): string {
  return parisDay.format(date);
}

/**
 * When an event takes place: « mardi 9 mars 2027, 14 h – 17 h 30 » within a day, « du mardi 9 mars 2027,
 * 9 h au mercredi 10 mars 2027, 17 h » over several days (French typography, non-breaking spaces).
 */
export function formatEventPeriod(startsAt: Date, endsAt: Date): string {
  if (parisDayOf(startsAt) === parisDayOf(endsAt)) return `${formatLongDate(startsAt)}, ${formatHour(startsAt)} – ${formatHour(endsAt)}`;
  return `du ${formatLongDate(startsAt)}, ${formatHour(startsAt)} au ${formatLongDate(endsAt)}, ${formatHour(endsAt)}`;
}

/** « sur place », « à distance »: the mode inside a sentence. */
export const modeInSentence: Record<AttendanceMode, string> = { in_person: "sur place", remote: "à distance" };

/** « 1 personne », « 3 personnes » (non-breaking space). */
export function countOf(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}

/** A person's name in a sentence: « Inès Benali ». */
export function fullName(person: { givenName: string; usualName: string }): string {
  return [person.givenName, person.usualName].filter(Boolean).join(" ") || "Personne sans nom";
}
