import { DateTime } from "luxon";

const zone = "Europe/Paris";

/**
 * How long attending an event takes, in minutes, for the time ledger. Within one day: from start to end.
 * Over several days (a two-day bootcamp from 9 h to 17 h), the nights do not count: each day from the
 * start's time of day to the end's (2 × 8 h), when the end's time of day is later; otherwise (an evening
 * running past midnight) from start to end.
 */
export function attendedDurationMinutes(startsAt: Date, endsAt: Date): number {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = DateTime.fromJSDate(endsAt, { zone });
  const total = Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
  const days = Math.round(end.startOf("day").diff(start.startOf("day"), "days").days) + 1;
  if (days <= 1) return total;
  const daily = end.hour * 60 + end.minute - (start.hour * 60 + start.minute);
  return daily > 0 ? days * daily : total;
}
