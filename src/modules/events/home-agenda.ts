import { and, asc, count, gt, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { events } from "../../db/schema/index.ts";
import { eventKindLabels, type EventKind } from "./domain/event-kinds.ts";
import { whenText } from "./views/agenda-pages.tsx";

/** An upcoming event as the home page lists it. */
export type HomeEvent = { id: string; href: string; title: string; kind: string; when: string; where: string | null };

/** « BercyLab », « BercyLab et en ligne », « En ligne ». */
function whereOf(event: typeof events.$inferSelect): string | null {
  const online = event.remoteCapacity !== null || (event.visioUrl !== null && event.inPersonCapacity === null);
  if (event.inPersonCapacity !== null && event.placeName) return online ? `${event.placeName} et en ligne` : event.placeName;
  return online ? "En ligne" : event.placeName;
}

/** The next scheduled events (not cancelled, not over), soonest first. */
export async function listUpcomingEventsForHome(db: Database, now: Date, limit = 3): Promise<HomeEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(gt(events.endsAt, now), ne(events.status, "cancelled")))
    .orderBy(asc(events.startsAt), asc(events.title))
    .limit(limit);
  return rows.map((event) => ({
    id: event.id,
    href: `/evenements/${event.slug}`,
    title: event.title,
    kind: eventKindLabels[event.kind as EventKind].one,
    when: whenText(event),
    where: whereOf(event),
  }));
}

/** The programme's events held so far or announced (not cancelled): trainings apart from the others. */
export async function countEventsForHome(db: Database): Promise<{ events: number; trainings: number }> {
  const rows = await db
    .select({ training: sql<boolean>`${events.kind} = 'formation'`, count: count() })
    .from(events)
    .where(ne(events.status, "cancelled"))
    .groupBy(sql`${events.kind} = 'formation'`);
  return { events: Number(rows.find((row) => !row.training)?.count ?? 0), trainings: Number(rows.find((row) => row.training)?.count ?? 0) };
}

