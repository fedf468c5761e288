import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations } from "../../../db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "../../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../../identity/api.ts";
import type { EventsDeps } from "../deps.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import { isVisitorLinkExpired, visitorLinkExpiresAt, visitorLinkResendAfterMs } from "../domain/visitor-link.ts";
import { findLiveVisitorRegistration, findProjectTitle, findRegistrant, isOnProjectTeam, waitlistRank } from "../registration-repository.ts";
import { type EventRecord, lockEvent, type RegistrationRecord } from "../repository.ts";
import { alreadyRegisteredMail, confirmationMail, visitorLinkMail, waitlistMail } from "../views/mails.ts";
import { requireOpenFor, takeSeat } from "./seats.ts";

type RegistrationDeps = Pick<EventsDeps, "db" | "clock" | "mailer" | "publicUrl" | "pageCache">;

/**
 * Who may register, and how:
 * - `member`: a signed-in member (`register:event`) of a `public` or `members` event; for a `project`
 *   event, a member of that project's team (a participation in the project, any season, coaches included)
 *   or of the programme team (`manage:event:any`), who may always register;
 * - `visitor`: nobody signed in, a `public` event: the visitor form (e-mail confirmed by a link);
 * - `sign_in`: nobody signed in, an event for members or a team: sign in first;
 * - `refused`: signed in but not allowed, with the French reason.
 */
export type RegistrationAccess = { kind: "member" } | { kind: "visitor" } | { kind: "sign_in" } | { kind: "refused"; reason: string };

export async function registrationAccess(db: Executor, event: EventRecord, user: CurrentUser | null): Promise<RegistrationAccess> {
  if (!user) return event.audience === "public" ? { kind: "visitor" } : { kind: "sign_in" };
  if (!hasPermission(user, "register:event")) return { kind: "refused", reason: "Votre compte ne permet pas de s’inscrire aux événements du programme." };
  if (event.audience !== "project" || hasPermission(user, "manage:event:any")) return { kind: "member" };
  if (event.audienceProjectId && (await isOnProjectTeam(db, user.id, event.audienceProjectId))) return { kind: "member" };
  const project = event.audienceProjectId ? await findProjectTitle(db, event.audienceProjectId) : null;
  return { kind: "refused", reason: project ? `Cet événement est réservé à l’équipe du projet «\u00a0${project.title}\u00a0».` : "Cet événement est réservé à l’équipe d’un projet." };
}

export type RegistrationOutcome = { event: EventRecord; registration: RegistrationRecord; rank: number | null };

/** The confirmation (invitation, QR code) or the waitlist mail of a registration just decided, in `tx`. */
export async function mailDecision(tx: Executor, deps: Pick<EventsDeps, "mailer" | "publicUrl">, event: EventRecord, registration: RegistrationRecord): Promise<number | null> {
  const rank = await waitlistRank(tx, registration);
  const person = await findRegistrant(tx, registration);
  if (!person) return rank;
  const input = { event, registration, person, publicUrl: deps.publicUrl };
  await deps.mailer.enqueue(tx, rank === null ? await confirmationMail(input) : waitlistMail({ ...input, rank }));
  return rank;
}

/**
 * A member registers: a seat in the mode while it has room, else its waitlist (`takeSeat`, the event
 * locked), and the matching mail in the same transaction. Window, mode and a second registration are
 * refused at the `mode` field (InvalidInputError); the audience is checked by the caller (`registrationAccess`).
 */
export function createRegisterMember(deps: RegistrationDeps) {
  return async (input: { eventId: string; userId: string; mode: AttendanceMode; answers: Record<string, string> }): Promise<RegistrationOutcome> => {
    const now = deps.clock.now();
    const outcome = await deps.db.transaction(async (tx) => {
      const { event, registration } = await takeSeat(tx, { eventId: input.eventId, registrant: { userId: input.userId }, mode: input.mode, answers: input.answers, now });
      const rank = await mailDecision(tx, deps, event, registration);
      return { event, registration, rank };
    });
    deps.pageCache.clear();
    return outcome;
  };
}

/** A visitor's confirmation link: the token goes in the mail, only its sha256 is stored. */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashConfirmationToken(token) };
}

export function hashConfirmationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type VisitorInput = {
  eventId: string;
  visitor: { email: string; givenName: string; usualName: string; organisationName: string };
  mode: AttendanceMode;
  answers: Record<string, string>;
};

/**
 * A visitor asks to register for a public event: a `pending` registration (no seat) and a mail with the
 * confirmation link. The answer never says whether the address was already registered (that would tell
 * anyone who registered): an address already confirmed gets a mail saying so, and a pending one a new link,
 * each at most every 15 minutes; an expired pending one is replaced.
 */
export function createRegisterVisitor(deps: RegistrationDeps) {
  return async (input: VisitorInput): Promise<void> => {
    const now = deps.clock.now();
    const { token, hash } = newConfirmationToken();
    const link = `${deps.publicUrl}/evenements/inscription/confirmer/${token}`;
    await deps.db.transaction(async (tx) => {
      const event = await lockEvent(tx, input.eventId);
      if (!event) throw new NotFoundError("Cet événement n’existe pas.");
      if (event.audience !== "public") throw new ForbiddenError("Cet événement est réservé aux membres du programme.");
      requireOpenFor(event, input.mode, now);
      const person = { email: input.visitor.email, givenName: input.visitor.givenName, usualName: input.visitor.usualName };
      const existing = await findLiveVisitorRegistration(tx, event.id, input.visitor.email);
      if (existing && existing.status !== "pending") {
        // At most one such mail every 15 minutes, so that nobody can make the platform flood an address.
        if (now.getTime() - existing.updatedAt.getTime() < visitorLinkResendAfterMs) return;
        await tx.update(eventRegistrations).set({ updatedAt: now }).where(eq(eventRegistrations.id, existing.id));
        await deps.mailer.enqueue(tx, alreadyRegisteredMail({ event, person: { ...person, givenName: existing.givenName, usualName: existing.usualName }, status: existing.status as "confirmed" | "waitlisted", publicUrl: deps.publicUrl }));
        return;
      }
      if (existing && !isVisitorLinkExpired(existing.updatedAt, event, now)) {
        if (now.getTime() - existing.updatedAt.getTime() < visitorLinkResendAfterMs) return;
        // Asked again after a while: the latest details and a new link (the previous one stops working).
        await tx
          .update(eventRegistrations)
          .set({ ...input.visitor, mode: input.mode, answers: input.answers, confirmationTokenHash: hash, updatedAt: now })
          .where(and(eq(eventRegistrations.id, existing.id), eq(eventRegistrations.status, "pending")));
        await deps.mailer.enqueue(tx, visitorLinkMail({ event, person, link, expiresAt: visitorLinkExpiresAt(now, event) }));
        return;
      }
      // An unconfirmed request whose link expired holds nothing: it gives way to the new one.
      if (existing) await tx.delete(eventRegistrations).where(and(eq(eventRegistrations.id, existing.id), eq(eventRegistrations.status, "pending")));
      await takeSeat(tx, { eventId: event.id, registrant: { visitor: { ...input.visitor, confirmationTokenHash: hash } }, mode: input.mode, answers: input.answers, now });
      await deps.mailer.enqueue(tx, visitorLinkMail({ event, person, link, expiresAt: visitorLinkExpiresAt(now, event) }));
    });
  };
}
