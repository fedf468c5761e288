import { and, eq, inArray } from "drizzle-orm";
import { agreements } from "../../../../db/schema/index.ts";
import { isLive } from "../../domain/agreement-states.ts";
import { agreementEndedMail, agreementWithdrawnMail } from "../agreement-mails.ts";
import { type Agreement, currentSignatures } from "../agreement-repository.ts";
import { type AgreementDeps, agreementUrl, recordEvent } from "./ask-signatories.ts";

export type EndedBy = "member" | "manager" | "programme";

/**
 * Ends a live agreement early (the member, its manager or the programme team): status `ended`, the date and
 * who ended it, event `ended`, a mail to the others (the member, the signatories of the current version).
 * A request still waiting for signatures that its member ends is withdrawn: the signatories are told no answer
 * is expected, and their personal links no longer open it (the agreement no longer waits for signatures).
 */
export function createEndAgreement(deps: AgreementDeps) {
  return async function endAgreement(input: { agreement: Agreement; endedBy: EndedBy; actorName: string; actorEmail: string; endedOn: string; reason: string }): Promise<{ ok: true } | { ok: false; message: string }> {
    const { agreement } = input;
    if (!isLive(agreement.status)) return { ok: false, message: "Cette convention n’est plus en cours\u00a0: elle ne peut pas être terminée." };
    const withdrawn = agreement.status === "sent" && input.endedBy === "member";
    const now = deps.clock.now();
    const url = agreementUrl(deps.publicUrl, agreement.id);
    return deps.db.transaction(async (tx) => {
      const ended = await tx
        .update(agreements)
        .set({ status: "ended", endedOn: input.endedOn, endedBy: input.endedBy, endReason: input.reason, updatedAt: now })
        .where(and(eq(agreements.id, agreement.id), inArray(agreements.status, ["sent", "accepted"])))
        .returning({ id: agreements.id });
      if (ended.length === 0) return { ok: false as const, message: "La convention vient de changer. Rechargez la page." };
      await recordEvent(tx, { agreementId: agreement.id, version: agreement.currentVersion, kind: "ended", actor: input.endedBy, actorName: input.actorName, detail: input.reason, at: now });
      const others = [{ name: agreement.terms.memberName, email: agreement.terms.memberEmail }, ...currentSignatures(agreement).filter((signature) => !signature.invalidatedAt).map((signature) => ({ name: signature.name, email: signature.email }))];
      const seen = new Set([input.actorEmail.toLowerCase()]);
      for (const other of others) {
        if (seen.has(other.email.toLowerCase())) continue;
        seen.add(other.email.toLowerCase());
        if (withdrawn) await deps.mailer.enqueue(tx, agreementWithdrawnMail({ to: other.email, name: other.name, memberName: agreement.terms.memberName, reason: input.reason }));
        else await deps.mailer.enqueue(tx, agreementEndedMail({ to: other.email, name: other.name, memberName: agreement.terms.memberName, endedOn: input.endedOn, endedByName: input.actorName, reason: input.reason, agreementUrl: url }));
      }
      return { ok: true as const };
    });
  };
}
