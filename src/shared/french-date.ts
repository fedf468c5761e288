const timeZone = "Europe/Paris";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone, day: "numeric", month: "long", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** « 14 février 2023 », in Europe/Paris whatever the server's time zone. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
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

/** « 14 février 2023 à 14 h 30 ». */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} à\u00a0${formatTime(date)}`;
}
