import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { eventRegistrations, events } from "../../db/schema/index.ts";
import type { AttendanceMode } from "./domain/event-kinds.ts";

export type EventRecord = typeof events.$inferSelect;
export type RegistrationRecord = typeof eventRegistrations.$inferSelect;

export async function findEventBySlug(db: Executor, slug: string): Promise<EventRecord | null> {
  const [event] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  return event ?? null;
}

export async function findEventById(db: Executor, id: string): Promise<EventRecord | null> {
  const [event] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return event ?? null;
}

/** The event, locked until the end of the transaction: registrations of one event are decided one at a time. */
export async function lockEvent(tx: Executor, id: string): Promise<EventRecord | null> {
  const [event] = await tx.select().from(events).where(eq(events.id, id)).for("update").limit(1);
  return event ?? null;
}

/** Confirmed registrations per mode. */
export async function countConfirmed(db: Executor, eventId: string): Promise<Record<AttendanceMode, number>> {
  const rows = await db
    .select({ mode: eventRegistrations.mode, count: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")))
    .groupBy(eventRegistrations.mode);
  const counts: Record<AttendanceMode, number> = { in_person: 0, remote: 0 };
  for (const row of rows) counts[row.mode as AttendanceMode] = Number(row.count);
  return counts;
}

/** A member's live (not cancelled) registration for an event. */
export async function findLiveRegistrationOfMember(db: Executor, eventId: string, userId: string): Promise<RegistrationRecord | null> {
  const [registration] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId), sql`${eventRegistrations.status} <> 'cancelled'`))
    .limit(1);
  return registration ?? null;
}

