import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { userRoles, users } from "../../db/schema/index.ts";
import { Roles } from "./domain/permissions.ts";

export type CommunityFigures = { experts: number; organisations: number };

/** How many people (deleted accounts excepted) hold the member role, and how many distinct organisations they come from (the home page's key figures). */
export async function countCommunity(db: Executor): Promise<CommunityFigures> {
  const [row] = await db
    .select({ experts: sql<number>`count(distinct ${users.id})::int`, organisations: sql<number>`count(distinct ${users.organisationId})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    // Deleted accounts lose their roles anyway; the explicit filter keeps them out should a role remain.
    .where(and(eq(userRoles.role, Roles.member), isNull(users.erasedAt)));
  return { experts: Number(row?.experts ?? 0), organisations: Number(row?.organisations ?? 0) };
}
