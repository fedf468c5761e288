import assert from "node:assert/strict";
import ICAL from "ical.js";

/** One VEVENT as a calendar client reads it, times resolved through the file's own VTIMEZONE. */
export type CalendarEntry = {
  uid: string;
  summary: string;
  status: string | null;
  sequence: number | null;
  /** The instants, computed by ical.js from the TZID wall time and the file's VTIMEZONE. */
  start: Date;
  end: Date;
  startTzid: string | null;
  /** The wall time written in the file, e.g. "2027-03-09T14:00:00". */
  startWallTime: string;
  location: string | null;
  description: string | null;
  url: string | null;
};

export type ParsedCalendar = { method: string | null; name: string | null; refreshInterval: string | null; publishedTtl: string | null; timezones: string[]; entries: CalendarEntry[] };

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

/**
 * Parses an iCalendar text with ical.js (the parser of Thunderbird's lineage), fails if it is not valid,
 * and registers its VTIMEZONEs alone: the instants read back come from the file's own time zone rules.
 */
export function parseCalendar(content: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(content));
  assert.equal(calendar.name, "vcalendar");
  const timezones = calendar.getAllSubcomponents("vtimezone");
  ICAL.TimezoneService.reset();
  for (const timezone of timezones) ICAL.TimezoneService.register(timezone);
  const entries = calendar.getAllSubcomponents("vevent").map((vevent): CalendarEntry => {
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = vevent.getFirstPropertyValue("dtend") as ICAL.Time;
    const sequence = vevent.getFirstPropertyValue("sequence");
    return {
      uid: String(vevent.getFirstPropertyValue("uid")),
      summary: String(vevent.getFirstPropertyValue("summary")),
      status: text(vevent, "status"),
      sequence: sequence === null ? null : Number(sequence),
      start: start.toJSDate(),
      end: end.toJSDate(),
      startTzid: (vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined) ?? null,
      startWallTime: `${start.year}-${String(start.month).padStart(2, "0")}-${String(start.day).padStart(2, "0")}T${String(start.hour).padStart(2, "0")}:${String(start.minute).padStart(2, "0")}:${String(start.second).padStart(2, "0")}`,
      location: text(vevent, "location"),
      description: text(vevent, "description"),
      url: text(vevent, "url"),
    };
  });
  return {
    method: text(calendar, "method"),
    name: text(calendar, "x-wr-calname") ?? text(calendar, "name"),
    refreshInterval: text(calendar, "refresh-interval"),
    publishedTtl: text(calendar, "x-published-ttl"),
    timezones: timezones.map((timezone) => String(timezone.getFirstPropertyValue("tzid"))),
    entries,
  };
}

/** Checks what every file and feed of the platform carries: the Paris VTIMEZONE and TZID wall times giving the right instants. */
export function assertParisTimes(entry: CalendarEntry, expected: { start: Date; end: Date; wallTime: string }) {
  assert.equal(entry.startTzid, "Europe/Paris");
  assert.equal(entry.startWallTime, expected.wallTime);
  assert.equal(entry.start.toISOString(), expected.start.toISOString());
  assert.equal(entry.end.toISOString(), expected.end.toISOString());
}
