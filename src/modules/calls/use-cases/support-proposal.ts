import { ForbiddenError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { CurrentUser } from "../../identity/api.ts";
import type { CallsDeps } from "../deps.ts";
import { deleteSupport, findProposal, insertSupport, lockProposalState } from "../repository.ts";

/** States in which a proposal can receive « Nous aussi ». */
export const supportableStates = ["submitted", "under_review"];

/** States in which a supporter may still withdraw their « Nous aussi »: until the proposal is decided. */
export const withdrawableSupportStates = ["submitted", "under_review", "information_requested"];

/**
 * « Nous aussi » : a member of another organisation than the author's says their organisation has the
 * same need, in one line. One support per person (a second one, e.g. a double click, changes nothing).
 */
export function createSupportProposal(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string; statement: string }): Promise<{ added: boolean }> => {
    const proposal = await findProposal(deps.db, input.proposalId);
    if (!proposal || proposal.state === "draft") throw new NotFoundError();
    if (proposal.authorId === input.user.id) throw new ForbiddenError("Vous ne pouvez pas soutenir votre propre proposition.");
    if (!input.user.organisationId) throw new InvalidInputError({ statement: "Indiquez d’abord votre organisation dans votre profil\u00a0: «\u00a0Nous aussi\u00a0» compte les organisations qui partagent le besoin." });
    if (input.user.organisationId === proposal.authorOrganisationId) {
      throw new ForbiddenError("«\u00a0Nous aussi\u00a0» est réservé aux membres d’une autre organisation que celle de l’auteur ou de l’autrice\u00a0: votre organisation porte déjà cette proposition.");
    }
    if (!supportableStates.includes(proposal.state)) throw new InvalidInputError({ statement: "Cette proposition n’est plus ouverte aux soutiens." });
    const added = await insertSupport(deps.db, { proposalId: proposal.id, userId: input.user.id, organisationId: input.user.organisationId, statement: input.statement, createdAt: deps.clock.now() });
    return { added };
  };
}

/**
 * Its author withdraws a « Nous aussi », until the proposal is decided (the decision weighed the supports).
 * Withdrawing a support that no longer exists (a double click) changes nothing.
 */
export function createWithdrawSupport(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string }): Promise<{ removed: boolean }> => {
    return deps.db.transaction(async (tx) => {
      // The proposal is locked so that a decision is not taken between the check and the removal.
      const state = await lockProposalState(tx, input.proposalId);
      if (!state || state === "draft") throw new NotFoundError();
      if (!withdrawableSupportStates.includes(state)) throw new InvalidInputError({ _form: "Cette proposition a reçu sa décision\u00a0: votre soutien ne peut plus être retiré." });
      return { removed: await deleteSupport(tx, input.proposalId, input.user.id) };
    });
  };
}
