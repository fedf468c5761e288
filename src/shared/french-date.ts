const timeZone = "Europe/Paris";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone, day: "numeric", month: "long", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** « 1 mars 2027 » → « 1er mars 2027 »: French writes the first day of a month as an ordinal. */
function withFirstDay(text: string): string {
  return text.replace(/^1(?=[\s\u00a0\u202f])/, "1er");
}

/** « 14 février 2023 », « 1er mars 2027 », in Europe/Paris whatever the server's time zone. */
export function formatDate(date: Date): string {
  return withFirstDay(dateFormat.format(date));
}

const calendarDay = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const calendarDayWithoutYear = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });

/** A calendar day, `2024-06-30` → « 30 juin 2024 », `2024-03-01` → « 1er mars 2024 » (no time zone shift). */
export function formatCalendarDay(day: string): string {
  return withFirstDay(calendarDay.format(new Date(`${day}T00:00:00Z`)));
}

/** `2024-06-30` → « 30 juin », `2024-09-01` → « 1er septembre ». */
export function formatCalendarDayWithoutYear(day: string): string {
  return withFirstDay(calendarDayWithoutYear.format(new Date(`${day}T00:00:00Z`)));
}

/** « 14 h 30 », French typography with non-breaking spaces. */
export function formatTime(date: Date): string {
  const parts = timeFormat.formatToParts(date);
  const hour = parts.find((part) => part.type === "hour")?.value ?? "00";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  return `${Number(hour)}\u00a0h\u00a0${minute}`;
}

/** « 14 h » on the hour, « 14 h 30 » otherwise: times as people say them (non-breaking spaces). */
export function formatHour(date: Date): string {
  const parts = timeFormat.formatToParts(date);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? "0");
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  return minute === "00" ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${minute}`;
}

/** « 8 décembre 2026 à 14 h », « 1er mars 2027 à 9 h 30 »: a deadline as people say it (formatHour). */
export function formatDateHour(date: Date): string {
  return `${formatDate(date)} à\u00a0${formatHour(date)}`;
}

/** « 14 février 2023 à 14 h 30 », « 1er mars 2027 à 9 h 05 ». */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} à\u00a0${formatTime(date)}`;
}

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
