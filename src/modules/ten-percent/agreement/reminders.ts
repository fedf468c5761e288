import { erasedSignatoryEmail } from "../personal-data.ts";
import { registerPeriodicCheck } from "../../../http/periodic-check.ts";
import { and, eq, isNull, lte, ne } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { agreements, agreementSignatures, agreementVersions } from "../../../db/schema/index.ts";
import { memberToldAfterDays, reminderAfterDays } from "../domain/agreement-states.ts";
import { versionOfRow } from "./agreement-repository.ts";
import { issueSigningLink, signingUrl } from "./agreement-links.ts";
import { memberToldMail, signatureRequestMail } from "./agreement-mails.ts";
import { type AgreementDeps, agreementUrl, recordEvent } from "./use-cases/ask-signatories.ts";

const checkEveryMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

type Step = { column: "remindedAt" | "remindedAgainAt" | "memberToldAt"; afterDays: number };

const steps: Step[] = [
  { column: "remindedAt", afterDays: reminderAfterDays[0] },
  { column: "remindedAgainAt", afterDays: reminderAfterDays[1] },
  { column: "memberToldAt", afterDays: memberToldAfterDays },
];

/**
 * Reminds silent signatories: for each undecided, non-invalidated signature of the current version of a
 * `sent` agreement, a reminder with a new personal link after 7 days, another after 14, then the member is
 * told after 21. Each step once: its column is set by an `UPDATE … WHERE column IS NULL` in the same
 * transaction as the mail, so two servers never send it twice. Returns the number of mails sent.
 */
export async function sendAgreementReminders(deps: AgreementDeps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const step of steps) {
    const column = agreementSignatures[step.column];
    const due = await deps.db
      .select({ signature: agreementSignatures, agreementId: agreements.id })
      .from(agreementSignatures)
      .innerJoin(agreements, and(eq(agreements.id, agreementSignatures.agreementId), eq(agreements.currentVersion, agreementSignatures.version)))
      .where(
        and(
          eq(agreements.status, "sent"),
          isNull(agreementSignatures.decision),
          isNull(agreementSignatures.invalidatedAt),
          isNull(column),
          // A signatory whose account was erased keeps no address to write to.
          ne(agreementSignatures.email, erasedSignatoryEmail),
          lte(agreementSignatures.askedAt, new Date(now.getTime() - step.afterDays * dayMs)),
        ),
      );
    for (const { signature, agreementId } of due) {
      const done = await deps.db.transaction(async (tx) => {
        const claimed = await tx
          .update(agreementSignatures)
          .set({ [step.column]: now })
          .where(and(eq(agreementSignatures.id, signature.id), isNull(column), isNull(agreementSignatures.decision), isNull(agreementSignatures.invalidatedAt)))
          .returning({ id: agreementSignatures.id });
        if (claimed.length === 0) return false;
        const [versionRow] = await tx.select().from(agreementVersions).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, signature.version)));
        if (!versionRow) return false;
        const terms = versionOfRow(versionRow);
        if (step.column === "memberToldAt") {
          await deps.mailer.enqueue(tx, memberToldMail({ to: terms.memberEmail, memberName: terms.memberName, signatoryName: signature.name, signatoryEmail: signature.email, agreementUrl: agreementUrl(deps.publicUrl, agreementId) }));
          await recordEvent(tx, { agreementId, version: signature.version, kind: "member_told", actor: "platform", actorName: "", detail: signature.name, at: now });
        } else {
          const token = await issueSigningLink(tx, signature.id, now);
          await deps.mailer.enqueue(tx, signatureRequestMail({ to: signature.email, signatoryName: signature.name, terms, link: signingUrl(deps.publicUrl, token), kind: "reminder", role: signature.role as "manager" | "third" }));
          await recordEvent(tx, { agreementId, version: signature.version, kind: "reminded", actor: "platform", actorName: "", detail: signature.name, at: now });
        }
        return true;
      });
      if (done) sent += 1;
    }
  }
  return sent;
}

/** Checks every hour (from `onReady`, stopped on `onClose`, never keeping the process alive), like the café 10 % round. */
export function registerAgreementReminders(app: FastifyInstance, deps: AgreementDeps, options: { everyMs?: number } = {}) {
  registerPeriodicCheck(app, { name: "agreement reminders", everyMs: options.everyMs ?? checkEveryMs, run: () => sendAgreementReminders(deps), outcome: (count) => (count > 0 ? { count } : null) });
}
