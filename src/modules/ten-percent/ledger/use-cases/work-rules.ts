import { sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../../../db/client.ts";
import { DomainError, NotFoundError } from "../../../../shared/domain-error.ts";
import { checkBudget, isMonthClosed } from "../../domain/ledger-rules.ts";
import { findTimeEntry } from "../time-entry-repository.ts";
import { budgetOfMonth, budgetTermsOf, findBudgetAgreement, loadMonthLedger, usedInMonth } from "../member-ledger.ts";

/** The line would take its month over the agreed budget and the member did not confirm their manager agrees. */
export class OverBudgetNotConfirmedError extends DomainError {
  constructor(
    readonly month: string,
    readonly used: number,
    readonly budget: number,
  ) {
    super("over_budget_not_confirmed", "Cette déclaration dépasse le budget du mois convenu avec votre manager.");
  }
}

/** The line's month (or the month it would move to) is closed: the 10th of the next month has passed. */
export class MonthClosedError extends DomainError {
  constructor(readonly month: string) {
    super("month_closed", "Ce mois est clos\u00a0: ses lignes ne peuvent plus être modifiées.");
  }
}

export function requireOpenMonth(day: string, today: string) {
  const month = day.slice(0, 7);
  if (isMonthClosed(month, today)) throw new MonthClosedError(month);
}

/** One member's declarations are decided one at a time (PostgreSQL): two at once cannot both pass the budget check. */
export async function lockMemberLedger(tx: Transaction, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`time-ledger:${userId}`}))`);
}

/**
 * Refuses a line that takes its month over the budget of the member's agreement of the season, unless
 * confirmed; the month's use is read at once from check-ins and declared work, leaving out the line
 * being corrected. Without agreement there is no budget to check.
 */
export async function requireWithinBudget(db: Executor, input: { userId: string; seasonId: string; workedOn: string; halfDays: number; overBudgetConfirmed: boolean; exceptEntryId?: string }) {
  const agreement = await findBudgetAgreement(db, input.userId, input.seasonId);
  const month = input.workedOn.slice(0, 7);
  const budget = budgetOfMonth(agreement ? budgetTermsOf(agreement) : null, month);
  if (budget === null) return;
  const used = usedInMonth(await loadMonthLedger(db, input.userId, month), month, input.exceptEntryId);
  if (checkBudget(used, input.halfDays, budget) === "exceeds" && !input.overBudgetConfirmed) throw new OverBudgetNotConfirmedError(month, used, budget);
}

/** Someone else's line, or none: the same answer, so nobody learns another's line exists. */
export async function requireOwnEntry(db: Executor, id: string, userId: string) {
  const entry = await findTimeEntry(db, id);
  if (!entry || entry.userId !== userId) throw new NotFoundError("Cette ligne de temps n’existe pas.");
  return entry;
}

