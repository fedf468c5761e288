import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { EventsDeps } from "../deps.ts";
import { isVisitorLinkExpired } from "../domain/visitor-link.ts";
import { findByConfirmationHash } from "../registration-repository.ts";
import type { EventRecord, RegistrationRecord } from "../repository.ts";
import { hashConfirmationToken, mailDecision } from "./register.ts";
import { inTransaction, seatPendingRegistration } from "./seats.ts";

export const invalidLinkMessage = "Ce lien de confirmation n’est plus valable\u00a0: il a déjà servi, ou une demande plus récente l’a remplacé.";
export const expiredLinkMessage = "Ce lien de confirmation a expiré (il est valable 48\u00a0heures, et jamais après la clôture des inscriptions)\u00a0: votre demande est effacée, vous pouvez vous inscrire à nouveau.";

/**
 * Confirms the visitor's pending registration that the link's token points to: under the event's lock,
 * a seat or the waitlist at this moment (`seatPendingRegistration`, the one place seats are decided). An
 * unknown or used link is NotFoundError; an expired one is refused (`link_expired`) and its request deleted.
 */
export async function confirmPendingRegistration(tx: Executor, input: { token: string; now: Date }): Promise<{ event: EventRecord; registration: RegistrationRecord }> {
  const found = await findByConfirmationHash(tx, hashConfirmationToken(input.token));
  if (!found || found.registration.status !== "pending") throw new NotFoundError(invalidLinkMessage);
  if (isVisitorLinkExpired(found.registration.updatedAt, found.event, input.now)) {
    await tx.delete(eventRegistrations).where(and(eq(eventRegistrations.id, found.registration.id), eq(eventRegistrations.status, "pending")));
    throw new InvalidInputError({ _form: expiredLinkMessage }, "link_expired");
  }
  return seatPendingRegistration(tx, { registrationId: found.registration.id, now: input.now });
}

/** The visitor confirms (POST from the link's page): the seat or the waitlist, and its mail, in one transaction. */
export function createConfirmVisitor(deps: Pick<EventsDeps, "db" | "clock" | "mailer" | "publicUrl" | "pageCache">) {
  return async (token: string): Promise<{ event: EventRecord; registration: RegistrationRecord; rank: number | null }> => {
    const now = deps.clock.now();
    // An expired request is deleted even though the confirmation is refused: the refusal must not roll it back.
    let expired: InvalidInputError | null = null;
    const outcome = await inTransaction(deps.db, async (tx) => {
      try {
        const { event, registration } = await confirmPendingRegistration(tx, { token, now });
        return { event, registration, rank: await mailDecision(tx, deps, event, registration) };
      } catch (error) {
        if (error instanceof InvalidInputError && error.code === "link_expired") {
          expired = error;
          return null;
        }
        throw error;
      }
    });
    if (expired) throw expired;
    deps.pageCache.clear();
    return outcome!;
  };
}
