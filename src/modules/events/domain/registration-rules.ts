import type { AttendanceMode } from "./event-kinds.ts";

/** What the rules need to know of an event. */
export type EventForRules = {
  status: string;
  startsAt: Date;
  endsAt: Date;
  inPersonCapacity: number | null;
  remoteCapacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  cancellationClosesAt: Date | null;
};

/** The modes an event offers: a mode is offered when its capacity is set. */
export function modesOffered(event: Pick<EventForRules, "inPersonCapacity" | "remoteCapacity">): AttendanceMode[] {
  const modes: AttendanceMode[] = [];
  if (event.inPersonCapacity !== null) modes.push("in_person");
  if (event.remoteCapacity !== null) modes.push("remote");
  return modes;
}

export function capacityOf(event: Pick<EventForRules, "inPersonCapacity" | "remoteCapacity">, mode: AttendanceMode): number | null {
  return mode === "in_person" ? event.inPersonCapacity : event.remoteCapacity;
}

/**
 * Whether registration is open at `now`: `not_yet` before its opening, `closed` from its closing (by
 * default the event's start) on, `cancelled` for a cancelled event. Opening included, closing excluded.
 */
export function registrationWindow(event: EventForRules, now: Date): "open" | "not_yet" | "closed" | "cancelled" {
  if (event.status === "cancelled") return "cancelled";
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet";
  const closesAt = event.registrationClosesAt ?? event.startsAt;
  return now < closesAt ? "open" : "closed";
}

/** Whether a registration may still be cancelled by its holder at `now` (until the set time, by default the start). */
export function canCancelAt(event: EventForRules, now: Date): boolean {
  const closesAt = event.cancellationClosesAt ?? event.startsAt;
  return event.status !== "cancelled" && now < closesAt;
}

/** A new registration's status: a seat while confirmed registrations leave room, else the waitlist. */
export function seatFor(capacity: number, confirmed: number): "confirmed" | "waitlisted" {
  return confirmed < capacity ? "confirmed" : "waitlisted";
}

/** How many waiting people a mode can take now. */
export function freeSeats(capacity: number | null, confirmed: number): number {
  return capacity === null ? 0 : Math.max(0, capacity - confirmed);
}

/** Reminders are sent two days and two hours before the start. */
export const reminderOffsets = { two_days: 48 * 3600_000, two_hours: 2 * 3600_000 } as const;
export type ReminderKind = keyof typeof reminderOffsets;
