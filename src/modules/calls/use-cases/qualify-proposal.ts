import type { Transaction } from "../../../db/client.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../../identity/api.ts";
import { createProjectFromProposal } from "../../projects/api.ts";
import type { CallsDeps } from "../deps.ts";
import { nextProposalState, type ProposalAction, type ProposalState } from "../domain/proposal-states.ts";
import type { Scores } from "../domain/criteria.ts";
import { findCall, findProjectOfProposal, findProposal, insertTransition, listSupports, type ProposalWithAuthor, updateProposal, upsertReview } from "../repository.ts";
import { mailDecision } from "./notify.ts";
import type { ReviewAccess } from "../domain/review-rights.ts";
import { reviewAccessOf } from "./review-context.ts";

/** The French refusals of qualification (ADR 0025), shared with the routes. */
export const reviewRefusals = {
  outOfScope: "Vous ne pouvez pas qualifier cette proposition\u00a0: elle ne concerne pas votre organisation ou votre ministère.",
  author: "Vous ne pouvez ni qualifier ni décider une proposition dont vous êtes l’auteur ou l’autrice.",
  ownOrganisationScore: "Vous ne notez pas cette proposition\u00a0: elle vient de la même organisation que vous (conflit d’intérêts). Les relecteurs et relectrices sans conflit la notent.",
  ownOrganisationAct: "Cette proposition vient de la même organisation que vous (conflit d’intérêts)\u00a0: les relecteurs et relectrices sans conflit la qualifient et l’équipe du programme en décide.",
} as const;

/** The field error when a programme team member acts on their organisation's proposal without declaring the conflict. */
export const conflictNotDeclared = {
  information: "Cochez la déclaration de conflit d’intérêts pour questionner l’auteur ou l’autrice d’une proposition de votre organisation.",
  decision: "Cochez la déclaration de conflit d’intérêts pour décider d’une proposition de votre organisation.",
} as const;

/**
 * Throws unless the person may `open` the review screen, `score` the proposal, or act on it (ask for
 * `information`, take a `decision`): a conflicted team member
 * acts only with `conflictDeclared` (InvalidInputError at the field otherwise). Returns whether the step is
 * taken under a declared conflict, to be logged with it.
 */
export function requireReviewRight(access: ReviewAccess, right: "open" | "score" | "information" | "decision", conflictDeclared = false): { conflictDeclared: boolean } {
  if (!access.sees) throw new ForbiddenError(reviewRefusals.outOfScope);
  if (access.conflict === "author") throw new ForbiddenError(reviewRefusals.author);
  if (right === "score") {
    if (!access.scores) throw new ForbiddenError(reviewRefusals.ownOrganisationScore);
    return { conflictDeclared: false };
  }
  if (!access.acts) throw new ForbiddenError(reviewRefusals.ownOrganisationAct);
  // Opening the review screen needs no declaration: it is asked on the forms that change something.
  if (right === "open") return { conflictDeclared: false };
  if (access.conflict === null) return { conflictDeclared: false };
  if (!conflictDeclared) throw new InvalidInputError({ conflictDeclared: conflictNotDeclared[right] });
  return { conflictDeclared: true };
}

async function reviewable(tx: Transaction, user: CurrentUser, proposalId: string, right: "score" | "information" | "decision", conflictDeclared = false) {
  const proposal = await findProposal(tx, proposalId);
  if (!proposal || proposal.state === "draft") throw new NotFoundError();
  const declared = requireReviewRight(await reviewAccessOf(tx, user, proposal), right, conflictDeclared);
  return { proposal, ...declared };
}

async function move(tx: Transaction, proposal: ProposalWithAuthor, action: ProposalAction, actorId: string, message: string | null, now: Date, extra: Parameters<typeof updateProposal>[3] = {}, conflictDeclared = false): Promise<ProposalState> {
  const from = proposal.state as ProposalState;
  const to = nextProposalState(from, action);
  await updateProposal(tx, proposal.id, proposal.version, { state: to, updatedAt: now, ...extra });
  await insertTransition(tx, { proposalId: proposal.id, fromState: from, toState: to, actorId, message, conflictDeclared, createdAt: now });
  return to;
}

