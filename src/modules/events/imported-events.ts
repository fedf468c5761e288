import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { eventRegistrations, events } from "../../db/schema/index.ts";
import type { Clock } from "../../shared/clock.ts";
import type { ContentItem, ImportedAgenda, ImportedAgendaOutcome } from "../content/api.ts";
import { findSeasonBySlug, listSeasons } from "../seasons/api.ts";
import { defaultQuestions } from "./domain/event-kinds.ts";
import { frenchTitle, importedDescription, importedEventKind, importedResources, importedSchedule, type ImportedSchedule } from "./domain/imported-event.ts";
import { parisWallTime } from "./domain/recurrence.ts";
import { lockEvent } from "./repository.ts";
import { freeSlug, insertEvent } from "./use-cases/save-event.ts";

/** The event standing for an imported item: keyed by the item (its identity survives a new title or address). */
export const importedEventKey = (itemId: string) => `content-item:${itemId}`;
/** The key the demo gave trainings before the importer made them events (`content:/formations/<slug>`): adopted, never duplicated. */
const legacyKey = (path: string) => `content:${path}`;

async function seasonIdOf(db: Executor, item: ContentItem, schedule: ImportedSchedule): Promise<string | null> {
  const season = typeof item.details.season === "number" ? await findSeasonBySlug(db, String(item.details.season)) : null;
  if (season) return season.id;
  const day = parisWallTime(schedule.startsAt).day;
  const seasons = await listSeasons(db);
  return (seasons.find((candidate) => candidate.startsOn <= day && day <= candidate.endsOn) ?? seasons.find((candidate) => candidate.slug === day.slice(0, 4)))?.id ?? null;
}

/** What the old page says of the event: the columns an import writes (the team's settings, capacities, visio, questions, are left alone). */
async function importedColumns(db: Executor, item: ContentItem, schedule: ImportedSchedule) {
  const details = item.details as { trainers?: unknown; replayUrl?: unknown; slidesUrl?: unknown; location?: unknown };
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  return {
    kind: importedEventKind(item),
    title: frenchTitle(item.title),
    description: importedDescription(item),
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    placeName: text(details.location),
    seasonId: await seasonIdOf(db, item, schedule),
    trainers: text(details.trainers),
    replayUrl: text(details.replayUrl),
    slidesUrl: text(details.slidesUrl),
    resources: importedResources(item),
  };
}

async function hasLiveRegistrations(tx: Executor, eventId: string): Promise<boolean> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["confirmed", "waitlisted", "pending"])));
  return (row?.count ?? 0) > 0;
}

/**
 * The agenda's side of the content importer, passed to it by the composition root: an imported event page or
 * training becomes an event of the agenda (`source_key` `content-item:<item id>`), so that past ones are in the
 * archive of `/evenements`, trainings in `/formations`, and the old address leads to it. Idempotent: an event
 * already there is updated only when the item's files changed (`changed`), from what the page says; its
 * schedule and place are kept once people registered (they would have to be told). An item that is not
 * published, or whose page gives no date, makes no event (the reason is reported).
 */
export function createImportedAgenda({ db, clock }: { db: Database; clock: Clock }): ImportedAgenda {
  return async function syncImportedItem(item: ContentItem, options: { changed: boolean }): Promise<ImportedAgendaOutcome> {
    if (item.kind !== "event" && item.kind !== "training") return { outcome: "skipped", reason: "Ni un événement ni une formation." };
    const schedule = importedSchedule(item);
    return db.transaction(async (tx) => {
      const rows = await tx.select({ id: events.id, sourceKey: events.sourceKey }).from(events).where(inArray(events.sourceKey, [importedEventKey(item.id), legacyKey(item.path)]));
      // The item's own event first: a legacy one is adopted only when the item has none.
      const found = rows.find((row) => row.sourceKey === importedEventKey(item.id)) ?? rows[0];
      if (!found) {
        if (item.status !== "published") return { outcome: "skipped", reason: "Brouillon\u00a0: pas d’événement à l’agenda." };
        if (!schedule) return { outcome: "skipped", reason: "La page ne donne pas de date\u00a0: pas d’événement à l’agenda." };
        const columns = await importedColumns(tx, item, schedule);
        const created = await insertEvent(
          tx,
          {
            ...columns,
            agenda: [],
            placeAddress: null,
            placeAccess: null,
            visioUrl: null,
            inPersonCapacity: null,
            remoteCapacity: null,
            registrationOpensAt: null,
            registrationClosesAt: null,
            cancellationClosesAt: null,
            accessListDueAt: null,
            audience: "members",
            audienceProjectId: null,
            projectIds: [],
            questions: defaultQuestions,
          },
          { slug: await freeSlug(tx, item.slug), sourceKey: importedEventKey(item.id), createdBy: null, now: clock.now() },
        );
        return { outcome: "created", path: `/evenements/${created.slug}` };
      }
      const event = (await lockEvent(tx, found.id))!;
      const path = `/evenements/${event.slug}`;
      const adopted = found.sourceKey !== importedEventKey(item.id);
      if (!options.changed && !adopted) return { outcome: "unchanged", path };
      const columns = schedule ? await importedColumns(tx, item, schedule) : null;
      const keepSchedule = !columns || (await hasLiveRegistrations(tx, event.id));
      const update = columns ? (keepSchedule ? { ...columns, startsAt: event.startsAt, endsAt: event.endsAt, placeName: event.placeName } : columns) : {};
      // A legacy key is only renamed: what the demo wrote stays until the page changes.
      const changes = options.changed ? update : {};
      await tx
        .update(events)
        .set({ ...changes, sourceKey: importedEventKey(item.id), version: event.version + (options.changed ? 1 : 0), updatedAt: clock.now() })
        .where(eq(events.id, event.id));
      return { outcome: options.changed ? "updated" : "unchanged", path };
    });
  };
}
