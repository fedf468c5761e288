import { and, asc, eq, gte, isNotNull, lt, ne, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { eventRegistrations, events } from "../../db/schema/index.ts";
import { attendedDurationMinutes } from "./domain/attendance-duration.ts";
import type { AttendanceMode, EventKind } from "./domain/event-kinds.ts";

/** One person's attendance at one event: what the time ledger and badges count. */
export type AttendanceRecord = {
  registrationId: string;
  /** The member; null for a visitor without an account. */
  userId: string | null;
  eventId: string;
  eventSlug: string;
  eventTitle: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  /** Time spent, nights of a multi-day event excluded (see `attendedDurationMinutes`). */
  durationMinutes: number;
  mode: AttendanceMode;
  /** When the arrival was recorded (QR scan, manual check-in or the attendance sheet). */
  attendedAt: Date;
};

export type AttendanceFilter = {
  userId?: string | undefined;
  eventId?: string | undefined;
  /** Events starting at or after this instant. */
  from?: Date | undefined;
  /** Events starting before this instant. */
  to?: Date | undefined;
};

/**
 * Attendances recorded by the programme team (in person or remote), for the events that took place (not
 * cancelled) and registrations not cancelled, oldest event first. Filters combine.
 */
export async function listAttendance(db: Executor, filter: AttendanceFilter = {}): Promise<AttendanceRecord[]> {
  const conditions: SQL[] = [isNotNull(eventRegistrations.attendedAt), ne(eventRegistrations.status, "cancelled"), eq(events.status, "scheduled")];
  if (filter.userId) conditions.push(eq(eventRegistrations.userId, filter.userId));
  if (filter.eventId) conditions.push(eq(eventRegistrations.eventId, filter.eventId));
  if (filter.from) conditions.push(gte(events.startsAt, filter.from));
  if (filter.to) conditions.push(lt(events.startsAt, filter.to));
  const rows = await db
    .select({
      registrationId: eventRegistrations.id,
      userId: eventRegistrations.userId,
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
      kind: events.kind,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      mode: eventRegistrations.mode,
      attendedAt: eventRegistrations.attendedAt,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id), asc(eventRegistrations.queuePosition));
  return rows.map((row) => ({
    ...row,
    kind: row.kind as EventKind,
    mode: row.mode as AttendanceMode,
    attendedAt: row.attendedAt!,
    durationMinutes: attendedDurationMinutes(row.startsAt, row.endsAt),
  }));
}
