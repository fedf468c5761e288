import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { calendarFeeds, eventRegistrations, events, users } from "../../../db/schema/index.ts";
import type { AttendanceMode, EventKind } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import type { CalendarEvent } from "./event-ics.ts";

/** How long past events stay in the programme feed (clients keep what a feed no longer lists only until they refresh). */
const programmeFeedHistoryMs = 180 * 24 * 3600_000;

/** A secret feed address: 24 random bytes, base64url (32 characters). */
export const feedTokenPattern = /^[\w-]{32}$/;

/** What a calendar entry shows of `event`; the visio link only when the viewer may see it. */
export function calendarEventOf(event: EventRecord, options: { withVisio: boolean; registration?: CalendarEvent["registration"] }): CalendarEvent {
  return {
    id: event.id,
    slug: event.slug,
    kind: event.kind as EventKind,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    placeName: event.placeName,
    placeAddress: event.placeAddress,
    placeAccess: event.placeAccess,
    // A cancelled event gives no visio link (the event page's rule).
    visioUrl: options.withVisio && event.status !== "cancelled" ? event.visioUrl : null,
    remote: event.remoteCapacity !== null || event.visioUrl !== null,
    status: event.status,
    version: event.version,
    updatedAt: event.updatedAt,
    registration: options.registration,
  };
}

/**
 * The programme feed: public events, cancelled ones included (STATUS:CANCELLED, so that subscribed clients
 * strike them out instead of keeping a stale entry), from six months back on.
 */
export async function listProgrammeFeedEvents(db: Executor, now: Date): Promise<EventRecord[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.audience, "public"), gte(events.endsAt, new Date(now.getTime() - programmeFeedHistoryMs))))
    .orderBy(asc(events.startsAt));
}

export type FeedEntry = { event: EventRecord; status: "confirmed" | "waitlisted"; mode: AttendanceMode };

/** A member's live registrations (confirmed or waiting, never cancelled or pending), with their events, by start. */
export async function listFeedEntries(db: Executor, userId: string): Promise<FeedEntry[]> {
  const rows = await db
    .select({ event: events, status: eventRegistrations.status, mode: eventRegistrations.mode })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.userId, userId), inArray(eventRegistrations.status, ["confirmed", "waitlisted"])))
    .orderBy(asc(events.startsAt));
  return rows.map((row) => ({ event: row.event, status: row.status as FeedEntry["status"], mode: row.mode as AttendanceMode }));
}

/** Whose feed `token` opens, if any (a revoked token, or a deleted account's, opens nothing). */
export async function findFeedOwner(db: Executor, token: string): Promise<string | null> {
  if (!feedTokenPattern.test(token)) return null;
  const [feed] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), isNull(users.erasedAt)))
    .limit(1);
  return feed?.userId ?? null;
}

export async function findFeedOf(db: Executor, userId: string): Promise<{ token: string; createdAt: Date } | null> {
  const [feed] = await db.select({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).limit(1);
  return feed ?? null;
}

function newFeedToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Gives the member a feed address unless they have one (a second click keeps the first address). */
export async function createFeed(db: Executor, userId: string, now: Date): Promise<void> {
  await db.insert(calendarFeeds).values({ userId, token: newFeedToken(), createdAt: now }).onConflictDoNothing();
}

/** Revokes the member's feed address by replacing it: the old one then answers 404. */
export async function replaceFeed(db: Executor, userId: string, now: Date): Promise<void> {
  const token = newFeedToken();
  await db
    .insert(calendarFeeds)
    .values({ userId, token, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: now } });
}
