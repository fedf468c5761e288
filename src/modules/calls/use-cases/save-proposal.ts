import { ForbiddenError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { CurrentUser } from "../../identity/api.ts";
import type { CallsDeps } from "../deps.ts";
import { callStatus } from "../domain/call-window.ts";
import { isEditableByAuthor, nextProposalState, type ProposalState, stateLabel } from "../domain/proposal-states.ts";
import { findCall, findCurrentCall, findProposal, insertProposal, insertTransition, updateProposal } from "../repository.ts";
import type { ProposalForm } from "../schemas.ts";
import { mailSubmissionReceipt, notifyConcernedAmds } from "./notify.ts";
import { ministryMap } from "./review-context.ts";

export type SaveIntent = "draft" | "submit";

export class StaleProposalError extends InvalidInputError {
  constructor() {
    super({ _form: "La proposition a été modifiée entre-temps (dans un autre onglet ou par une autre action). Rechargez la page pour repartir de la dernière version, puis refaites vos changements." }, "stale_proposal");
  }
}

function fieldsOf(form: ProposalForm) {
  return {
    title: form.title,
    problem: form.problem,
    needHolders: form.needHolders,
    expectedImpact: form.expectedImpact,
    successIndicators: form.successIndicators,
    dataSources: form.dataSources,
    dataAccess: form.dataAccess,
    deliverable: form.deliverable,
    milestones: form.milestones,
    upkeep: form.upkeep,
    codeRepository: form.codeRepository ?? null,
    codeLicence: form.codeLicence ?? null,
    sponsorOrganisationId: form.sponsorOrganisationId ?? null,
    participatingOrganisationIds: form.participatingOrganisationIds,
    skillsSought: form.skills,
  };
}

function submissionRefusal(call: { opensAt: Date; closesAt: Date }, now: Date): string | null {
  const status = callStatus(call, now);
  if (status === "upcoming") return "L’appel à projets n’est pas encore ouvert\u00a0: vous pourrez déposer votre proposition à son ouverture. Votre brouillon est enregistré.";
  if (status === "closed") return "L’appel à projets est clos\u00a0: il n’est plus possible de déposer de proposition. Votre brouillon est enregistré.";
  return null;
}

/**
 * Creates or updates a proposal of its author. « draft » saves (only the title is required); « submit »
 * deposits a draft (only while the call is open, by the server's clock) or answers an information request.
 * The state change and its log are in one transaction with the edit; a stale `version` is refused.
 */
export function createSaveProposal(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string | null; form: ProposalForm; intent: SaveIntent }): Promise<SaveResult> => {
    const now = deps.clock.now();
    const fields = fieldsOf(input.form);
    if (!input.proposalId) {
      const call = await findCurrentCall(deps.db, now);
      if (!call || callStatus(call, now) === "closed") throw new InvalidInputError({ _form: "Aucun appel à projets n’est ouvert en ce moment." });
      return deps.db.transaction(async (tx) => {
        const id = await insertProposal(tx, { ...fields, callId: call.id, authorId: input.user.id, createdAt: now });
        if (input.intent === "draft") return { id, state: "draft" as const, refused: null };
        // Refused submission: the draft is kept so nothing typed is lost.
        const refused = submissionRefusal(call, now);
        if (refused) return { id, state: "draft" as const, refused };
        return { id, state: await transition(tx, id, 1), refused: null };
      });
    }

    const proposalId = input.proposalId;
    return deps.db.transaction(async (tx) => {
      const proposal = await findProposal(tx, proposalId);
      if (!proposal) throw new NotFoundError();
      if (proposal.authorId !== input.user.id) throw new ForbiddenError("Seul l’auteur ou l’autrice d’une proposition peut la modifier.");
      const state = proposal.state as ProposalState;
      if (!isEditableByAuthor(state)) throw new ForbiddenError(`Cette proposition ne peut plus être modifiée\u00a0: elle est à l’état «\u00a0${stateName(state)}\u00a0».`);
      const version = input.form.version ?? proposal.version;
      if (!(await updateProposal(tx, proposalId, version, { ...fields, updatedAt: now }))) throw new StaleProposalError();
      if (input.intent === "draft") return { id: proposalId, state, refused: null };
      if (state === "draft") {
        const call = await findCall(tx, proposal.callId);
        const refused = call ? submissionRefusal(call, now) : "Cet appel à projets n’existe plus.";
        if (refused) return { id: proposalId, state, refused };
      }
      return { id: proposalId, state: await transition(tx, proposalId, version + 1), refused: null };
    });

    async function transition(tx: Parameters<Parameters<CallsDeps["db"]["transaction"]>[0]>[0], id: string, version: number): Promise<ProposalState> {
      const proposal = (await findProposal(tx, id))!;
      const from = proposal.state as ProposalState;
      const to = nextProposalState(from, from === "information_requested" ? "answer" : "submit");
      const answer = from === "information_requested" ? (input.form.answer ?? null) : null;
      if (from === "information_requested" && !answer) throw new InvalidInputError({ answer: "Répondez à la question posée avant d’envoyer." });
      if (!(await updateProposal(tx, id, version, { state: to, updatedAt: now, ...(from === "draft" ? { submittedAt: now } : { informationRequest: null }) }))) throw new StaleProposalError();
      await insertTransition(tx, { proposalId: id, fromState: from, toState: to, actorId: input.user.id, message: answer, createdAt: now });
      if (from === "draft") {
        await notifyConcernedAmds(tx, deps.mailer, deps.publicUrl, { ...proposal, state: to }, await ministryMap(tx));
        await mailSubmissionReceipt(tx, deps.mailer, deps.publicUrl, proposal);
      }
      return to;
    }
  };
}

export type SaveResult = { id: string; state: ProposalState; refused: string | null };

function stateName(state: ProposalState) {
  return stateLabel(state).toLowerCase();
}
