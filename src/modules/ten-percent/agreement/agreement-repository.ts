import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { agreementEvents, agreements, agreementSignatures, agreementVersions } from "../../../db/schema/index.ts";
import type { AgreementStatus, Decision, SignatoryRole } from "../domain/agreement-states.ts";
import type { AgreementProject, AgreementTerms, ShareKind } from "../domain/terms.ts";

/** One version's terms, as sent. */
export type AgreementVersion = AgreementTerms & {
  version: number;
  memberName: string;
  memberEmail: string;
  memberOrganisation: string;
  ministryId: string | null;
  charterVersion: string;
  createdAt: Date;
};

export type AgreementSignature = {
  id: string;
  version: number;
  role: SignatoryRole;
  name: string;
  email: string;
  decision: Decision | null;
  reason: string;
  decidedAt: Date | null;
  decidedVia: "link" | "account" | null;
  invalidatedAt: Date | null;
  askedAt: Date;
};

export type AgreementEvent = { id: string; version: number; kind: string; actor: string; actorName: string; detail: string; at: Date };

/** An agreement with its current terms, every version, the signatures and the audit trail. */
export type Agreement = {
  id: string;
  userId: string;
  seasonId: string;
  status: AgreementStatus;
  currentVersion: number;
  shareDetails: boolean;
  endedOn: string | null;
  endedBy: "member" | "manager" | "programme" | null;
  endReason: string;
  createdAt: Date;
  updatedAt: Date;
  /** The current version's terms. */
  terms: AgreementVersion;
  versions: AgreementVersion[];
  /** Signatures of every version, oldest first. */
  signatures: AgreementSignature[];
  events: AgreementEvent[];
};

type VersionRow = typeof agreementVersions.$inferSelect;

export function versionOfRow(row: VersionRow): AgreementVersion {
  return {
    version: row.version,
    shareKind: row.shareKind as ShareKind,
    halfDaysPerMonth: row.halfDaysPerMonth,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    projects: row.projects as AgreementProject[],
    managerName: row.managerName,
    managerEmail: row.managerEmail,
    memberName: row.memberName,
    memberEmail: row.memberEmail,
    memberOrganisation: row.memberOrganisation,
    ministryId: row.ministryId,
    charterVersion: row.charterVersion,
    createdAt: row.createdAt,
  };
}

/** Agreements with their versions, signatures and events, in the order of `ids`. */
export async function loadAgreements(db: Executor, ids: string[]): Promise<Agreement[]> {
  if (ids.length === 0) return [];
  const [rows, versionRows, signatureRows, eventRows] = await Promise.all([
    db.select().from(agreements).where(inArray(agreements.id, ids)),
    db.select().from(agreementVersions).where(inArray(agreementVersions.agreementId, ids)).orderBy(asc(agreementVersions.version)),
    db.select().from(agreementSignatures).where(inArray(agreementSignatures.agreementId, ids)).orderBy(asc(agreementSignatures.version), asc(agreementSignatures.role)),
    db.select().from(agreementEvents).where(inArray(agreementEvents.agreementId, ids)).orderBy(asc(agreementEvents.at), asc(agreementEvents.id)),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const versions = versionRows.filter((version) => version.agreementId === id).map(versionOfRow);
    const terms = versions.find((version) => version.version === row.currentVersion) ?? versions.at(-1)!;
    return [
      {
        id: row.id,
        userId: row.userId,
        seasonId: row.seasonId,
        status: row.status as AgreementStatus,
        currentVersion: row.currentVersion,
        shareDetails: row.shareDetails,
        endedOn: row.endedOn,
        endedBy: row.endedBy as Agreement["endedBy"],
        endReason: row.endReason,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        terms,
        versions,
        signatures: signatureRows
          .filter((signature) => signature.agreementId === id)
          .map((signature) => ({
            id: signature.id,
            version: signature.version,
            role: signature.role as SignatoryRole,
            name: signature.name,
            email: signature.email,
            decision: signature.decision as Decision | null,
            reason: signature.reason,
            decidedAt: signature.decidedAt,
            decidedVia: signature.decidedVia as AgreementSignature["decidedVia"],
            invalidatedAt: signature.invalidatedAt,
            askedAt: signature.askedAt,
          })),
        events: eventRows.filter((event) => event.agreementId === id).map(({ id: eventId, version, kind, actor, actorName, detail, at }) => ({ id: eventId, version, kind, actor, actorName, detail, at })),
      },
    ];
  });
}

export async function findAgreement(db: Executor, id: string): Promise<Agreement | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return (await loadAgreements(db, [id]))[0] ?? null;
}

/** A member's agreements, newest first (every season). */
export async function listAgreementsOfMember(db: Executor, userId: string): Promise<Agreement[]> {
  const rows = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.userId, userId)).orderBy(desc(agreements.createdAt));
  return loadAgreements(db, rows.map((row) => row.id));
}

/** The member's live (sent or accepted) agreement of a season, if any. */
export async function findLiveAgreement(db: Executor, userId: string, seasonId: string): Promise<Agreement | null> {
  const [row] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.userId, userId), eq(agreements.seasonId, seasonId), inArray(agreements.status, ["sent", "accepted"])));
  return row ? findAgreement(db, row.id) : null;
}

/**
 * The agreements whose current version names this address as manager or third signatory (case-insensitive),
 * newest first: what a signed-in manager sees (« Mes agents »).
 */
export async function listAgreementsOfSignatory(db: Executor, email: string): Promise<Agreement[]> {
  const rows = await db
    .selectDistinct({ id: agreements.id, createdAt: agreements.createdAt })
    .from(agreements)
    .innerJoin(agreementSignatures, and(eq(agreementSignatures.agreementId, agreements.id), eq(agreementSignatures.version, agreements.currentVersion)))
    .where(sql`lower(${agreementSignatures.email}) = lower(${email})`)
    .orderBy(desc(agreements.createdAt));
  return loadAgreements(db, rows.map((row) => row.id));
}

/** The signatories of the current version. */
export function currentSignatures(agreement: Agreement): AgreementSignature[] {
  return agreement.signatures.filter((signature) => signature.version === agreement.currentVersion);
}
