import type { Database, Executor } from "../../db/client.ts";
import type { PublicDomains } from "./domain/public-domains.ts";
import type { OrganisationMembersMover } from "./use-cases/merge-organisations.ts";

/** The accounts and AMD grants of organisations, which identity keeps; given by the composition root. */
export type OrganisationMembers = OrganisationMembersMover & {
  countAccountsByOrganisation(db: Executor): Promise<Map<string, number>>;
  countInOrganisation(db: Executor, organisationId: string): Promise<{ accounts: number; roleGrants: number }>;
};

export type OrganisationRoutesDeps = { db: Database; publicDomains: PublicDomains; members: OrganisationMembers };
