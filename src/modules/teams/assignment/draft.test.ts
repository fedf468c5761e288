import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkTeams, moveInDraft, type StoredDraft, type TeamPerson, teamChanges } from "./draft.ts";
import { defaultAssignmentRules } from "./instance.ts";

function draft(placements: [string, string][], unplaced: string[] = []): StoredDraft {
  return {
    placements: placements.map(([memberId, projectId]) => ({ memberId, projectId, rank: 1, reason: { kind: "wish", rank: 1, passedOver: [] } })),
    unplaced: unplaced.map((memberId) => ({ memberId, reason: { kind: "no_wish" } })),
    relaxed: [],
    provenOptimal: true,
    status: "Optimal",
    objective: 0,
    rankCounts: [0, 0, 0, 0, 0],
    anyProjectCount: 0,
    solveMilliseconds: 1,
    wishListCount: 0,
    draftWishListCount: 0,
    rules: defaultAssignmentRules,
  };
}

describe("the draft of teams", () => {
  it("moves a member by hand, keeping their wish rank, or out of every team", () => {
    const moved = moveInDraft(draft([["a", "p1"], ["b", "p1"]]), "a", "p2", 3);
    assert.deepEqual(moved.placements.find((placement) => placement.memberId === "a"), { memberId: "a", projectId: "p2", rank: 3, reason: { kind: "wish", rank: 3, passedOver: [] }, moved: true });
    const out = moveInDraft(moved, "b", null, null);
    assert.equal(out.placements.some((placement) => placement.memberId === "b"), false);
    assert.deepEqual(out.unplaced, [{ memberId: "b", reason: { kind: "moved_out" } }]);
  });

  it("says who changes team from one run to the next, and nobody on a first run", () => {
    const before = draft([["a", "p1"], ["b", "p1"], ["c", "p2"]], ["d"]);
    const after = draft([["a", "p1"], ["b", "p2"], ["d", "p2"], ["e", "p1"]], ["c"]);
    assert.deepEqual(teamChanges(before, after), [
      { memberId: "b", from: "p1", to: "p2" },
      { memberId: "c", from: "p2", to: null },
      { memberId: "d", from: null, to: "p2" },
    ]);
    assert.deepEqual(teamChanges(null, after), []);
  });

  it("checks each team against its size, required skills and ministries after a move", () => {
    const people = new Map<string, TeamPerson>([
      ["a", { ministryId: "m1", skills: { sql: 3 as const } }],
      ["b", { ministryId: "m1", skills: {} }],
      ["c", { ministryId: "m1", skills: {} }],
    ]);
    const [check] = checkTeams(
      [
        { memberId: "a", projectId: "p1" },
        { memberId: "b", projectId: "p1" },
        { memberId: "c", projectId: "p1" },
      ],
      [{ projectId: "p1", minSize: 2, maxSize: 2, requiredSkills: [{ skillId: "sql", level: 3 }, { skillId: "nlp", level: 2 }] }],
      people,
      defaultAssignmentRules,
    );
    assert.deepEqual(check, { projectId: "p1", size: 3, ministries: 1, largestShare: 1, missingSkills: [{ skillId: "nlp", level: 2 }], problems: ["too_large", "few_ministries", "ministry_above_share"] });
  });

  it("checks as the solver does: members of unknown ministry count as one group for the share, not as a ministry", () => {
    const people = new Map<string, TeamPerson>([
      ["a", { ministryId: "m1", skills: {} }],
      ["b", { ministryId: "m2", skills: {} }],
      ["c", { ministryId: null, skills: {} }],
      ["d", { ministryId: null, skills: {} }],
      ["e", { ministryId: null, skills: {} }],
    ]);
    const team = ["a", "b", "c", "d", "e"].map((memberId) => ({ memberId, projectId: "p1" }));
    const [check] = checkTeams(team, [{ projectId: "p1", minSize: 2, maxSize: 6, requiredSkills: [] }], people, defaultAssignmentRules);
    // Three of five of unknown ministry: above half (at most 2), as the solver would have to relax it.
    assert.deepEqual(check?.problems, ["ministry_above_share"]);
    assert.equal(check?.ministries, 2);
  });
});
