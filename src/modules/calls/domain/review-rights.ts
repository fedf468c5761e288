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

/** Nobody scores a proposal of their own team: its author, or a person of the author's organisation. */
export function isOwnTeam(reviewer: Pick<Reviewer, "id" | "organisationId">, proposal: Pick<ReviewedProposal, "authorId" | "authorOrganisationId">): boolean {
  if (reviewer.id === proposal.authorId) return true;
  return reviewer.organisationId !== null && reviewer.organisationId === proposal.authorOrganisationId;
}

/** Why a reviewer may not act freely: they wrote the proposal, or they belong to its author's organisation. */
export type Conflict = "author" | "own_organisation";

/** What a person may do with a proposal in qualification (ADR 0025). */
export type ReviewAccess = {
  /** On their review table (the team: every proposal; an AMD: those involving their organisation or ministry). */
  sees: boolean;
  /** Scores the three criteria: only a reviewer without conflict. */
  scores: boolean;
  /** Asks the author for information and (with `decide:proposal:any`) decides; with `conflict` set, only by declaring it. */
  acts: boolean;
  conflict: Conflict | null;
};

function inScope(reviewer: Reviewer, proposal: ReviewedProposal): boolean {
  if (reviewer.reviewsAny) return true;
  return reviewer.amdOf.some((scope) =>
    proposal.involved.some((organisation) => organisation.id === scope.id || (scope.ministryId !== null && organisation.ministryId === scope.ministryId)),
  );
}

/**
 * The programme team sees every proposal, an AMD those that involve their organisation or ministry (the author's
 * organisation, the sponsor or a participating organisation). Scores come only from reviewers without conflict.
 * A conflict leads somewhere: the author never acts on their own proposal; a programme team member of the
 * author's organisation asks and decides only by declaring the conflict, which is recorded and shown (the team
 * must be able to decide on its own organisation's proposals); an AMD of the author's organisation leaves it
 * to the other reviewers.
 */
export function reviewAccess(reviewer: Reviewer, proposal: ReviewedProposal): ReviewAccess {
  if (!inScope(reviewer, proposal)) return { sees: false, scores: false, acts: false, conflict: null };
  if (reviewer.id === proposal.authorId) return { sees: true, scores: false, acts: false, conflict: "author" };
  if (isOwnTeam(reviewer, proposal)) return { sees: true, scores: false, acts: reviewer.reviewsAny, conflict: "own_organisation" };
  return { sees: true, scores: true, acts: true, conflict: null };
}

/** Who scores a proposal (and is mailed when it is submitted): a reviewer in scope without conflict. */
export function canReview(reviewer: Reviewer, proposal: ReviewedProposal): boolean {
  return reviewAccess(reviewer, proposal).scores;
}
