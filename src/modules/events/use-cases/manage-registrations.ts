import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { DomainError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { Mailer } from "../../mail/api.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import { capacityOf, modesOffered } from "../domain/registration-rules.ts";
import { countConfirmed, type EventRecord, lockEvent, type RegistrationRecord } from "../repository.ts";
import { waitlistRank } from "../registration-repository.ts";
import { findTeamRegistration, type TeamRegistration } from "../team-repository.ts";
import type { Registrant } from "../registration-repository.ts";
import { confirmationMail, invitationOf } from "../views/mails.ts";
import { cancelledByTeamMail, type MailPerson, movedWithoutSeatMail } from "../views/team-mails.ts";
import { promoteWaiting } from "./seats.ts";

export type ManageDeps = { db: Database; mailer: Mailer; publicUrl: string };
export type ManageInput = { eventId: string; registrationId: string; now: Date };

/** Taking someone off a full mode's waitlist puts the mode above its capacity: the team must say so. */
export class OverbookingNotConfirmedError extends DomainError {
  constructor(
    readonly confirmed: number,
    readonly capacity: number,
  ) {
    const taken = capacity === 0 ? "Aucune place n’est prévue" : capacity === 1 ? "La seule place est prise" : `Les ${capacity}\u00a0places sont prises`;
    super("overbooking_not_confirmed", `${taken}\u00a0: confirmez l’inscription au-delà de la capacité.`);
  }
}

export function otherMode(mode: AttendanceMode): AttendanceMode {
  return mode === "in_person" ? "remote" : "in_person";
}

/** The event locked for the rest of the transaction, and the registration to act on (of that event). */
async function lockAndFind(tx: Executor, input: ManageInput): Promise<{ event: EventRecord; registration: TeamRegistration }> {
  const event = await lockEvent(tx, input.eventId);
  if (!event) throw new NotFoundError("Cet événement n’existe pas.");
  const registration = await findTeamRegistration(tx, event.id, input.registrationId);
  if (!registration) throw new NotFoundError("Cette inscription n’existe pas.");
  return { event, registration };
}

function mailPersonOf(registration: TeamRegistration): MailPerson | null {
  return registration.email ? { email: registration.email, givenName: registration.givenName, isVisitor: registration.isVisitor } : null;
}

function registrantOf(registration: TeamRegistration): Registrant | null {
  return registration.email ? { email: registration.email, givenName: registration.givenName || null, usualName: registration.usualName || null } : null;
}

/**
 * A confirmed seat is mailed as registration confirms one (views/mails.ts): the calendar invitation and, in
 * person, the QR code for the entrance. `promoted`: « Une place s’est libérée ».
 */
async function mailSeat(tx: Executor, deps: ManageDeps, event: EventRecord, registration: TeamRegistration, promoted: boolean) {
  const person = registrantOf(registration);
  if (person) await deps.mailer.enqueue(tx, await confirmationMail({ event, registration, person, publicUrl: deps.publicUrl, promoted }));
}

/**
 * Gives the free seats of `mode` to the people waiting, in queue order, and mails them (nobody once the
 * event is over: see `promoteWaiting`). `skip`: a registration mailed by the caller with its own words.
 */
async function promoteAndMail(tx: Executor, deps: ManageDeps, event: EventRecord, mode: AttendanceMode, now: Date, skip?: string): Promise<RegistrationRecord[]> {
  const promoted = await promoteWaiting(tx, event, mode, now);
  for (const row of promoted) {
    if (row.id === skip) continue;
    const person = await findTeamRegistration(tx, event.id, row.id);
    if (person) await mailSeat(tx, deps, event, person, true);
  }
  return promoted;
}

function requireLive(registration: TeamRegistration) {
  if (registration.status === "cancelled") throw new InvalidInputError({ action: "Cette inscription est annulée." }, "registration_cancelled");
}

function requireScheduled(event: EventRecord) {
  if (event.status === "cancelled") throw new InvalidInputError({ action: "Cet événement est annulé\u00a0: ses inscriptions ne changent plus." }, "event_cancelled");
}

export type MoveResult = { registration: TeamRegistration; mode: AttendanceMode; status: "confirmed" | "waitlisted" | "pending"; promoted: number };

/**
 * Moves a registration to the event's other mode, the event locked. It joins the END of that mode's
 * waitlist (its place in the old mode's queue says nothing about the people already waiting for the new
 * one), then the new mode's free seats go to its waitlist in queue order, so the person gets a seat there
 * only if one is left once those who waited before have theirs; the mode it left gives its seat to its
 * own waitlist. A visitor's unconfirmed registration just changes mode (it holds no seat). Everyone whose
 * status changed is mailed; the person moved is told the team moved them.
 */
export async function moveRegistration(deps: ManageDeps, input: ManageInput): Promise<MoveResult> {
  return deps.db.transaction(async (tx) => {
    const { event, registration } = await lockAndFind(tx, input);
    requireScheduled(event);
    requireLive(registration);
    const from = registration.mode;
    const to = otherMode(from);
    if (!modesOffered(event).includes(to)) throw new InvalidInputError({ action: `Cet événement ne se suit pas ${to === "remote" ? "à distance" : "sur place"}.` }, "mode_not_offered");

    const wasPending = registration.status === "pending";
    await tx
      .update(eventRegistrations)
      .set(
        wasPending
          ? { mode: to, updatedAt: input.now }
          : { mode: to, status: "waitlisted", confirmedAt: null, updatedAt: input.now, queuePosition: sql`nextval(pg_get_serial_sequence('event_registrations', 'queue_position'))` },
      )
      .where(eq(eventRegistrations.id, registration.id));

    let promoted = 0;
    if (!wasPending) {
      const seatedThere = await promoteAndMail(tx, deps, event, to, input.now, registration.id);
      const freedHere = await promoteAndMail(tx, deps, event, from, input.now);
      promoted = seatedThere.filter((row) => row.id !== registration.id).length + freedHere.length;
    }
    const moved = (await findTeamRegistration(tx, event.id, registration.id))!;
    const person = mailPersonOf(moved);
    const registrant = registrantOf(moved);
    // The mail says the team made the change: the person did not ask for it.
    if (moved.status === "confirmed") {
      if (registrant) await deps.mailer.enqueue(tx, await confirmationMail({ event, registration: { mode: to, checkInToken: moved.checkInToken, userId: moved.userId }, person: registrant, publicUrl: deps.publicUrl, movedByTeam: true }));
    } else if (person) await deps.mailer.enqueue(tx, movedWithoutSeatMail(event, person, to, moved.status === "pending" ? "pending" : "waitlisted", ((await waitlistRank(tx, moved)) ?? 1) - 1, deps.publicUrl));
    return { registration: moved, mode: to, status: moved.status as MoveResult["status"], promoted };
  });
}

/**
 * Confirms a waiting registration, the event locked. When its mode is full, the team over-books on
 * purpose: without `overbook` it is refused with OverbookingNotConfirmedError (the page then asks).
 */
export async function admitFromWaitlist(deps: ManageDeps, input: ManageInput & { overbook: boolean }): Promise<{ registration: TeamRegistration; overbooked: boolean }> {
  return deps.db.transaction(async (tx) => {
    const { event, registration } = await lockAndFind(tx, input);
    requireScheduled(event);
    requireLive(registration);
    if (registration.status !== "waitlisted") throw new InvalidInputError({ action: "Cette personne n’est pas sur la liste d’attente." }, "not_waitlisted");
    const capacity = capacityOf(event, registration.mode) ?? 0;
    const confirmed = (await countConfirmed(tx, event.id))[registration.mode];
    const overbooked = confirmed >= capacity;
    if (overbooked && !input.overbook) throw new OverbookingNotConfirmedError(confirmed, capacity);
    await tx.update(eventRegistrations).set({ status: "confirmed", confirmedAt: input.now, updatedAt: input.now }).where(eq(eventRegistrations.id, registration.id));
    const admitted: TeamRegistration = { ...registration, status: "confirmed", confirmedAt: input.now };
    await mailSeat(tx, deps, event, admitted, false);
    return { registration: admitted, overbooked };
  });
}

/**
 * Cancels a registration for the team, the event locked; the seat it held goes to the first person
 * waiting in its mode. The person is mailed, with the team's message when given.
 */
export async function cancelRegistrationByTeam(deps: ManageDeps, input: ManageInput & { message?: string | undefined }): Promise<{ registration: TeamRegistration; promoted: number }> {
  return deps.db.transaction(async (tx) => {
    const { event, registration } = await lockAndFind(tx, input);
    requireLive(registration);
    await tx.update(eventRegistrations).set({ status: "cancelled", cancelledAt: input.now, updatedAt: input.now }).where(eq(eventRegistrations.id, registration.id));
    const promoted = registration.status === "confirmed" ? await promoteAndMail(tx, deps, event, registration.mode, input.now) : [];
    const person = mailPersonOf(registration);
    const registrant = registrantOf(registration);
    // A confirmed person holds the invitation: the CANCEL object removes it from their calendar.
    const calendar = registration.status === "confirmed" && registrant ? invitationOf(event, registrant, deps.publicUrl, "CANCEL") : undefined;
    if (person) await deps.mailer.enqueue(tx, { ...cancelledByTeamMail(event, person, input.message, deps.publicUrl), ...(calendar ? { calendar } : {}) });
    return { registration: { ...registration, status: "cancelled", cancelledAt: input.now }, promoted: promoted.length };
  });
}
