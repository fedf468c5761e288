import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { agreements, agreementSignatures } from "../../../../db/schema/index.ts";
import { type Decision, statusAfterDecisions } from "../../domain/agreement-states.ts";
import { issueSigningLink, signingUrl } from "../agreement-links.ts";
import { memberDecisionMail, memberQuestionMail, signatoryAcceptedMail, signatureRequestMail } from "../agreement-mails.ts";
import type { MailAttachment } from "../../../mail/api.ts";
import { renderAgreementPdf } from "../../pdf/agreement-pdf.ts";
import type { PdfRenderer } from "../../pdf/typst.ts";
import { type Agreement, type AgreementSignature, currentSignatures, findAgreement } from "../agreement-repository.ts";
import { type AgreementDeps, agreementUrl, recordEvent } from "./ask-signatories.ts";

export type DecideResult = { ok: true; status: "sent" | "accepted" | "declined" } | { ok: false; message: string };

export const outdatedVersionMessage = "La convention a changé depuis que vous l’avez ouverte\u00a0: une nouvelle version vous a été envoyée par courriel. Votre réponse n’est pas enregistrée.";
const ownAgreementMessage = "Vous ne pouvez pas signer votre propre convention\u00a0: elle doit être acceptée par votre manager.";
const alreadyDecidedMessage = "Une réponse est déjà enregistrée pour cette signature, ou la convention n’attend plus de signature.";

/**
 * A signatory's answer on the version they saw (`version`, posted by the form): accept or decline (with a
 * reason), recorded on their signature with the time and how (`link` or `account`); the agreement's status
 * follows (`statusAfterDecisions`); the member is told, and a signatory who accepts gets a confirmation.
 * A question decides nothing: event `question` and a mail to the member.
 */
export function createDecide(deps: AgreementDeps & { pdf?: PdfRenderer }) {
  return async function decide(input: { agreement: Agreement; signature: AgreementSignature; version: number; choice: "accept" | "decline" | "question"; reason: string; via: "link" | "account" }): Promise<DecideResult> {
    const { agreement, signature } = input;
    if (input.version !== agreement.currentVersion || signature.version !== agreement.currentVersion) return { ok: false, message: outdatedVersionMessage };
    if (agreement.status !== "sent" || signature.decision || signature.invalidatedAt) return { ok: false, message: alreadyDecidedMessage };
    // Nobody signs their own agreement (the forms refuse the member's address; this is the last guard).
    if (signature.email.toLowerCase() === agreement.terms.memberEmail.toLowerCase()) return { ok: false, message: ownAgreementMessage };
    const now = deps.clock.now();
    const url = agreementUrl(deps.publicUrl, agreement.id);
    const { terms } = agreement;
    return deps.db.transaction(async (tx) => {
      if (input.choice === "question") {
        await recordEvent(tx, { agreementId: agreement.id, version: agreement.currentVersion, kind: "question", actor: signature.role, actorName: signature.name, detail: input.reason, at: now });
        await deps.mailer.enqueue(tx, memberQuestionMail({ to: terms.memberEmail, memberName: terms.memberName, signatoryName: signature.name, question: input.reason, agreementUrl: url }));
        return { ok: true as const, status: "sent" as const };
      }
      const decision: Decision = input.choice === "accept" ? "accepted" : "declined";
      // Decisions on one agreement one at a time (its row lock, taken first as a new version does): two
      // signatories accepting together each see the other's answer, so the last one makes it « acceptée ».
      const [locked] = await tx.select({ status: agreements.status, currentVersion: agreements.currentVersion }).from(agreements).where(eq(agreements.id, agreement.id)).for("update");
      if (!locked || locked.status !== "sent") return { ok: false as const, message: alreadyDecidedMessage };
      if (locked.currentVersion !== input.version) return { ok: false as const, message: outdatedVersionMessage };
      const decided = await tx
        .update(agreementSignatures)
        .set({ decision, decidedAt: now, decidedVia: input.via, reason: input.reason })
        .where(and(eq(agreementSignatures.id, signature.id), eq(agreementSignatures.version, input.version), isNull(agreementSignatures.decision), isNull(agreementSignatures.invalidatedAt)))
        .returning({ id: agreementSignatures.id });
      if (decided.length === 0) return { ok: false as const, message: alreadyDecidedMessage };
      const decisions = await tx
        .select({ decision: agreementSignatures.decision })
        .from(agreementSignatures)
        .where(and(eq(agreementSignatures.agreementId, agreement.id), eq(agreementSignatures.version, input.version)));
      const status = statusAfterDecisions(decisions.map((row) => row.decision as Decision | null));
      const updated = await tx
        .update(agreements)
        .set({ status, updatedAt: now })
        .where(and(eq(agreements.id, agreement.id), eq(agreements.currentVersion, input.version), eq(agreements.status, "sent")))
        .returning({ id: agreements.id });
      // The agreement changed meanwhile (modified, ended): throwing rolls the decision back.
      if (updated.length === 0) throw new DecisionRaceError();
      await recordEvent(tx, { agreementId: agreement.id, version: input.version, kind: decision, actor: signature.role, actorName: signature.name, detail: input.reason, at: now });
      const allAccepted = status === "accepted";
      const attachments = allAccepted ? await signedPdf(deps.pdf, tx, agreement.id, now) : [];
      await deps.mailer.enqueue(tx, { ...memberDecisionMail({ to: terms.memberEmail, memberName: terms.memberName, signatoryName: signature.name, decision, reason: input.reason, allAccepted, agreementUrl: url }), ...(attachments.length > 0 ? { attachments } : {}) });
      if (decision === "accepted") await deps.mailer.enqueue(tx, { ...signatoryAcceptedMail({ to: signature.email, signatoryName: signature.name, memberName: terms.memberName, allAccepted, terms, signInUrl: new URL("/connexion?retour=/mes-agents", deps.publicUrl).href, pdfAttached: attachments.length > 0 }), ...(attachments.length > 0 ? { attachments } : {}) });
      return { ok: true as const, status };
    }).catch((error: unknown) => {
      if (error instanceof DecisionRaceError) return { ok: false as const, message: outdatedVersionMessage };
      throw error;
    });
  };
}

