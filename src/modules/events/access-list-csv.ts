import { spreadsheetCsv } from "../../shared/spreadsheet-csv.ts";
import type { EventRecord } from "./repository.ts";
import { byName, type TeamRegistration } from "./team-repository.ts";
import { parisDayOf } from "../../shared/french-date.ts";

/**
 * What a ministry building's reception asks for to let visitors in: who (names, organisation, address to
 * reach them) and when they arrive and leave. Accessibility needs stay out: they are health data the
 * reception does not need (the team reads them in the registrations list and tells the reception itself).
 */
export const accessListColumns = ["Nom", "Prénom", "Organisation", "Courriel", "Date", "Heure d’arrivée prévue", "Heure de départ prévue", "Événement"] as const;

const day = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** « 09/03/2027 », or « du 09/03/2027 au 10/03/2027 » for an event over several days: what spreadsheets read as dates. */
function dateCell(event: Pick<EventRecord, "startsAt" | "endsAt">): string {
  const first = day.format(event.startsAt);
  return parisDayOf(event.startsAt) === parisDayOf(event.endsAt) ? first : `du ${first} au ${day.format(event.endsAt)}`;
}

/** The people the reception lets in: confirmed in-person registrations, by family name. */
export function accessListOf(registrations: TeamRegistration[]): TeamRegistration[] {
  return registrations.filter((registration) => registration.mode === "in_person" && registration.status === "confirmed" && !registration.isErased).sort(byName);
}

/**
 * The access list as CSV for a French spreadsheet (BOM, `;`, formula-safe cells): one row per person
 * expected on site, arriving at the event's start (the time on the invitation) and leaving at its end.
 */
export function accessListCsv(event: Pick<EventRecord, "title" | "startsAt" | "endsAt">, registrations: TeamRegistration[]): string {
  const when = [dateCell(event), time.format(event.startsAt), time.format(event.endsAt)];
  return spreadsheetCsv(
    accessListColumns,
    accessListOf(registrations).map((person) => [person.usualName, person.givenName, person.organisation ?? "", person.email ?? "", ...when, event.title]),
  );
}

/** The file's name: `liste-acces-<event slug>.csv`. */
export function accessListFileName(event: Pick<EventRecord, "slug">): string {
  return `liste-acces-${event.slug}.csv`;
}