/** A reviewer scores the three criteria (0–3) with a comment and a private note; a submitted proposal goes « en qualification ». */
export function createReviewProposal(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string; scores: Scores; comment: string; privateNote: string | null }) =>
    deps.db.transaction(async (tx) => {
      const { proposal } = await reviewable(tx, input.user, input.proposalId, "score");
      const now = deps.clock.now();
      if (proposal.state === "selected" || proposal.state === "declined") nextProposalState(proposal.state, "start_review");
      await upsertReview(tx, { proposalId: proposal.id, reviewerId: input.user.id, ...input.scores, comment: input.comment, privateNote: input.privateNote, at: now });
      if (proposal.state === "submitted") await move(tx, proposal, "start_review", input.user.id, null, now);
    });
}

/** A reviewer asks the author for more information: the question is mailed to the author, who edits and answers. */
export function createRequestInformation(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string; question: string; conflictDeclared?: boolean }) =>
    deps.db.transaction(async (tx) => {
      const { proposal, conflictDeclared } = await reviewable(tx, input.user, input.proposalId, "information", input.conflictDeclared);
      const now = deps.clock.now();
      await move(tx, proposal, "request_information", input.user.id, input.question, now, { informationRequest: input.question }, conflictDeclared);
      await deps.mailer.enqueue(tx, {
        to: proposal.authorEmail,
        subject: `Des informations sont demandées sur votre proposition «\u00a0${proposal.title}\u00a0»`,
        text: [
          "Bonjour,",
          "",
          `Pour qualifier votre proposition «\u00a0${proposal.title}\u00a0», l’équipe de qualification vous pose cette question\u00a0:`,
          "",
          input.question,
          "",
          "Complétez votre proposition et répondez ici\u00a0:",
          `${deps.publicUrl}/appel-a-projets/${proposal.id}/modifier`,
          "",
          "L’équipe du Programme 10\u00a0%",
        ].join("\n"),
      });
    });
}

export type Decision = "select" | "decline" | "reconsider";
const decisionTexts: Record<Decision, string> = {
  select: "elle est retenue pour la saison",
  decline: "elle n’est pas retenue",
  reconsider: "elle est remise en qualification (à revoir)",
};

/**
 * The programme team decides: retenue (the project is created in the same transaction), non retenue, or à
 * revoir (back to qualification). The reason is mailed to the author and the supporters.
 */
export function createDecideProposal(deps: CallsDeps) {
  return async (input: { user: CurrentUser; proposalId: string; decision: Decision; reason: string; conflictDeclared?: boolean }): Promise<{ projectSlug: string | null }> => {
    if (!hasPermission(input.user, "decide:proposal:any")) throw new ForbiddenError("Seule l’équipe du programme décide des propositions retenues.");
    return deps.db.transaction(async (tx) => {
      const { proposal, conflictDeclared } = await reviewable(tx, input.user, input.proposalId, "decision", input.conflictDeclared);
      const now = deps.clock.now();
      const to = await move(tx, proposal, input.decision, input.user.id, input.reason, now, { decisionReason: input.reason, decidedAt: input.decision === "reconsider" ? null : now }, conflictDeclared);
      let projectSlug: string | null = null;
      const existingProject = to === "selected" ? await findProjectOfProposal(tx, proposal.id) : null;
      if (existingProject) projectSlug = existingProject.slug;
      else if (to === "selected") {
        const call = await findCall(tx, proposal.callId);
        const project = await createProjectFromProposal(tx, {
          proposalId: proposal.id,
          title: proposal.title,
          problem: proposal.problem,
          codeRepository: proposal.codeRepository,
          skillsSought: proposal.skillsSought,
          sponsorOrganisationId: proposal.sponsorOrganisationId,
          participatingOrganisationIds: proposal.participatingOrganisationIds,
          seasonId: call!.seasonId,
          decidedBy: input.user.id,
          reason: input.reason,
          decidedAt: now,
        });
        projectSlug = project.slug;
      }
      const supporters = await listSupports(tx, proposal.id);
      await mailDecision(tx, deps.mailer, deps.publicUrl, [proposal.authorEmail, ...supporters.map((support) => support.email)], proposal, decisionTexts[input.decision], input.reason, conflictDeclared);
      return { projectSlug };
    });
  };
}
