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

export function displayName(user: Pick<CurrentUser, "givenName" | "usualName" | "email">): string {
  const name = [user.givenName, user.usualName].filter(Boolean).join(" ").trim();
  return name || user.email;
}

export function canAdminister(user: Pick<CurrentUser, "roles">): boolean {
  return user.roles.some((grant) => grant.role === Roles.programmeTeam);
}
