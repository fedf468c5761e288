/** An organisation with the ministry it depends on (itself for a ministry), from the organisations' hierarchy. */
export type OrganisationInMinistry = { id: string; ministryId: string | null };

export type Reviewer = {
  id: string;
  organisationId: string | null;
  /** Holds `review:proposal:any` (the programme team). */
  reviewsAny: boolean;
  /** The organisations the person is AMD of (`review:proposal:own`), with their ministry. */
  amdOf: OrganisationInMinistry[];
};

export type ReviewedProposal = {
  authorId: string;
  authorOrganisationId: string | null;
  /** The author's organisation, the sponsor and the participating organisations, with their ministry. */
  involved: OrganisationInMinistry[];
};

/** Nobody reviews a proposal of their own team: its author, or a person of the author's organisation. */
export function isOwnTeam(reviewer: Pick<Reviewer, "id" | "organisationId">, proposal: Pick<ReviewedProposal, "authorId" | "authorOrganisationId">): boolean {
  if (reviewer.id === proposal.authorId) return true;
  return reviewer.organisationId !== null && reviewer.organisationId === proposal.authorOrganisationId;
}

/**
 * Who may review a proposal: the programme team, and an AMD for a proposal that involves their organisation
 * or their ministry (the author's organisation, the sponsor or a participating organisation); never their own team.
 */
export function canReview(reviewer: Reviewer, proposal: ReviewedProposal): boolean {
  if (isOwnTeam(reviewer, proposal)) return false;
  if (reviewer.reviewsAny) return true;
  return reviewer.amdOf.some((scope) =>
    proposal.involved.some((organisation) => organisation.id === scope.id || (scope.ministryId !== null && organisation.ministryId === scope.ministryId)),
  );
}
