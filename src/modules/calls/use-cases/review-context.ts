import type { Executor } from "../../../db/client.ts";
import { type CurrentUser, hasPermission, Roles } from "../../identity/api.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { canReview, type Reviewer, type ReviewedProposal } from "../domain/review-rights.ts";
import type { ProposalWithAuthor } from "../repository.ts";

export type MinistryMap = Map<string, string | null>;

export async function ministryMap(db: Executor): Promise<MinistryMap> {
  return new Map((await organisationLookup.listHierarchy(db)).map((organisation) => [organisation.id, organisation.ministryId]));
}

export function reviewerOf(user: Pick<CurrentUser, "id" | "organisationId" | "roles">, ministries: MinistryMap): Reviewer {
  return {
    id: user.id,
    organisationId: user.organisationId,
    reviewsAny: hasPermission(user, "review:proposal:any"),
    amdOf: user.roles
      .filter((grant) => grant.role === Roles.ministryDataAdmin && grant.organisationId)
      .map((grant) => ({ id: grant.organisationId!, ministryId: ministries.get(grant.organisationId!) ?? null })),
  };
}

export function reviewedOf(proposal: Pick<ProposalWithAuthor, "authorId" | "authorOrganisationId" | "sponsorOrganisationId" | "participatingOrganisationIds">, ministries: MinistryMap): ReviewedProposal {
  const ids = [proposal.authorOrganisationId, proposal.sponsorOrganisationId, ...proposal.participatingOrganisationIds].filter((id): id is string => Boolean(id));
  return {
    authorId: proposal.authorId,
    authorOrganisationId: proposal.authorOrganisationId,
    involved: [...new Set(ids)].map((id) => ({ id, ministryId: ministries.get(id) ?? null })),
  };
}

/** Whether this signed-in person may review (score, ask, decide on) this proposal. */
export async function mayReview(db: Executor, user: CurrentUser, proposal: ProposalWithAuthor): Promise<boolean> {
  const ministries = await ministryMap(db);
  return canReview(reviewerOf(user, ministries), reviewedOf(proposal, ministries));
}
