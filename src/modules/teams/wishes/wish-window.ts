import { formatCalendarDay, parisDayOf } from "../../../shared/french-date.ts";
import { DomainError } from "../../../shared/domain-error.ts";
import type { SeasonWithPhases } from "../../seasons/api.ts";

export const wishesPhaseKey = "wishes";
export const maxWishes = 5;

/** Where the « vœux » phase stands today (Paris days): open, to come, or closed — for one season. */
export type WishWindow = { state: "open" | "upcoming" | "closed"; season: SeasonWithPhases; opensOn: string; closesOn: string };

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The season whose wishes phase is open today; else the next one to open; else the last one closed;
 * null when no season has a wishes phase. `seasons` in any order.
 */
export function findWishWindow(seasons: readonly SeasonWithPhases[], now: Date): WishWindow | null {
  const today = parisDayOf(now);
  const windows = seasons
    .flatMap((season) => season.phases.filter((phase) => phase.key === wishesPhaseKey).map((phase) => ({ season, opensOn: phase.startsOn, closesOn: phase.endsOn })))
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : 0));
  const open = windows.find((window) => window.opensOn <= today && today <= window.closesOn);
  if (open) return { ...open, state: "open" };
  const upcoming = windows.find((window) => window.opensOn > today);
  if (upcoming) return { ...upcoming, state: "upcoming" };
  const closed = windows.at(-1);
  return closed ? { ...closed, state: "closed" } : null;
}

/** « La phase des vœux est close depuis le 16 février 2027. » or « … ouvre le 8 février 2027. » */
export function closedMessage(window: WishWindow): string {
  return window.state === "upcoming" ? `La phase des vœux ouvre le ${formatCalendarDay(window.opensOn)}.` : `La phase des vœux est close depuis le ${formatCalendarDay(nextDay(window.closesOn))}.`;
}

/** A write outside the wishes phase: the server refuses it, the kept wishes stay as they were. */
export class WishesClosedError extends DomainError {
  constructor(message: string) {
    super("wishes_closed", message);
  }
}

/** Throws unless the wishes phase of this window is open. */
export function requireWishesOpen(window: WishWindow | null): WishWindow {
  if (!window) throw new WishesClosedError("Aucune phase de vœux n’est prévue.");
  if (window.state !== "open") throw new WishesClosedError(closedMessage(window));
  return window;
}

/** Once the season's teams are published, wishes no longer count: joining goes through a project's page. */
export function publishedMessage(window: WishWindow): string {
  return `Les équipes de la ${window.season.name.toLowerCase()} sont publiées\u00a0: les vœux ne comptent plus. Retrouvez votre équipe sur votre profil, ou demandez à rejoindre un projet depuis sa page.`;
}
