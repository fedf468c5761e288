import { agreements } from "../../../../db/schema/index.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import type { TermsInput } from "../agreement-form.ts";
import { type AgreementDeps, memberSnapshot, recordEvent, writeVersionAndAskSignatories } from "./ask-signatories.ts";

export type SendAgreementResult = { ok: true; id: string } | { ok: false; reason: "already_live" };

export const alreadyLiveMessage = "Vous avez déjà une convention en cours pour cette saison. Modifiez-la, ou changez de manager depuis sa page, plutôt que d’en envoyer une seconde.";

/**
 * Sends a member's agreement for a season, in one transaction: the agreement (`sent`), version 1 with the
 * terms and the member as they are now, the signatories asked (personal links and mails), the event `sent`.
 * A second live agreement for the same season is refused (unique index, even from two requests at once).
 */
export function createSendAgreement(deps: AgreementDeps) {
  return async function sendAgreement(input: { userId: string; seasonId: string; terms: TermsInput }): Promise<SendAgreementResult> {
    const now = deps.clock.now();
    try {
      const id = await deps.db.transaction(async (tx) => {
        const [created] = await tx.insert(agreements).values({ userId: input.userId, seasonId: input.seasonId, status: "sent", currentVersion: 1, createdAt: now, updatedAt: now }).returning({ id: agreements.id });
        const agreementId = created!.id;
        const member = await memberSnapshot(tx, input.userId);
        await writeVersionAndAskSignatories(tx, deps, { agreementId, version: 1, terms: input.terms, member, kind: "first" });
        await recordEvent(tx, { agreementId, version: 1, kind: "sent", actor: "member", actorName: member.memberName, at: now });
        return agreementId;
      });
      return { ok: true, id };
    } catch (error) {
      if (isUniqueViolation(error, "one_live_agreement_per_member_and_season")) return { ok: false, reason: "already_live" };
      throw error;
    }
  };
}