class DecisionRaceError extends Error {}

/** The signed agreement as a PDF attachment, read in the transaction that accepted it; none when the renderer fails (the page still offers it). */
async function signedPdf(pdf: PdfRenderer | undefined, tx: Executor, agreementId: string, now: Date): Promise<MailAttachment[]> {
  if (!pdf) return [];
  const signed = await findAgreement(tx, agreementId);
  if (!signed) return [];
  try {
    const bytes = renderAgreementPdf(pdf, signed, now);
    return [{ filename: "convention-10-pourcent.pdf", contentType: "application/pdf", content: bytes.toString("base64") }];
  } catch {
    return [];
  }
}

/** The signatories of the current version who asked a question and have not decided: who the member's answer goes to. */
export function signatoriesAwaitingAnswer(agreement: Agreement): AgreementSignature[] {
  if (agreement.status !== "sent") return [];
  const events = agreement.events.filter((event) => event.version === agreement.currentVersion);
  return currentSignatures(agreement).filter((signature) => {
    if (signature.decision || signature.invalidatedAt) return false;
    const lastQuestion = events.filter((event) => event.kind === "question" && event.actor === signature.role).at(-1);
    if (!lastQuestion) return false;
    return !events.some((event) => event.kind === "answer" && event.at.getTime() >= lastQuestion.at.getTime() && event.detail.length > 0 && event.actor === "member");
  });
}

/** The member answers a question: event `answer`, and each signatory who asked gets the answer with a new personal link. */
export function createAnswerQuestion(deps: AgreementDeps) {
  return async function answerQuestion(agreement: Agreement, answer: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const asking = signatoriesAwaitingAnswer(agreement);
    if (asking.length === 0) return { ok: false, message: "Aucune question n’attend de réponse sur cette convention." };
    const now = deps.clock.now();
    const { terms } = agreement;
    await deps.db.transaction(async (tx) => {
      await recordEvent(tx, { agreementId: agreement.id, version: agreement.currentVersion, kind: "answer", actor: "member", actorName: terms.memberName, detail: answer, at: now });
      for (const signature of asking) {
        const token = await issueSigningLink(tx, signature.id, now);
        await deps.mailer.enqueue(tx, signatureRequestMail({ to: signature.email, signatoryName: signature.name, terms, link: signingUrl(deps.publicUrl, token), kind: "answer", answer, role: signature.role }));
      }
    });
    return { ok: true };
  };
}
