import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { parisDayOf } from "../../../shared/french-date.ts";
import { DomainError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { type EventRecord, lockEvent } from "../repository.ts";
import { findRegistrationByCheckInToken, findTeamRegistration, type TeamRegistration } from "../team-repository.ts";
import { isUuid } from "../../../shared/uuid.ts";

export type CheckInInput = {
  /** The QR code's secret, or the registration chosen in the manual search (with its event). */
  target: { token: string } | { eventId: string; registrationId: string };
  /** The team member recording the arrival. */
  by: string;
  now: Date;
  /** A waiting (or unconfirmed) person at the door: confirm them, above capacity if need be, and check them in. */
  admit?: boolean;
  /** The team confirmed on purpose an arrival on a day the event does not take place (« Enregistrer quand même »). */
  otherDay?: boolean;
};

/** The arrival would be recorded on a day the event does not take place: the team must confirm it. */
export class OtherDayNotConfirmedError extends DomainError {
  constructor() {
    super("other_day_not_confirmed", "Cet événement n’a pas lieu aujourd’hui\u00a0: confirmez pour enregistrer l’arrivée quand même.");
  }
}

/** `now` falls on one of the event's days in Paris (from its first to its last day). */
export function isEventDay(event: Pick<EventRecord, "startsAt" | "endsAt">, now: Date): boolean {
  const today = parisDayOf(now);
  return today >= parisDayOf(event.startsAt) && today <= parisDayOf(event.endsAt);
}

export type CheckInResult = { registration: TeamRegistration; attendedAt: Date; already: boolean };

/**
 * Records a person's arrival, the event locked. Idempotent: a second scan changes nothing and says when
 * the arrival was recorded (`already`). A cancelled registration is refused; a waiting or unconfirmed
 * one too, unless the team admits the person (`admit`), which confirms their registration first. On a
 * day the event does not take place (a code scanned a week early, the wrong session of a series), nothing
 * is recorded unless the team confirms it (`otherDay`): OtherDayNotConfirmedError.
 */
export async function checkIn(db: Database, input: CheckInInput): Promise<CheckInResult> {
  return db.transaction(async (tx) => {
    const found = "token" in input.target ? await findRegistrationByCheckInToken(tx, input.target.token) : await findTeamRegistration(tx, input.target.eventId, input.target.registrationId);
    if (!found) throw new NotFoundError("Ce code ne correspond à aucune inscription.");
    const event = await lockEvent(tx, found.eventId);
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    // Read again under the lock: a move or a cancellation may have just committed.
    const registration = (await findTeamRegistration(tx, event.id, found.id))!;
    if (registration.attendedAt) return { registration, attendedAt: registration.attendedAt, already: true };
    if (registration.status === "cancelled") throw new InvalidInputError({ action: "Cette inscription est annulée\u00a0: l’arrivée n’est pas enregistrée." }, "registration_cancelled");
    if (!input.otherDay && !isEventDay(event, input.now)) throw new OtherDayNotConfirmedError();
    if (registration.status !== "confirmed") {
      if (!input.admit) throw new InvalidInputError({ action: "Cette personne n’a pas de place confirmée\u00a0: admettez-la explicitement pour enregistrer son arrivée." }, "not_confirmed");
      await tx.update(eventRegistrations).set({ status: "confirmed", confirmedAt: input.now, updatedAt: input.now }).where(eq(eventRegistrations.id, registration.id));
    }
    await tx
      .update(eventRegistrations)
      .set({ attendedAt: input.now, attendanceMarkedBy: input.by, updatedAt: input.now })
      .where(and(eq(eventRegistrations.id, registration.id), isNull(eventRegistrations.attendedAt)));
    return { registration: { ...registration, status: "confirmed", attendedAt: input.now }, attendedAt: input.now, already: false };
  });
}

/**
 * Undoes a recorded arrival (a wrong person scanned, a mistake), the event locked: the registration keeps
 * its status (someone admitted at the door keeps the seat given). `undone` is false when no arrival was recorded.
 */
export async function undoCheckIn(db: Database, input: { token: string; now: Date }): Promise<{ registration: TeamRegistration; undone: boolean }> {
  return db.transaction(async (tx) => {
    const found = await findRegistrationByCheckInToken(tx, input.token);
    if (!found) throw new NotFoundError("Ce code ne correspond à aucune inscription.");
    if (!(await lockEvent(tx, found.eventId))) throw new NotFoundError("Cet événement n’existe pas.");
    const [row] = await tx
      .update(eventRegistrations)
      .set({ attendedAt: null, attendanceMarkedBy: null, updatedAt: input.now })
      .where(and(eq(eventRegistrations.id, found.id), isNotNull(eventRegistrations.attendedAt)))
      .returning({ id: eventRegistrations.id });
    return { registration: { ...found, attendedAt: null }, undone: row !== undefined };
  });
}

export type AttendanceSheetInput = {
  eventId: string;
  /** The registrations the form listed: only their attendance changes (someone added since keeps theirs). */
  listed: string[];
  /** Those ticked present among them. */
  present: string[];
  by: string;
  now: Date;
};

/**
 * Saves the ticks of the attendance sheet in one transaction: a ticked person is marked present (an arrival
 * already recorded keeps its time), an unticked one who was marked is unmarked (a mistake corrected).
 * Cancelled registrations are never marked.
 */
export async function saveAttendanceSheet(db: Database, input: AttendanceSheetInput): Promise<{ marked: number; unmarked: number }> {
  const listed = [...new Set(input.listed)].filter(isUuid);
  const present = new Set(input.present.filter((id) => listed.includes(id)));
  const absent = listed.filter((id) => !present.has(id));
  return db.transaction(async (tx) => {
    if (!(await lockEvent(tx, input.eventId))) throw new NotFoundError("Cet événement n’existe pas.");
    const ofEvent = eq(eventRegistrations.eventId, input.eventId);
    const marked =
      present.size === 0
        ? []
        : await tx
            .update(eventRegistrations)
            .set({ attendedAt: input.now, attendanceMarkedBy: input.by, updatedAt: input.now })
            .where(and(ofEvent, inArray(eventRegistrations.id, [...present]), isNull(eventRegistrations.attendedAt), sql`${eventRegistrations.status} <> 'cancelled'`))
            .returning({ id: eventRegistrations.id });
    const unmarked =
      absent.length === 0
        ? []
        : await tx
            .update(eventRegistrations)
            .set({ attendedAt: null, attendanceMarkedBy: null, updatedAt: input.now })
            .where(and(ofEvent, inArray(eventRegistrations.id, absent), isNotNull(eventRegistrations.attendedAt)))
            .returning({ id: eventRegistrations.id });
    return { marked: marked.length, unmarked: unmarked.length };
  });
}
