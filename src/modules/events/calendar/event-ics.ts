import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { type AttendanceMode, attendanceModeLabels, type EventKind, eventKindLabels } from "../domain/event-kinds.ts";

export const programmeTimeZone = "Europe/Paris";

/** What a calendar entry shows of an event. */
export type CalendarEvent = {
  id: string;
  slug: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string | null;
  placeAddress: string | null;
  placeAccess: string | null;
  visioUrl: string | null;
  status: string;
  /** Bumped on each change, so that clients update the entry they hold (iCalendar SEQUENCE). */
  version: number;
  updatedAt: Date;
  /** Followed remotely too: with `visioUrl` null (the link withheld from this viewer), the entry says it is online. */
  remote?: boolean | undefined;
  /** In a person's feed: their registration, shown in the entry (a waiting one is TENTATIVE). */
  registration?: { status: "confirmed" | "waitlisted"; mode: AttendanceMode } | undefined;
};

export type CalendarOptions = {
  /** The calendar's name (feeds); `method`: REQUEST for an invitation by mail, CANCEL to withdraw it, PUBLISH for files and feeds. */
  name: string;
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  publicUrl: string;
  /** For an invitation: the organiser and the person invited. */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  /** Feeds: how often subscribed clients should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL), and what the calendar holds. */
  refreshSeconds?: number;
  description?: string;
};

function locationOf(event: CalendarEvent): string | null {
  if (event.registration?.mode === "remote" && event.status !== "cancelled") return event.visioUrl ? `En ligne\u00a0: ${event.visioUrl}` : "En ligne";
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
  if (place) return place;
  if (event.visioUrl) return `En ligne\u00a0: ${event.visioUrl}`;
  return event.remote ? "En ligne" : null;
}

function descriptionOf(event: CalendarEvent, url: string): string {
  const lines = [`${eventKindLabels[event.kind].one} du Programme 10\u00a0%`];
  if (event.status === "cancelled") lines.push("Cet événement est annulé.");
  if (event.registration) {
    const mode = attendanceModeLabels[event.registration.mode].toLowerCase();
    lines.push(event.registration.status === "waitlisted" ? `Vous êtes sur la liste d’attente (${mode}).` : `Votre inscription est confirmée (${mode}).`);
  }
  if (event.placeName || event.placeAddress) lines.push(`Lieu\u00a0: ${[event.placeName, event.placeAddress].filter(Boolean).join(", ")}`);
  if (event.placeAccess) lines.push(`Accès\u00a0: ${event.placeAccess}`);
  if (event.visioUrl) lines.push(`Visio\u00a0: ${event.visioUrl}`);
  else if (event.remote) lines.push("Visio\u00a0: le lien de connexion est envoyé aux personnes inscrites.");
  if (event.description.trim()) lines.push("", event.description.trim());
  lines.push("", `Page de l’événement\u00a0: ${url}`);
  return lines.join("\n");
}

/**
 * An iCalendar object (RFC 5545) holding `events`, with the Europe/Paris VTIMEZONE so that every client
 * shows the right local time; place, access notes and visio link in LOCATION, DESCRIPTION and URL.
 */
export function buildCalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Programme 10 %", product: "plateforme", language: "FR" },
    method: ICalCalendarMethod[options.method],
    // No calendar-wide zone name: ical-generator would then write DTSTAMP as a wall time without « Z », which
    // RFC 5545 forbids. Each event's TZID still brings its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
    ...(options.description ? { description: options.description } : {}),
  });
  for (const event of events) {
    const url = new URL(`/evenements/${event.slug}`, options.publicUrl).href;
    calendar.createEvent({
      id: `${event.id}@programme-10-pourcent`,
      sequence: event.version,
      stamp: event.updatedAt,
      // ical-generator writes a native Date in the machine's zone: Luxon dates in Paris give the wall time with TZID.
      start: DateTime.fromJSDate(event.startsAt, { zone: programmeTimeZone }),
      end: DateTime.fromJSDate(event.endsAt, { zone: programmeTimeZone }),
      timezone: programmeTimeZone,
      summary: event.status === "cancelled" ? `Annulé\u00a0: ${event.title}` : event.registration?.status === "waitlisted" ? `Liste d’attente\u00a0: ${event.title}` : event.title,
      description: descriptionOf(event, url),
      location: locationOf(event),
      url,
      status: event.status === "cancelled" || options.method === "CANCEL" ? ICalEventStatus.CANCELLED : event.registration?.status === "waitlisted" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      ...(options.organizer ? { organizer: options.organizer } : {}),
      ...(options.attendee ? { attendees: [{ ...options.attendee, rsvp: false }] } : {}),
    });
  }
  return calendar.toString();
}
