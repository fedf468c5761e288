import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "../../../../db/client.ts";
import { agreementEvents, agreementSignatures, agreementThirdSignatories, agreementVersions, users } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { displayName } from "../../../identity/api.ts";
import type { Mailer } from "../../../mail/api.ts";
import { organisationLookup } from "../../../organisations/api.ts";
import type { TermsInput } from "../agreement-form.ts";
import { issueSigningLink, signingUrl } from "../agreement-links.ts";
import { type SignatureRequestKind, signatureRequestMail } from "../agreement-mails.ts";

export type AgreementDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string };

/** The charter the member accepts when sending (`/programme/charte`). */
export const charterVersion = "2024";

export type MemberSnapshot = { memberName: string; memberEmail: string; memberOrganisation: string; ministryId: string | null };

/** The member as the version keeps them: name, address, organisation and its ministry, as they are now. */
export async function memberSnapshot(db: Executor, userId: string): Promise<MemberSnapshot> {
  const [user] = await db.select({ email: users.email, givenName: users.givenName, usualName: users.usualName, organisationId: users.organisationId }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`Unknown user ${userId}`);
  let memberOrganisation = "";
  let ministryId: string | null = null;
  if (user.organisationId) {
    const organisation = (await organisationLookup.listHierarchy(db)).find((candidate) => candidate.id === user.organisationId);
    memberOrganisation = organisation?.name ?? "";
    ministryId = organisation?.ministryId ?? null;
  }
  return { memberName: displayName(user), memberEmail: user.email, memberOrganisation, ministryId };
}

export function agreementUrl(publicUrl: string, agreementId: string): string {
  return new URL(`/conventions/${agreementId}`, publicUrl).href;
}

/**
 * Writes version `version` of an agreement and asks its signatories: the manager, and the third signatory of
 * the member's ministry when the programme team configured one; each gets a signature row, a personal link
 * and a mail. In the caller's transaction.
 */
export async function writeVersionAndAskSignatories(
  tx: Executor,
  deps: AgreementDeps,
  input: { agreementId: string; version: number; terms: TermsInput; member: MemberSnapshot; kind: SignatureRequestKind; changes?: string[] },
): Promise<void> {
  const now = deps.clock.now();
  const { terms, member } = input;
  await tx.insert(agreementVersions).values({
    agreementId: input.agreementId,
    version: input.version,
    shareKind: terms.shareKind,
    halfDaysPerMonth: terms.halfDaysPerMonth,
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    projects: terms.projects,
    memberName: member.memberName,
    memberEmail: member.memberEmail,
    memberOrganisation: member.memberOrganisation,
    ministryId: member.ministryId,
    managerName: terms.managerName,
    managerEmail: terms.managerEmail,
    charterVersion,
    createdAt: now,
  });
  const signatories: { role: "manager" | "third"; name: string; email: string }[] = [{ role: "manager", name: terms.managerName, email: terms.managerEmail }];
  if (member.ministryId) {
    const [third] = await tx.select().from(agreementThirdSignatories).where(eq(agreementThirdSignatories.ministryId, member.ministryId));
    // The ministry's signatory is asked unless they are the member (nobody signs their own agreement) or the manager.
    const already = [member.memberEmail, terms.managerEmail].map((email) => email.toLowerCase());
    if (third && !already.includes(third.email.toLowerCase())) signatories.push({ role: "third", name: third.name, email: third.email });
  }
  const mailTerms = { ...terms, ...member, version: input.version };
  for (const signatory of signatories) {
    const [created] = await tx
      .insert(agreementSignatures)
      .values({ agreementId: input.agreementId, version: input.version, role: signatory.role, name: signatory.name, email: signatory.email, askedAt: now })
      .returning({ id: agreementSignatures.id });
    const token = await issueSigningLink(tx, created!.id, now);
    await deps.mailer.enqueue(
      tx,
      signatureRequestMail({ to: signatory.email, signatoryName: signatory.name, terms: mailTerms, link: signingUrl(deps.publicUrl, token), kind: input.kind, role: signatory.role, ...(input.changes ? { changes: input.changes } : {}) }),
    );
  }
}

/** Marks the undecided signatures of a version as replaced: their links are refused from now on. Returns them. */
export async function invalidateUndecidedSignatures(tx: Executor, agreementId: string, version: number, now: Date) {
  return tx
    .update(agreementSignatures)
    .set({ invalidatedAt: now })
    .where(and(eq(agreementSignatures.agreementId, agreementId), eq(agreementSignatures.version, version), isNull(agreementSignatures.decision), isNull(agreementSignatures.invalidatedAt)))
    .returning({ id: agreementSignatures.id, name: agreementSignatures.name, email: agreementSignatures.email, role: agreementSignatures.role });
}

export type EventActor = "member" | "manager" | "third" | "programme" | "platform";

export async function recordEvent(tx: Executor, input: { agreementId: string; version: number; kind: string; actor: EventActor; actorName: string; detail?: string; at: Date }) {
  await tx.insert(agreementEvents).values({ agreementId: input.agreementId, version: input.version, kind: input.kind, actor: input.actor, actorName: input.actorName, detail: input.detail ?? "", at: input.at });
}
