import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import { capacityOf, freeSeats, modesOffered, registrationWindow, seatFor } from "../domain/registration-rules.ts";
import { countConfirmed, type EventRecord, lockEvent, type RegistrationRecord } from "../repository.ts";

/** The person registering: a member (`userId`), or a visitor of a public event (pending until their address is confirmed). */
export type Registrant =
  | { userId: string }
  | { visitor: { email: string; givenName: string; usualName: string; organisationName: string | null; confirmationTokenHash: string } };

export type SeatInput = { eventId: string; registrant: Registrant; mode: AttendanceMode; answers: Record<string, string>; now: Date };

/** The secret a QR code carries (never guessable, unique). */
export function newCheckInToken(): string {
  return randomBytes(18).toString("base64url");
}

const modeErrors: Record<AttendanceMode, string> = {
  in_person: "Cet événement n’a pas de places sur place.",
  remote: "Cet événement ne se suit pas à distance.",
};

/** Refuses, at the `mode` field, a registration outside the window or in a mode the event does not offer. */
export function requireOpenFor(event: EventRecord, mode: AttendanceMode, now: Date) {
  const window = registrationWindow(event, now);
  if (window === "cancelled") throw new InvalidInputError({ mode: "Cet événement est annulé\u00a0: les inscriptions sont fermées." }, "event_cancelled");
  if (window === "not_yet") throw new InvalidInputError({ mode: "Les inscriptions ne sont pas encore ouvertes." }, "registration_not_open");
  if (window === "closed") throw new InvalidInputError({ mode: "Les inscriptions sont closes." }, "registration_closed");
  if (!modesOffered(event).includes(mode)) throw new InvalidInputError({ mode: modeErrors[mode] });
}

/**
 * Registers `registrant` for the event in `tx`, the event locked: registrations of one event are decided
 * one at a time, so the confirmed ones never exceed the capacity, and the waitlist keeps the order in
 * which registrations reached the database (`queue_position`). A visitor's registration is `pending` and
 * holds no seat until `confirmPendingRegistration`.
 */
export async function takeSeat(tx: Executor, input: SeatInput): Promise<{ event: EventRecord; registration: RegistrationRecord }> {
  const event = await lockEvent(tx, input.eventId);
  if (!event) throw new NotFoundError("Cet événement n’existe pas.");
  requireOpenFor(event, input.mode, input.now);

  const isVisitor = "visitor" in input.registrant;
  const status = isVisitor ? "pending" : seatFor(capacityOf(event, input.mode)!, (await countConfirmed(tx, event.id))[input.mode]);
  const person = "visitor" in input.registrant
    ? {
        email: input.registrant.visitor.email,
        givenName: input.registrant.visitor.givenName,
        usualName: input.registrant.visitor.usualName,
        organisationName: input.registrant.visitor.organisationName,
        confirmationTokenHash: input.registrant.visitor.confirmationTokenHash,
      }
    : { userId: input.registrant.userId };
  const [registration] = await tx
    .insert(eventRegistrations)
    .values({ eventId: event.id, ...person, mode: input.mode, status, answers: input.answers, checkInToken: newCheckInToken(), confirmedAt: status === "pending" ? null : input.now, createdAt: input.now, updatedAt: input.now })
    .onConflictDoNothing()
    .returning();
  if (!registration) throw new InvalidInputError({ mode: isVisitor ? "Cette adresse est déjà inscrite à cet événement." : "Vous êtes déjà inscrit·e à cet événement." }, "already_registered");
  return { event, registration };
}

/**
 * Gives the free seats of `mode` to the first people waiting, in queue order (the event must be locked by
 * the caller, see `lockEvent`). Returns the registrations promoted, for their e-mail. Nobody is promoted once
 * the event is over or cancelled: a seat would mean nothing then.
 */
export async function promoteWaiting(tx: Executor, event: EventRecord, mode: AttendanceMode, now: Date): Promise<RegistrationRecord[]> {
  if (now >= event.endsAt || event.status === "cancelled") return [];
  const seats = freeSeats(capacityOf(event, mode), (await countConfirmed(tx, event.id))[mode]);
  if (seats === 0) return [];
  const waiting = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.mode, mode), eq(eventRegistrations.status, "waitlisted")))
    .orderBy(asc(eventRegistrations.queuePosition))
    .limit(seats);
  const promoted: RegistrationRecord[] = [];
  for (const { id } of waiting) {
    const [row] = await tx.update(eventRegistrations).set({ status: "confirmed", confirmedAt: now, updatedAt: now }).where(eq(eventRegistrations.id, id)).returning();
    if (row) promoted.push(row);
  }
  return promoted;
}

/**
 * Decides the seat of a visitor's `pending` registration when they confirm their address, the event locked,
 * at that moment: a seat while the mode has room, else the end of the waitlist (a new `queue_position`, so
 * that people who registered while the visitor had not confirmed stay ahead). The link's hash is kept: opened
 * again, it shows the registration as it is (until the event is over), instead of a confusing refusal.
 */
export async function seatPendingRegistration(tx: Executor, input: { registrationId: string; now: Date }): Promise<{ event: EventRecord; registration: RegistrationRecord }> {
  const [found] = await tx.select({ eventId: eventRegistrations.eventId }).from(eventRegistrations).where(eq(eventRegistrations.id, input.registrationId)).limit(1);
  if (!found) throw new NotFoundError("Cette inscription n’existe pas.");
  const event = await lockEvent(tx, found.eventId);
  if (!event) throw new NotFoundError("Cet événement n’existe pas.");
  const [pending] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.id, input.registrationId), eq(eventRegistrations.status, "pending"))).limit(1);
  if (!pending) throw new InvalidInputError({ _form: "Cette inscription n’attend plus de confirmation." }, "not_pending");
  const mode = pending.mode as AttendanceMode;
  requireOpenFor(event, mode, input.now);
  const status = seatFor(capacityOf(event, mode)!, (await countConfirmed(tx, event.id))[mode]);
  const [registration] = await tx
    .update(eventRegistrations)
    .set({ status, queuePosition: sql`nextval(pg_get_serial_sequence('event_registrations', 'queue_position'))`, confirmedAt: input.now, updatedAt: input.now })
    .where(eq(eventRegistrations.id, pending.id))
    .returning();
  return { event, registration: registration! };
}

