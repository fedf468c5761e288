import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allProposalActions, allProposalStates, IllegalProposalTransitionError, isEditableByAuthor, nextProposalState, type ProposalAction, type ProposalState } from "./proposal-states.ts";

const legal: [ProposalState, ProposalAction, ProposalState][] = [
  ["draft", "submit", "submitted"],
  ["submitted", "start_review", "under_review"],
  ["submitted", "request_information", "information_requested"],
  ["submitted", "select", "selected"],
  ["submitted", "decline", "declined"],
  ["under_review", "request_information", "information_requested"],
  ["under_review", "select", "selected"],
  ["under_review", "decline", "declined"],
  ["information_requested", "answer", "under_review"],
  ["selected", "reconsider", "under_review"],
  ["declined", "reconsider", "under_review"],
];

describe("the proposal state machine", () => {
  for (const [from, action, to] of legal) {
    it(`leads from ${from} by ${action} to ${to}`, () => {
      assert.equal(nextProposalState(from, action), to);
    });
  }

  const legalPairs = new Set(legal.map(([from, action]) => `${from}:${action}`));
  for (const from of allProposalStates) {
    for (const action of allProposalActions) {
      if (legalPairs.has(`${from}:${action}`)) continue;
      it(`refuses ${action} from ${from} with a French message`, () => {
        assert.throws(
          () => nextProposalState(from, action),
          (error: unknown) => error instanceof IllegalProposalTransitionError && error.code === "illegal_proposal_transition" && /^Impossible de .+ une proposition à l’état «\u00a0.+\u00a0»\.$/.test(error.message),
        );
      });
    }
  }

  it("lets the author edit only a draft or a proposal waiting for information", () => {
    assert.deepEqual(
      allProposalStates.filter((state) => isEditableByAuthor(state)),
      ["draft", "information_requested"],
    );
  });
});
