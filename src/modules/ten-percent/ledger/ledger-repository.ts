import { DateTime } from "luxon";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { projects, timeEntries } from "../../../db/schema/index.ts";
import { listAttendance } from "../../events/api.ts";
import { halfDaysOfAttendance, isCountedEventKind, isMonthClosed } from "../domain/ledger-rules.ts";
import { budgetPerMonth, monthsOfPeriod } from "../domain/terms.ts";

/**
 * The time ledger (issue 16, ADR 0035): what a member gave, read at each request from two sources, never
 * copied: attendance at workshops, trainings, bootcamps and closings from the events module's check-ins
 * (so an undone check-in, an edited event or a cancelled registration changes the ledger at once and an
 * attendance is never counted twice), and the work the member declared (`time_entries`).
 */
export type LedgerLine =
  | { source: "attendance"; id: string; day: string; month: string; halfDays: number; title: string; eventSlug: string; eventKind: string; mode: string }
  | { source: "work"; id: string; day: string; month: string; halfDays: number; title: string; projectId: string | null; projectTitle: string | null };

export type Period = { startsOn: string; endsOn: string };

const zone = "Europe/Paris";

function parisDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** Paris midnight starting `day`, as an instant. */
function startOfParisDay(day: string): Date {
  return DateTime.fromISO(day, { zone }).startOf("day").toJSDate();
}

/** Every member's ledger lines in a period, by member (`userIds` empty: every member with a line). Oldest first. */
export async function loadLedgers(db: Executor, period: Period, userIds?: string[]): Promise<Map<string, LedgerLine[]>> {
  const from = startOfParisDay(period.startsOn);
  const to = DateTime.fromISO(period.endsOn, { zone }).plus({ days: 1 }).startOf("day").toJSDate();
  const wanted = userIds ? new Set(userIds) : null;
  const [attendance, work] = await Promise.all([
    listAttendance(db, { from, to, userId: userIds?.length === 1 ? userIds[0] : undefined }),
    userIds?.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: timeEntries.id, userId: timeEntries.userId, day: timeEntries.workedOn, halfDays: timeEntries.halfDays, title: timeEntries.description, projectId: timeEntries.projectId, projectTitle: projects.title })
          .from(timeEntries)
          .leftJoin(projects, eq(projects.id, timeEntries.projectId))
          .where(and(gte(timeEntries.workedOn, period.startsOn), lte(timeEntries.workedOn, period.endsOn), userIds ? inArray(timeEntries.userId, userIds) : undefined))
          .orderBy(asc(timeEntries.workedOn), asc(timeEntries.createdAt)),
  ]);
  const ledgers = new Map<string, LedgerLine[]>();
  const add = (userId: string, line: LedgerLine) => {
    if (wanted && !wanted.has(userId)) return;
    const lines = ledgers.get(userId) ?? [];
    lines.push(line);
    ledgers.set(userId, lines);
  };
  for (const record of attendance) {
    if (!record.userId || !isCountedEventKind(record.kind)) continue;
    const day = parisDay(record.startsAt);
    add(record.userId, {
      source: "attendance",
      id: record.registrationId,
      day,
      month: day.slice(0, 7),
      halfDays: halfDaysOfAttendance(record.startsAt, record.endsAt, record.durationMinutes),
      title: record.eventTitle,
      eventSlug: record.eventSlug,
      eventKind: record.kind,
      mode: record.mode,
    });
  }
  for (const entry of work) add(entry.userId, { source: "work", id: entry.id, day: entry.day, month: entry.day.slice(0, 7), halfDays: entry.halfDays, title: entry.title, projectId: entry.projectId, projectTitle: entry.projectTitle });
  for (const lines of ledgers.values()) lines.sort((a, b) => a.day.localeCompare(b.day) || a.source.localeCompare(b.source));
  return ledgers;
}

/** One member's ledger lines in a period, oldest first. */
export async function loadLedger(db: Executor, userId: string, period: Period): Promise<LedgerLine[]> {
  return (await loadLedgers(db, period, [userId])).get(userId) ?? [];
}

/** `inAgreement`: the month is in the agreement's period (its budget applies); outside it, time still counts, without budget. */
export type LedgerMonth = { month: string; attendance: number; work: number; used: number; budget: number; inAgreement: boolean; closed: boolean };
export type LedgerSummary = { months: LedgerMonth[]; used: number; budget: number };

/**
 * Used against budget, month by month over the agreement's period (every month of the period, even empty),
 * and for the whole period. Pure. Without terms (no agreement), the budget is 0 and only the months with lines show.
 * A month with lines outside the period shows too, with a budget of 0: every line counts in what was used.
 */
export function summariseLedger(lines: LedgerLine[], terms: (Period & { shareKind: "ten_percent" | "half_days"; halfDaysPerMonth: number }) | null, today: string): LedgerSummary {
  const perMonth = terms ? budgetPerMonth(terms) : 0;
  const inPeriod = new Set(terms ? monthsOfPeriod(terms.startsOn, terms.endsOn) : []);
  const months = [...new Set([...inPeriod, ...lines.map((line) => line.month)])].sort();
  const rows = months.map((month) => {
    const ofMonth = lines.filter((line) => line.month === month);
    const attendance = ofMonth.filter((line) => line.source === "attendance").reduce((sum, line) => sum + line.halfDays, 0);
    const work = ofMonth.filter((line) => line.source === "work").reduce((sum, line) => sum + line.halfDays, 0);
    return { month, attendance, work, used: attendance + work, budget: inPeriod.has(month) ? perMonth : 0, inAgreement: inPeriod.has(month), closed: isMonthClosed(month, today) };
  });
  return { months: rows, used: rows.reduce((sum, row) => sum + row.used, 0), budget: perMonth * inPeriod.size };
}
