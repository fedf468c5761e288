/** Identity: sign-in (magic link, ProConnect), sessions, roles and permissions, the account page. */
export { clearSessionCookie, registerAccessControl, requirePermission } from "./access.ts";
export { canAdminister, type CurrentUser, displayName, formerMemberLabel } from "./domain/current-user.ts";
export { hasPermission, type Permission, type Role, type RoleGrant, Roles } from "./domain/permissions.ts";
export { createProConnectClient, type ProConnectClient } from "./proconnect-client.ts";
export { type IdentityRoutesDeps, registerIdentityRoutes } from "./routes.tsx";
export type { OrganisationLookup } from "./use-cases/accounts.ts";
/** The people module's wizard and profile edit set the account's name and organisation with the profile, in one transaction. */
export { setAccountNameAndOrganisation, type UpdateAccountInput } from "./use-cases/update-account.ts";
export { demoAccounts, seedDemoAccounts } from "./demo-accounts.ts";
/** Members and the organisations they come from, counted for the public key figures. */
export { countCommunity, type CommunityFigures } from "./community-figures.ts";
/** Accounts and AMD grants per organisation: counts for the organisations list, and their move when organisations are merged. */
export { organisationMembers } from "./organisation-members.ts";
/** The account, roles, sessions and sign-in links in the GDPR export and erasure (privacy module). */
export { identityPersonalData } from "./personal-data.ts";
/** Long random tokens of which only the SHA-256 is stored (sign-in links, sessions, the agreement's personal links). */
export { createToken, hashToken } from "./domain/tokens.ts";
