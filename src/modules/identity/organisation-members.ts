import { and, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import { userRoles, users } from "../../db/schema/index.ts";

/**
 * The accounts and scoped role grants (AMD) of organisations, for the organisations module: counts on
 * its list, and the move of everything an organisation holds when it is merged into another.
 */
export const organisationMembers = {
  /** Accounts per organisation id (organisations without accounts are absent). */
  async countAccountsByOrganisation(db: Executor): Promise<Map<string, number>> {
    const rows = await db
      .select({ organisationId: users.organisationId, count: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.organisationId} is not null`)
      .groupBy(users.organisationId);
    return new Map(rows.map((row) => [row.organisationId!, Number(row.count)]));
  },

  /** How many accounts and role grants are attached to one organisation. */
  async countInOrganisation(db: Executor, organisationId: string): Promise<{ accounts: number; roleGrants: number }> {
    const [accounts] = await db.select({ count: sql<number>`count(*)::int` }).from(users).where(eq(users.organisationId, organisationId));
    const [grants] = await db.select({ count: sql<number>`count(*)::int` }).from(userRoles).where(eq(userRoles.organisationId, organisationId));
    return { accounts: Number(accounts?.count ?? 0), roleGrants: Number(grants?.count ?? 0) };
  },

  /**
   * Moves the accounts and role grants of `fromId` to `toId`, inside the caller's transaction. A grant
   * the person already holds on `toId` is dropped rather than duplicated (index one_role_grant_per_scope).
   */
  async moveToOrganisation(tx: Transaction, fromId: string, toId: string): Promise<{ accounts: number; roleGrants: number; droppedRoleGrants: number }> {
    const movedAccounts = await tx.update(users).set({ organisationId: toId, updatedAt: sql`now()` }).where(eq(users.organisationId, fromId)).returning({ id: users.id });
    const duplicates = await tx
      .delete(userRoles)
      .where(
        and(
          eq(userRoles.organisationId, fromId),
          sql`exists (select 1 from user_roles kept where kept.user_id = ${userRoles.userId} and kept.role = ${userRoles.role} and kept.organisation_id = ${toId})`,
        ),
      )
      .returning({ id: userRoles.id });
    const movedGrants = await tx.update(userRoles).set({ organisationId: toId }).where(eq(userRoles.organisationId, fromId)).returning({ id: userRoles.id });
    return { accounts: movedAccounts.length, roleGrants: movedGrants.length, droppedRoleGrants: duplicates.length };
  },
};
