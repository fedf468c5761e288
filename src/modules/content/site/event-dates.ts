import { formatDate, formatHour } from "../../../shared/french-date.ts";

export type EventSchedule = { startsAt: Date | null; endsAt: Date | null; allDay: boolean };

/**
 * When an event takes place, in French: « 5 décembre 2022, de 14 h à 18 h », « 5 décembre 2022 »
 * (all day), « du 5 décembre 2022 à 9 h au 6 décembre 2022 à 17 h ». Null without a start.
 */
export function formatEventSchedule({ startsAt, endsAt, allDay }: EventSchedule): string | null {
  if (!startsAt) return null;
  const startDay = formatDate(startsAt);
  const endDay = endsAt && endsAt.getTime() > startsAt.getTime() ? formatDate(endsAt) : null;
  if (allDay) return endDay && endDay !== startDay ? `du ${startDay} au ${endDay}` : startDay;
  if (!endsAt || !endDay) return `${startDay}, à\u00a0${formatHour(startsAt)}`;
  if (endDay === startDay) return `${startDay}, de ${formatHour(startsAt)} à\u00a0${formatHour(endsAt)}`;
  return `du ${startDay} à\u00a0${formatHour(startsAt)} au ${endDay} à\u00a0${formatHour(endsAt)}`;
}

/** An event is upcoming until it ends (or, without an end, until its start). */
export function isUpcoming(schedule: EventSchedule, now: Date): boolean {
  const last = schedule.endsAt ?? schedule.startsAt;
  return last !== null && last.getTime() >= now.getTime();
}
