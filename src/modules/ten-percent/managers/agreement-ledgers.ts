import type { Executor } from "../../../db/client.ts";
import type { Agreement } from "../agreement/agreement-repository.ts";
import { type LedgerLine, type LedgerSummary, loadLedgers, type Period, summariseLedger } from "../ledger/ledger-repository.ts";

/** An agreement's ledger: its lines within the agreement's period and their summary against its budget. */
export type AgreementLedger = { period: Period; lines: LedgerLine[]; summary: LedgerSummary };

/** The days an agreement covers: its current terms' period, up to the day it ended when ended early. */
export function periodOfAgreement(agreement: Pick<Agreement, "terms" | "endedOn">): Period {
  const { startsOn, endsOn } = agreement.terms;
  const ended = agreement.endedOn && agreement.endedOn < endsOn ? agreement.endedOn : endsOn;
  return { startsOn, endsOn: ended < startsOn ? startsOn : ended };
}

/**
 * The ledgers of several agreements, in bulk: one `loadLedgers` over the span of their periods for all
 * their members, then each agreement keeps its member's lines within its own period.
 */
export async function loadAgreementLedgers(db: Executor, agreements: Agreement[], today: string): Promise<Map<string, AgreementLedger>> {
  const result = new Map<string, AgreementLedger>();
  if (agreements.length === 0) return result;
  const periods = agreements.map((agreement) => periodOfAgreement(agreement));
  const span: Period = {
    startsOn: periods.map((period) => period.startsOn).reduce((a, b) => (a < b ? a : b)),
    endsOn: periods.map((period) => period.endsOn).reduce((a, b) => (a > b ? a : b)),
  };
  const ledgers = await loadLedgers(db, span, [...new Set(agreements.map((agreement) => agreement.userId))]);
  agreements.forEach((agreement, index) => {
    const period = periods[index]!;
    const lines = (ledgers.get(agreement.userId) ?? []).filter((line) => line.day >= period.startsOn && line.day <= period.endsOn);
    result.set(agreement.id, { period, lines, summary: summariseLedger(lines, { ...period, shareKind: agreement.terms.shareKind, halfDaysPerMonth: agreement.terms.halfDaysPerMonth }, today) });
  });
  return result;
}

/** « 3 / 2 »: used against budget, as the tables show it. */
export function usedOverBudget(used: number, budget: number): string {
  return `${used}\u00a0/\u00a0${budget}`;
}
