import { erasedSignatoryEmail } from "../personal-data.ts";
import { registerPeriodicCheck } from "../../../http/periodic-check.ts";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { agreements, managerSummaries } from "../../../db/schema/index.ts";
import { parisDayOf } from "../../../shared/french-date.ts";
import { loadAgreements } from "../agreement/agreement-repository.ts";
import type { TenPercentDeps } from "../deps.ts";
import { loadAgreementLedgers } from "./agreement-ledgers.ts";
import { managerSummaryMail, type SummarisedAgent } from "./manager-summary-mail.ts";

const checkEveryMs = 60 * 60 * 1000;

/** The month before `month` (`2031-01` → `2030-12`). */
export function previousMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, "0")}`;
}

export type ManagerSummariesOutcome = { month: string; sent: number; alreadySent: number };

/**
 * Mails each manager the summary of the month before `clock.now()`'s month in Paris: one mail per address
 * (case-insensitive) with every agent whose accepted agreement names it in its current version and covers
 * that month. Once per address and month: the row of `manager_summaries` is inserted first (`on conflict do
 * nothing` on `one_manager_summary_per_month`) in the transaction that enqueues the mail, so a second run —
 * the next hourly check, another server — sends nothing again.
 */
export function createSendManagerSummaries(deps: Pick<TenPercentDeps, "db" | "clock" | "mailer" | "publicUrl">) {
  return async (): Promise<ManagerSummariesOutcome> => {
    const now = deps.clock.now();
    const today = parisDayOf(now);
    const month = previousMonth(today.slice(0, 7));
    const ids = (await deps.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.status, "accepted"))).map((row) => row.id);
    const accepted = (await loadAgreements(deps.db, ids)).filter((agreement) => agreement.terms.startsOn.slice(0, 7) <= month && agreement.terms.endsOn.slice(0, 7) >= month);
    const ledgers = await loadAgreementLedgers(deps.db, accepted, today);
    const byManager = new Map<string, { name: string; agents: SummarisedAgent[] }>();
    const sorted = [...accepted].sort((a, b) => a.terms.memberName.localeCompare(b.terms.memberName, "fr"));
    for (const agreement of sorted) {
      const ledger = ledgers.get(agreement.id)!;
      const ofMonth = ledger.summary.months.find((row) => row.month === month);
      if (!ofMonth) continue;
      const address = agreement.terms.managerEmail.trim().toLowerCase();
      // A manager whose account was erased keeps no address to write to.
      if (address === erasedSignatoryEmail) continue;
      const entry = byManager.get(address) ?? { name: agreement.terms.managerName, agents: [] };
      entry.agents.push({
        name: agreement.terms.memberName,
        organisation: agreement.terms.memberOrganisation,
        month: { used: ofMonth.used, budget: ofMonth.budget },
        total: { used: ledger.summary.used, budget: ledger.summary.budget },
      });
      byManager.set(address, entry);
    }
    let sent = 0;
    let alreadySent = 0;
    for (const [address, { name, agents }] of byManager) {
      const mailed = await deps.db.transaction(async (tx) => {
        const inserted = await tx.insert(managerSummaries).values({ managerEmail: address, month, sentAt: now }).onConflictDoNothing().returning({ month: managerSummaries.month });
        if (inserted.length === 0) return false;
        await deps.mailer.enqueue(tx, managerSummaryMail({ to: address, managerName: name, month, agents, publicUrl: deps.publicUrl }));
        return true;
      });
      if (mailed) sent += 1;
      else alreadySent += 1;
    }
    return { month, sent, alreadySent };
  };
}

/**
 * Checks every hour (from `onReady`, stopped on `onClose`, never keeping the process alive) whether this
 * month's summaries were mailed, like the café 10 % round: the first check of a month in Paris mails them,
 * the next ones find every address already done.
 */
export function registerMonthlyManagerSummaries(app: FastifyInstance, deps: Pick<TenPercentDeps, "db" | "clock" | "mailer" | "publicUrl">, options: { everyMs?: number } = {}) {
  const send = createSendManagerSummaries(deps);
  registerPeriodicCheck(app, { name: "managers' monthly summaries", everyMs: options.everyMs ?? checkEveryMs, run: send, outcome: (outcome) => (outcome.sent > 0 ? outcome : null) });
}
