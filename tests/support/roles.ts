import type { RouteAccess } from "../../src/http/fastify-types.ts";
import { demoAccounts, hasPermission, type RoleGrant, Roles } from "../../src/modules/identity/api.ts";
import { csrfTokenIn, type HttpSession } from "./http.ts";
import { httpSessionOn, signInOverHttp } from "./http-sign-in.ts";
import type { TestPlatform } from "./test-platform.ts";

/** Someone the route × role and fuzz tests act as: a demo account, or nobody signed in. */
export type TestRole = { name: string; email: string | null };

/**
 * The roles every route is walked as (ADR 0029). The one place to add a role: the « manager by link »
 * of issue 16 goes here with its demo account when it exists.
 */
export const testRoles: TestRole[] = [
  { name: "anonyme", email: null },
  { name: "membre", email: "ines.benali@insee.fr" },
  { name: "coach", email: "marc.petit@numerique.gouv.fr" },
  { name: "administratrice ministérielle des données", email: "sophie.durand@interieur.gouv.fr" },
  { name: "équipe du programme", email: "camille.martin@numerique.gouv.fr" },
];

function grantsOf(role: TestRole): RoleGrant[] | null {
  if (!role.email) return null;
  const account = demoAccounts.find((candidate) => candidate.email === role.email);
  if (!account) throw new Error(`Pas de compte de démonstration ${role.email}`);
  // At route level a scoped grant counts whatever its organisation; any non-null one stands for it.
  return account.roles.map((held) => ({ role: held, organisationId: held === Roles.ministryDataAdmin ? "scoped" : null }));
}

/** Whether the route's declared access lets `role` in (the route level; a handler may still refuse a resource). */
export function mayEnter(role: TestRole, access: RouteAccess): boolean {
  if (access === "public") return true;
  const grants = grantsOf(role);
  if (!grants) return false;
  if (access === "signed-in") return true;
  return hasPermission({ id: "test-subject", roles: grants }, access);
}

/** A role's HTTP session (signed in through the real magic link when it has an account) and a valid CSRF token for it. */
export type RoleSession = { role: TestRole; http: HttpSession; csrf: string };

export async function openRoleSession(platform: TestPlatform, role: TestRole): Promise<RoleSession> {
  const http = role.email ? await signInOverHttp(platform, role.email) : httpSessionOn(platform);
  // Any form's token is valid for the session's CSRF secret; /contact is a form every role may open.
  const csrf = csrfTokenIn((await http.get("/contact")).body);
  if (!csrf) throw new Error(`Pas de jeton CSRF pour ${role.name}`);
  return { role, http, csrf };
}
