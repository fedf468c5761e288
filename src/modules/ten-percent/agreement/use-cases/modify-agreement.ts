import { and, eq, inArray } from "drizzle-orm";
import { agreements } from "../../../../db/schema/index.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import { isLive } from "../../domain/agreement-states.ts";
import { changedTerms } from "../../domain/terms.ts";
import type { ManagerInput, TermsInput } from "../agreement-form.ts";
import { agreementReplacedMail } from "../agreement-mails.ts";
import type { Agreement } from "../agreement-repository.ts";
import { type AgreementDeps, invalidateUndecidedSignatures, memberSnapshot, recordEvent, writeVersionAndAskSignatories } from "./ask-signatories.ts";

export type ModifyResult = { ok: true; id: string } | { ok: false; message: string };

export const notLiveMessage = "Cette convention n’est plus en cours (refusée, terminée ou remplacée)\u00a0: elle ne peut plus être modifiée. Préparez une nouvelle convention.";
const concurrentMessage = "La convention vient d’être modifiée par ailleurs. Rechargez la page et recommencez.";

/**
 * Modifies a live agreement: version n + 1 with the new terms, the undecided signatures of version n
 * invalidated (their links are refused), the signatories asked again, status back to `sent`, event
 * `modified` with what changed. Nothing changed: refused.
 */
export function createModifyAgreement(deps: AgreementDeps) {
  return async function modifyAgreement(agreement: Agreement, terms: TermsInput): Promise<ModifyResult> {
    if (!isLive(agreement.status)) return { ok: false, message: notLiveMessage };
    const changes = changedTerms(agreement.terms, terms);
    if (changes.length === 0) return { ok: false, message: "Rien n’a changé dans la convention." };
    const now = deps.clock.now();
    const version = agreement.currentVersion + 1;
    try {
      return await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(agreements)
          .set({ currentVersion: version, status: "sent", updatedAt: now })
          .where(and(eq(agreements.id, agreement.id), eq(agreements.currentVersion, agreement.currentVersion), inArray(agreements.status, ["sent", "accepted"])))
          .returning({ id: agreements.id });
        if (updated.length === 0) return { ok: false as const, message: concurrentMessage };
        await invalidateUndecidedSignatures(tx, agreement.id, agreement.currentVersion, now);
        const member = await memberSnapshot(tx, agreement.userId);
        await writeVersionAndAskSignatories(tx, deps, { agreementId: agreement.id, version, terms, member, kind: "modified", changes });
        await recordEvent(tx, { agreementId: agreement.id, version, kind: "modified", actor: "member", actorName: member.memberName, detail: `Modifié\u00a0: ${changes.join(", ")}.`, at: now });
        return { ok: true as const, id: agreement.id };
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_agreement_version")) return { ok: false, message: concurrentMessage };
      throw error;
    }
  };
}

/**
 * A new manager means a new agreement, in one transaction: the old one `replaced` (event `replaced`, its
 * undecided signatories told their link no longer works), a new one sent with the same terms and the new
 * manager.
 */
export function createChangeManager(deps: AgreementDeps) {
  return async function changeManager(agreement: Agreement, manager: ManagerInput): Promise<ModifyResult> {
    if (!isLive(agreement.status)) return { ok: false, message: notLiveMessage };
    const now = deps.clock.now();
    const { terms } = agreement;
    const newTerms: TermsInput = { shareKind: terms.shareKind, halfDaysPerMonth: terms.halfDaysPerMonth, startsOn: terms.startsOn, endsOn: terms.endsOn, projects: terms.projects, ...manager };
    try {
      return await deps.db.transaction(async (tx) => {
        const replaced = await tx
          .update(agreements)
          .set({ status: "replaced", updatedAt: now })
          .where(and(eq(agreements.id, agreement.id), eq(agreements.currentVersion, agreement.currentVersion), inArray(agreements.status, ["sent", "accepted"])))
          .returning({ id: agreements.id });
        if (replaced.length === 0) return { ok: false as const, message: concurrentMessage };
        const member = await memberSnapshot(tx, agreement.userId);
        const stillAsked = await invalidateUndecidedSignatures(tx, agreement.id, agreement.currentVersion, now);
        for (const signatory of stillAsked) await deps.mailer.enqueue(tx, agreementReplacedMail({ to: signatory.email, name: signatory.name, memberName: member.memberName }));
        await recordEvent(tx, { agreementId: agreement.id, version: agreement.currentVersion, kind: "replaced", actor: "member", actorName: member.memberName, detail: `Nouveau ou nouvelle manager\u00a0: ${manager.managerName}.`, at: now });
        const [created] = await tx.insert(agreements).values({ userId: agreement.userId, seasonId: agreement.seasonId, status: "sent", currentVersion: 1, shareDetails: false, createdAt: now, updatedAt: now }).returning({ id: agreements.id });
        const id = created!.id;
        await writeVersionAndAskSignatories(tx, deps, { agreementId: id, version: 1, terms: newTerms, member, kind: "first" });
        await recordEvent(tx, { agreementId: id, version: 1, kind: "sent", actor: "member", actorName: member.memberName, at: now });
        return { ok: true as const, id };
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_live_agreement_per_member_and_season")) return { ok: false, message: concurrentMessage };
      throw error;
    }
  };
}
