import type { Executor } from "../../../db/client.ts";
import { type CurrentUser, hasPermission, Roles } from "../../identity/api.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { canReview, type ReviewAccess, reviewAccess, type Reviewer, type ReviewedProposal } from "../domain/review-rights.ts";
import { listReviewerAccounts, type ProposalWithAuthor } from "../repository.ts";

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

/** What this signed-in person may do with this proposal in qualification (see, score, act; their conflict). */
export async function reviewAccessOf(db: Executor, user: CurrentUser, proposal: ProposalWithAuthor): Promise<ReviewAccess> {
  const ministries = await ministryMap(db);
  return reviewAccess(reviewerOf(user, ministries), reviewedOf(proposal, ministries));
}

/** The names of the people who may score this proposal without conflict (programme team and AMDs concerned). */
export async function listReviewersWithoutConflict(db: Executor, proposal: ProposalWithAuthor): Promise<string[]> {
  const ministries = await ministryMap(db);
  const reviewed = reviewedOf(proposal, ministries);
  const accounts = new Map<string, { name: string; reviewer: Reviewer }>();
  for (const row of await listReviewerAccounts(db)) {
    const account = accounts.get(row.id) ?? { name: row.name, reviewer: { id: row.id, organisationId: row.organisationId, reviewsAny: false, amdOf: [] } };
    if (row.role === Roles.programmeTeam) account.reviewer.reviewsAny = true;
    else if (row.scopeId) account.reviewer.amdOf.push({ id: row.scopeId, ministryId: ministries.get(row.scopeId) ?? null });
    accounts.set(row.id, account);
  }
  return [...accounts.values()].filter((account) => canReview(account.reviewer, reviewed)).map((account) => account.name);
}
