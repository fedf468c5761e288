const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** `2031-03-01` → « depuis mars 2031 ». */
export function sinceLabel(since: string): string {
  return `depuis ${monthFormat.format(new Date(`${since}T00:00:00Z`))}`;
}
