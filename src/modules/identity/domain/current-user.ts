import { type RoleGrant, Roles } from "./permissions.ts";

/** The signed-in person, as every route sees it. */
export type CurrentUser = {
  id: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  organisationId: string | null;
  roles: RoleGrant[];
};

/** How the platform names the author of a contribution whose account was deleted. */
export const formerMemberLabel = "Ancien membre";

const erasedDomain = "@supprime.invalid";

/** The address a deleted account keeps: unique, not deliverable (RFC 2606 `.invalid`), and no longer the person's. */
export function erasedAccountEmail(userId: string): string {
  return `ancien-membre-${userId}${erasedDomain}`;
}

export function isErasedAccountEmail(email: string): boolean {
  return email.startsWith("ancien-membre-") && email.endsWith(erasedDomain);
}

export function displayName(user: Pick<CurrentUser, "givenName" | "usualName" | "email">): string {
  if (isErasedAccountEmail(user.email)) return formerMemberLabel;
  const name = [user.givenName, user.usualName].filter(Boolean).join(" ").trim();
  return name || user.email;
}

export function canAdminister(user: Pick<CurrentUser, "roles">): boolean {
  return user.roles.some((grant) => grant.role === Roles.programmeTeam);
}
