import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { agreementLinks, agreementSignatures } from "../../../db/schema/index.ts";
import { createToken, hashToken } from "../../identity/api.ts";
import { linkLifetimeMs } from "../domain/agreement-states.ts";
import { type Agreement, type AgreementSignature, findAgreement } from "./agreement-repository.ts";

/** The address a signatory opens from their mail: no account needed. */
export function signingUrl(publicUrl: string, token: string): string {
  return new URL(`/convention/signature/${token}`, publicUrl).href;
}

/** A new personal link for a signature, valid `linkLifetimeMs`; only the token's hash is stored. Returns the token. */
export async function issueSigningLink(executor: Executor, signatureId: string, now: Date): Promise<string> {
  const token = createToken();
  await executor.insert(agreementLinks).values({ tokenHash: hashToken(token), signatureId, expiresAt: new Date(now.getTime() + linkLifetimeMs), createdAt: now });
  return token;
}

export type SigningLinkRefusal = "unknown" | "expired" | "decided" | "outdated" | "closed";

export type ResolvedSigningLink = { ok: true; agreement: Agreement; signature: AgreementSignature } | { ok: false; reason: SigningLinkRefusal };

/** Why a link no longer opens the agreement, in French, for the refusal page. */
export const signingLinkRefusalTexts: Record<SigningLinkRefusal, string> = {
  unknown: "Ce lien n’est pas valide. Vérifiez qu’il est complet, ou utilisez le lien du dernier courriel reçu.",
  expired: "Ce lien a expiré. Un nouveau lien vous est envoyé à chaque relance\u00a0; vous pouvez aussi demander au membre de vous renvoyer la convention.",
  decided: "Vous avez déjà répondu à cette convention avec ce lien. Votre décision est enregistrée.",
  outdated: "Cette version de la convention a été remplacée par une nouvelle. Utilisez le lien du dernier courriel reçu.",
  closed: "Cette convention n’attend plus de signature (elle a été acceptée, refusée, terminée ou remplacée).",
};

/**
 * The agreement and signature a personal link opens: token → hash → link → signature → agreement. Refused
 * when the token is unknown, expired, its signature already decided, invalidated or not of the current
 * version, or the agreement no longer waits for signatures.
 */
export async function resolveSigningLink(db: Executor, token: string, now: Date): Promise<ResolvedSigningLink> {
  if (typeof token !== "string" || !/^[\w-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const [link] = await db.select().from(agreementLinks).where(eq(agreementLinks.tokenHash, hashToken(token)));
  if (!link) return { ok: false, reason: "unknown" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const agreementId = await agreementIdOfSignature(db, link.signatureId);
  const agreement = agreementId ? await findAgreement(db, agreementId) : null;
  const signature = agreement?.signatures.find((candidate) => candidate.id === link.signatureId);
  if (!agreement || !signature) return { ok: false, reason: "unknown" };
  if (signature.decision) return { ok: false, reason: "decided" };
  if (signature.invalidatedAt || signature.version !== agreement.currentVersion) return { ok: false, reason: "outdated" };
  if (agreement.status !== "sent") return { ok: false, reason: "closed" };
  return { ok: true, agreement, signature };
}

async function agreementIdOfSignature(db: Executor, signatureId: string): Promise<string | null> {
  const [row] = await db.select({ agreementId: agreementSignatures.agreementId }).from(agreementSignatures).where(eq(agreementSignatures.id, signatureId));
  return row?.agreementId ?? null;
}
