/** The editor's date and time fields are read and shown in Europe/Paris, whatever the server's time zone. */
const timeZone = "Europe/Paris";

const partsFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parisParts(date: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** Minutes Paris is ahead of UTC at `date` (60 in winter, 120 in summer). */
function parisOffsetMinutes(date: Date): number {
  const parts = parisParts(date);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/** `2027-03-03T09:00` typed in Paris → the instant; null when the text is not a real date-time. */
export function parseParisDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || year < 1900 || year > 2200) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null;
  // The offset of the guessed instant, then of the corrected one: right on both sides of a DST change.
  let instant = asUtc - parisOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - parisOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** `2023-02-14` → midnight of that day in Paris; null when not a real date. */
export function parseParisDate(text: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseParisDateTime(`${text}T00:00`) : null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The instant as a `datetime-local` value in Paris. */
export function toParisDateTimeInput(date: Date): string {
  const parts = parisParts(date);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** The instant as a `date` value (its day in Paris). */
export function toParisDateInput(date: Date): string {
  return toParisDateTimeInput(date).slice(0, 10);
}
