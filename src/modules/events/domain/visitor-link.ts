import type { EventForRules } from "./registration-rules.ts";

/** A visitor's confirmation link is valid 48 hours, and never after registration closes. */
export const visitorLinkLifetimeMs = 48 * 3600_000;

/** A new link is mailed to the same address at most once in this time (the form can be abused to mail someone). */
export const visitorLinkResendAfterMs = 15 * 60_000;

/** When the link sent at `sentAt` stops working: 48 hours later, or when registration closes if sooner. */
export function visitorLinkExpiresAt(sentAt: Date, event: Pick<EventForRules, "registrationClosesAt" | "startsAt">): Date {
  const closesAt = event.registrationClosesAt ?? event.startsAt;
  return new Date(Math.min(sentAt.getTime() + visitorLinkLifetimeMs, closesAt.getTime()));
}

export function isVisitorLinkExpired(sentAt: Date, event: Pick<EventForRules, "registrationClosesAt" | "startsAt">, now: Date): boolean {
  return now >= visitorLinkExpiresAt(sentAt, event);
}
