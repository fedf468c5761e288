import { eq } from "drizzle-orm";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { formatDateHour } from "../../../shared/french-date.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { EventsDeps } from "../deps.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import { canCancelAt } from "../domain/registration-rules.ts";
import { findRegistrant } from "../registration-repository.ts";
import { type EventRecord, findLiveRegistrationOfMember, lockEvent, type RegistrationRecord } from "../repository.ts";
import { cancellationMail, confirmationMail } from "../views/mails.ts";
import { promoteWaiting } from "./seats.ts";

export type CancellationOutcome = { event: EventRecord; cancelled: RegistrationRecord; promoted: RegistrationRecord[] };

/**
 * A member cancels their own registration, in one transaction with the event locked: the registration is
 * cancelled, the seat freed goes to the first person waiting in that mode (`promoteWaiting`), who is mailed
 * the confirmation with the invitation (and the QR code in person), and the member gets the cancellation
 * with the CANCEL calendar object when they held an invitation. Refused once cancellation has closed.
 */
export function createCancelRegistration(deps: Pick<EventsDeps, "db" | "clock" | "mailer" | "publicUrl" | "pageCache">) {
  return async (input: { eventId: string; userId: string }): Promise<CancellationOutcome> => {
    const now = deps.clock.now();
    const outcome = await deps.db.transaction(async (tx) => {
      const event = await lockEvent(tx, input.eventId);
      if (!event) throw new NotFoundError("Cet événement n’existe pas.");
      const registration = await findLiveRegistrationOfMember(tx, event.id, input.userId);
      if (!registration) throw new InvalidInputError({ _form: "Vous n’êtes pas inscrit·e à cet événement." }, "not_registered");
      if (!canCancelAt(event, now)) {
        const closedAt = event.cancellationClosesAt ?? event.startsAt;
        const reason = event.status === "cancelled" ? "Cet événement est annulé\u00a0: il n’y a plus d’inscription à annuler." : `Les annulations sont closes depuis le ${formatDateHour(closedAt)}. Prévenez l’équipe du programme si vous ne pouvez pas venir.`;
        throw new InvalidInputError({ _form: reason }, "cancellation_closed");
      }
      const [cancelled] = await tx.update(eventRegistrations).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(eq(eventRegistrations.id, registration.id)).returning();
      const promoted = await promoteWaiting(tx, event, registration.mode as AttendanceMode, now);
      for (const seat of promoted) {
        const person = await findRegistrant(tx, seat);
        if (person) await deps.mailer.enqueue(tx, await confirmationMail({ event, registration: seat, person, publicUrl: deps.publicUrl, promoted: true }));
      }
      const person = await findRegistrant(tx, registration);
      if (person) await deps.mailer.enqueue(tx, cancellationMail({ event, person, publicUrl: deps.publicUrl, hadInvitation: registration.status === "confirmed" }));
      return { event, cancelled: cancelled!, promoted };
    });
    deps.pageCache.clear();
    return outcome;
  };
}
