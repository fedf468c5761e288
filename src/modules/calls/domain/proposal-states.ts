import { DomainError } from "../../../shared/domain-error.ts";

/** The states of a proposal (« brouillon » → « déposée » → « en qualification » ↔ « informations demandées » → « retenue » | « non retenue »). */
export const ProposalStates = {
  draft: "draft",
  submitted: "submitted",
  underReview: "under_review",
  informationRequested: "information_requested",
  selected: "selected",
  declined: "declined",
} as const;
export type ProposalState = (typeof ProposalStates)[keyof typeof ProposalStates];

/** What moves a proposal from one state to another, and who does it. */
export const ProposalActions = {
  submit: "submit",
  startReview: "start_review",
  requestInformation: "request_information",
  answer: "answer",
  select: "select",
  decline: "decline",
  reconsider: "reconsider",
} as const;
export type ProposalAction = (typeof ProposalActions)[keyof typeof ProposalActions];

/**
 * The legal transitions: from a state, an action leads to one state. Anything else is refused.
 * « À revoir » (reconsider) sends a decided proposal back to qualification.
 */
const transitions: Record<ProposalState, Partial<Record<ProposalAction, ProposalState>>> = {
  draft: { submit: "submitted" },
  submitted: { start_review: "under_review", request_information: "information_requested", select: "selected", decline: "declined" },
  under_review: { request_information: "information_requested", select: "selected", decline: "declined" },
  information_requested: { answer: "under_review" },
  selected: { reconsider: "under_review" },
  declined: { reconsider: "under_review" },
};

const actionLabels: Record<ProposalAction, string> = {
  submit: "déposer",
  start_review: "mettre en qualification",
  request_information: "demander des informations sur",
  answer: "répondre à la demande d’informations sur",
  select: "retenir",
  decline: "ne pas retenir",
  reconsider: "remettre en qualification",
};

export class IllegalProposalTransitionError extends DomainError {
  constructor(
    readonly from: ProposalState,
    readonly action: ProposalAction,
  ) {
    super("illegal_proposal_transition", `Impossible de ${actionLabels[action]} une proposition à l’état «\u00a0${stateLabel(from)}\u00a0».`);
  }
}

export function stateLabel(state: ProposalState): string {
  return (
    {
      draft: "Brouillon",
      submitted: "Déposée",
      under_review: "En qualification",
      information_requested: "Informations demandées",
      selected: "Retenue",
      declined: "Non retenue",
    } satisfies Record<ProposalState, string>
  )[state];
}

/** The state `action` leads to from `from`; throws IllegalProposalTransitionError when it is not allowed. */
export function nextProposalState(from: ProposalState, action: ProposalAction): ProposalState {
  const to = transitions[from][action];
  if (!to) throw new IllegalProposalTransitionError(from, action);
  return to;
}

export function canTransition(from: ProposalState, action: ProposalAction): boolean {
  return transitions[from][action] !== undefined;
}

/** The author may edit the proposal only while it is a draft or while information is requested. */
export function isEditableByAuthor(state: ProposalState): boolean {
  return state === "draft" || state === "information_requested";
}

export const allProposalStates = Object.values(ProposalStates);
export const allProposalActions = Object.values(ProposalActions);
