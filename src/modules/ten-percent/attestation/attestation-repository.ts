import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { attestations, organisations, projects, teamMembers, users } from "../../../db/schema/index.ts";
import { displayName } from "../../identity/api.ts";
import type { AttestationFacts } from "./attestation-facts.ts";

/** An issued attestation, without its PDF's bytes. */
export type AttestationSummary = { id: string; code: string; seasonId: string; facts: AttestationFacts; sha256: string; issuedAt: Date };

const summaryColumns = { id: attestations.id, code: attestations.code, seasonId: attestations.seasonId, facts: attestations.facts, sha256: attestations.sha256, issuedAt: attestations.issuedAt };

function summaryOf(row: { id: string; code: string; seasonId: string; facts: unknown; sha256: string; issuedAt: Date }): AttestationSummary {
  return { ...row, facts: row.facts as AttestationFacts };
}

export async function insertAttestation(db: Executor, input: { code: string; userId: string; seasonId: string; facts: AttestationFacts; pdf: Buffer; sha256: string; issuedAt: Date }): Promise<string> {
  const [row] = await db.insert(attestations).values(input).returning({ id: attestations.id });
  return row!.id;
}

/** A member's attestations, newest first. */
export async function listAttestationsOfMember(db: Executor, userId: string): Promise<AttestationSummary[]> {
  const rows = await db.select(summaryColumns).from(attestations).where(eq(attestations.userId, userId)).orderBy(desc(attestations.issuedAt), desc(attestations.code));
  return rows.map(summaryOf);
}

/** The PDF of the member's attestation `id`; null when it is not theirs or does not exist. */
export async function findAttestationPdfOfMember(db: Executor, userId: string, id: string): Promise<{ code: string; facts: AttestationFacts; pdf: Buffer } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select({ code: attestations.code, facts: attestations.facts, pdf: attestations.pdf }).from(attestations).where(and(eq(attestations.id, id), eq(attestations.userId, userId)));
  return row ? { code: row.code, facts: row.facts as AttestationFacts, pdf: row.pdf } : null;
}

/** The attestation of a canonical code (`P10-XXXX-XXXX-XXXX`), if any. */
export async function findAttestationByCode(db: Executor, code: string): Promise<AttestationSummary | null> {
  const [row] = await db.select(summaryColumns).from(attestations).where(eq(attestations.code, code));
  return row ? summaryOf(row) : null;
}

/** The member's name and organisation (« Institut … (Insee) ») as the platform knows them now. */
export async function findMemberIdentity(db: Executor, userId: string): Promise<{ name: string; organisation: string } | null> {
  const [row] = await db
    .select({ email: users.email, givenName: users.givenName, usualName: users.usualName, organisation: organisations.name, acronym: organisations.acronym })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row) return null;
  const organisation = row.organisation && row.acronym ? `${row.organisation} (${row.acronym})` : (row.organisation ?? "");
  return { name: displayName(row), organisation };
}

/** The projects of the member's teams in a season (as lead, contributor or coach), by title. */
export async function listTeamProjectsOfMember(db: Executor, userId: string, seasonId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ title: projects.title })
    .from(teamMembers)
    .innerJoin(projects, eq(projects.id, teamMembers.projectId))
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, seasonId)))
    .orderBy(asc(projects.title));
  return rows.map((row) => row.title);
}
