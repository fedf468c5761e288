import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "../../../db/client.ts";
import { sessions, userRoles, users } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { domainOf } from "../domain/email-address.ts";
import { Roles } from "../domain/permissions.ts";
import { createToken, hashToken, sessionLifetimeMs } from "../domain/tokens.ts";

/** How identity finds the organisation of a new account; given by the organisations module. */
export type OrganisationLookup = {
  findIdByEmailDomain(tx: Transaction, domain: string): Promise<string | null>;
  findIdBySiret(tx: Transaction, siret: string): Promise<string | null>;
};

export type AccountClaims = { email: string; givenName?: string | null; usualName?: string | null; siret?: string | null; proconnectSub?: string | null };

/**
 * Finds or creates the account of an address. The unique index on lower(email) makes concurrent
 * first sign-ins converge on one account.
 */
export async function ensureAccount(tx: Transaction, claims: AccountClaims, organisations: OrganisationLookup, now: Date): Promise<string> {
  const existing = claims.proconnectSub
    ? await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.proconnectSub, claims.proconnectSub))
    : [];
  let account = existing[0] ?? (await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(sql`lower(${users.email}) = ${claims.email}`))[0];
  if (!account) {
    const organisationId =
      (claims.siret ? await organisations.findIdBySiret(tx, claims.siret) : null) ?? (await organisations.findIdByEmailDomain(tx, domainOf(claims.email)));
    const inserted = await tx
      .insert(users)
      .values({ email: claims.email, givenName: claims.givenName ?? null, usualName: claims.usualName ?? null, siret: claims.siret ?? null, proconnectSub: claims.proconnectSub ?? null, organisationId })
      .onConflictDoNothing()
      .returning({ id: users.id, organisationId: users.organisationId });
    account = inserted[0] ?? (await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(sql`lower(${users.email}) = ${claims.email}`))[0];
    if (!account) throw new Error("Compte introuvable après création");
  } else if (claims.proconnectSub) {
    // ProConnect is the source of truth for names and SIRET; the person may still correct them later.
    await tx
      .update(users)
      .set({
        proconnectSub: claims.proconnectSub,
        givenName: claims.givenName ?? sql`${users.givenName}`,
        usualName: claims.usualName ?? sql`${users.usualName}`,
        siret: claims.siret ?? sql`${users.siret}`,
        organisationId: account.organisationId ?? (claims.siret ? await organisations.findIdBySiret(tx, claims.siret) : null),
        updatedAt: now,
      })
      .where(eq(users.id, account.id));
  }
  await tx.insert(userRoles).values({ userId: account.id, role: Roles.member }).onConflictDoNothing();
  await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, account.id));
  return account.id;
}

export type OpenedSession = { token: string; sessionId: string; expiresAt: Date };

export async function openSession(
  tx: Transaction,
  input: { userId: string; method: "magic_link" | "proconnect"; userAgent?: string | undefined; idToken?: string | undefined },
  clock: Clock,
): Promise<OpenedSession> {
  const token = createToken();
  const expiresAt = new Date(clock.now().getTime() + sessionLifetimeMs);
  const [row] = await tx
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: input.userId, method: input.method, userAgent: input.userAgent?.slice(0, 300) ?? null, idToken: input.idToken ?? null, expiresAt, createdAt: clock.now(), lastSeenAt: clock.now() })
    .returning({ id: sessions.id });
  if (!row) throw new Error("Session non créée");
  return { token, sessionId: row.id, expiresAt };
}

export async function revokeSessionRow(tx: Transaction, where: { sessionId: string; userId: string }, now: Date): Promise<boolean> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, where.sessionId), eq(sessions.userId, where.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
