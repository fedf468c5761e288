import { DateTime } from "luxon";
import type { Executor } from "../../../db/client.ts";
import { type Agreement, findLiveAgreement, listAgreementsOfMember } from "../agreement/agreement-repository.ts";
import { budgetPerMonth, monthsOfPeriod, type ShareKind } from "../domain/terms.ts";
import { type LedgerLine, type LedgerSummary, loadLedger, type Period, summariseLedger } from "./ledger-repository.ts";

/** What a budget is made of: the agreement's share and its period (cut at the date it ended, if ended early). */
export type BudgetTerms = Period & { shareKind: ShareKind; halfDaysPerMonth: number };

export type SeasonRef = { id: string; slug: string; name: string; startsOn: string; endsOn: string };

/** The member's agreement of a season that sets their budget: the live one (sent or accepted), else the one that ended. */
export async function findBudgetAgreement(db: Executor, userId: string, seasonId: string): Promise<Agreement | null> {
  const live = await findLiveAgreement(db, userId, seasonId);
  if (live) return live;
  return (await listAgreementsOfMember(db, userId)).find((agreement) => agreement.seasonId === seasonId && agreement.status === "ended") ?? null;
}

export function budgetTermsOf(agreement: Agreement): BudgetTerms {
  const { shareKind, halfDaysPerMonth, startsOn, endsOn } = agreement.terms;
  const endedOn = agreement.status === "ended" && agreement.endedOn && agreement.endedOn < endsOn ? agreement.endedOn : endsOn;
  return { shareKind, halfDaysPerMonth, startsOn, endsOn: endedOn };
}

/** The budget of one month: the agreement's monthly budget in its period, 0 outside; null without agreement (nothing to check against). */
export function budgetOfMonth(terms: BudgetTerms | null, month: string): number | null {
  if (!terms) return null;
  return monthsOfPeriod(terms.startsOn, terms.endsOn).includes(month) ? budgetPerMonth(terms) : 0;
}

/** Half-days used in `month` by the lines, leaving out the work line `exceptEntryId` (the one being corrected). */
export function usedInMonth(lines: LedgerLine[], month: string, exceptEntryId?: string): number {
  return lines.filter((line) => line.month === month && !(line.source === "work" && line.id === exceptEntryId)).reduce((sum, line) => sum + line.halfDays, 0);
}

/** A member's ledger lines of one month (attendance and work), read at once from both sources. */
export function loadMonthLedger(db: Executor, userId: string, month: string): Promise<LedgerLine[]> {
  const first = DateTime.fromFormat(month, "yyyy-MM", { zone: "utc" });
  return loadLedger(db, userId, { startsOn: first.toISODate()!, endsOn: first.endOf("month").toISODate()! });
}

export type MemberLedger = { agreement: Agreement | null; terms: BudgetTerms | null; lines: LedgerLine[]; summary: LedgerSummary };

/** The member's ledger of a season: the lines over the season (and the agreement's period), summarised against the budget. */
export async function loadMemberLedger(db: Executor, userId: string, season: SeasonRef, today: string): Promise<MemberLedger> {
  const agreement = await findBudgetAgreement(db, userId, season.id);
  const terms = agreement ? budgetTermsOf(agreement) : null;
  const period = {
    startsOn: terms && terms.startsOn < season.startsOn ? terms.startsOn : season.startsOn,
    endsOn: terms && terms.endsOn > season.endsOn ? terms.endsOn : season.endsOn,
  };
  const lines = await loadLedger(db, userId, period);
  return { agreement, terms, lines, summary: summariseLedger(lines, terms, today) };
}
