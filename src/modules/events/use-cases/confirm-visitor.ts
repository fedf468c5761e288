import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { EventsDeps } from "../deps.ts";
import { isVisitorLinkExpired } from "../domain/visitor-link.ts";
import { findByConfirmationHash, waitlistRank } from "../registration-repository.ts";
import type { EventRecord, RegistrationRecord } from "../repository.ts";
import { hashConfirmationToken, mailDecision } from "./register.ts";
import { seatPendingRegistration } from "./seats.ts";

export const invalidLinkMessage = "Ce lien de confirmation n’est pas valable\u00a0: il est incomplet, une demande plus récente l’a remplacé, ou l’événement est passé.";
export const expiredLinkMessage = "Ce lien de confirmation a expiré (il est valable 48\u00a0heures, et jamais après la clôture des inscriptions)\u00a0: votre demande est effacée, vous pouvez vous inscrire à nouveau.";

type Found = { registration: RegistrationRecord; event: EventRecord };

/**
 * What a confirmation link leads to at `now`: `invalid` (unknown hash, or its event is over: nothing is said
 * about it), `expired` (a pending request past its 48 hours), `pending` (to confirm), `used` (confirmed
 * before: the registration is shown as it is now — waitlisted, confirmed or cancelled).
 */
export function linkStateOf(found: Found | null, now: Date): { kind: "invalid" } | ({ kind: "pending" | "expired" | "used" } & Found) {
  if (!found) return { kind: "invalid" };
  if (found.registration.status === "pending") return { kind: isVisitorLinkExpired(found.registration.updatedAt, found.event, now) ? "expired" : "pending", ...found };
  return found.event.endsAt <= now ? { kind: "invalid" } : { kind: "used", ...found };
}

/** The link's registration and event, read in `tx` (or the pool). */
export async function findConfirmationLink(db: Executor, token: string, now: Date): Promise<ReturnType<typeof linkStateOf>> {
  return linkStateOf(await findByConfirmationHash(db, hashConfirmationToken(token)), now);
}

export type ConfirmationOutcome = { outcome: "confirmed" | "already"; event: EventRecord; registration: RegistrationRecord };

/**
 * Confirms the visitor's pending registration that the link's token points to: under the event's lock,
 * a seat or the waitlist at this moment (`seatPendingRegistration`, the one place seats are decided). A link
 * used before (a double click) answers `already` with the registration as it is; an unknown one is
 * NotFoundError; an expired one is refused (`link_expired`) and its request deleted.
 */
export async function confirmPendingRegistration(tx: Executor, input: { token: string; now: Date }): Promise<ConfirmationOutcome> {
  const link = await findConfirmationLink(tx, input.token, input.now);
  if (link.kind === "invalid") throw new NotFoundError(invalidLinkMessage);
  if (link.kind === "used") return { outcome: "already", event: link.event, registration: link.registration };
  if (link.kind === "expired") {
    await tx.delete(eventRegistrations).where(and(eq(eventRegistrations.id, link.registration.id), eq(eventRegistrations.status, "pending")));
    throw new InvalidInputError({ _form: expiredLinkMessage }, "link_expired");
  }
  try {
    return { outcome: "confirmed", ...(await seatPendingRegistration(tx, { registrationId: link.registration.id, now: input.now })) };
  } catch (error) {
    // Two clicks at once: the other request confirmed it while this one waited for the event's lock.
    if (!(error instanceof InvalidInputError && error.code === "not_pending")) throw error;
    const again = await findConfirmationLink(tx, input.token, input.now);
    if (again.kind !== "used") throw new NotFoundError(invalidLinkMessage);
    return { outcome: "already", event: again.event, registration: again.registration };
  }
}

/** The visitor confirms (POST from the link's page): the seat or the waitlist, and its mail, in one transaction. */
export function createConfirmVisitor(deps: Pick<EventsDeps, "db" | "clock" | "mailer" | "publicUrl" | "pageCache">) {
  return async (token: string): Promise<ConfirmationOutcome & { rank: number | null }> => {
    const now = deps.clock.now();
    // An expired request is deleted even though the confirmation is refused: the refusal must not roll it back.
    let expired: InvalidInputError | null = null;
    const outcome = await deps.db.transaction(async (tx) => {
      try {
        const confirmation = await confirmPendingRegistration(tx, { token, now });
        // Mailed once, when the seat is decided; a second click only reads the registration.
        const rank = confirmation.outcome === "confirmed" ? await mailDecision(tx, deps, confirmation.event, confirmation.registration) : await waitlistRank(tx, confirmation.registration);
        return { ...confirmation, rank };
      } catch (error) {
        if (error instanceof InvalidInputError && error.code === "link_expired") {
          expired = error;
          return null;
        }
        throw error;
      }
    });
    if (expired) throw expired;
    if (outcome!.outcome === "confirmed") deps.pageCache.clear();
    return outcome!;
  };
}
