import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import { magicLinks, sessions, userRoles, users } from "../../db/schema/index.ts";
import type { CurrentUser } from "./domain/current-user.ts";
import { isRole, type RoleGrant } from "./domain/permissions.ts";

export type Account = CurrentUser & { siret: string | null; createdAt: Date; lastSignInAt: Date | null };
export type SessionSummary = { id: string; method: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date; expiresAt: Date };

const accountColumns = {
  id: users.id,
  email: users.email,
  givenName: users.givenName,
  usualName: users.usualName,
  organisationId: users.organisationId,
  siret: users.siret,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

async function rolesOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db.select({ role: userRoles.role, organisationId: userRoles.organisationId }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.flatMap((row) => (isRole(row.role) ? [{ role: row.role, organisationId: row.organisationId }] : []));
}

export async function findAccountById(db: Executor, id: string): Promise<Account | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  return row ? { ...row, roles: await rolesOf(db, id) } : null;
}

export async function findAccountByEmail(db: Executor, email: string): Promise<Account | null> {
  const [row] = await db.select(accountColumns).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ? { ...row, roles: await rolesOf(db, row.id) } : null;
}

/** The user of a live session (not revoked, not expired), in one query. */
export async function findSessionUser(db: Executor, tokenHash: string, now: Date): Promise<{ sessionId: string; lastSeenAt: Date; user: CurrentUser } | null> {
  const [row] = await db
    .select({ sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, ...accountColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    lastSeenAt: row.lastSeenAt,
    user: { id: row.id, email: row.email, givenName: row.givenName, usualName: row.usualName, organisationId: row.organisationId, roles: await rolesOf(db, row.id) },
  };
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function listActiveSessions(db: Executor, userId: string, now: Date): Promise<SessionSummary[]> {
  return db
    .select({ id: sessions.id, method: sessions.method, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function findSessionIdToken(db: Executor, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ idToken: sessions.idToken }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.idToken ?? null;
}

/**
 * Serialises the requests for sign-in links to one address until the transaction ends, so that the
 * per-address limit is counted and then used by one request at a time (on any case of the address).
 */
export async function lockMagicLinksOfAddress(tx: Transaction, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('magic_links_per_address'), hashtext(${email.toLowerCase()}))`);
}

export async function countRecentMagicLinks(db: Executor, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(magicLinks)
    .where(and(sql`lower(${magicLinks.email}) = ${email.toLowerCase()}`, gt(magicLinks.createdAt, since)));
  return row?.count ?? 0;
}
