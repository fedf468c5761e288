import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AssignmentInstance, AssignmentMember, AssignmentProject, AssignmentRules, SkillLevel } from "./instance.ts";
import { solveAssignment, type AssignmentResult } from "./solve-assignment.ts";
import { buildSyntheticAssignmentInstance, mulberry32 } from "./synthetic-instance.ts";

// Default weights: 1st wish 35, 2nd 32, 3rd 27, 4th 20, 5th 11, any project 5.
const onlySizes: AssignmentRules = { sizes: true, requiredSkills: false, minMinistries: null, maxMinistryShare: null };

function member(id: string, wishes: string[], options: { ministry?: string | null; skills?: Record<string, SkillLevel>; anyProject?: boolean } = {}): AssignmentMember {
  return { id, ministryId: options.ministry === undefined ? "m1" : options.ministry, skills: options.skills ?? {}, wishes, anyProject: options.anyProject ?? false };
}

function project(id: string, maxSize: number, options: { minSize?: number; skills?: { skillId: string; level: SkillLevel }[] } = {}): AssignmentProject {
  return { id, minSize: options.minSize ?? 0, maxSize, requiredSkills: options.skills ?? [] };
}

function instance(members: AssignmentMember[], projects: AssignmentProject[], rules: Partial<AssignmentRules> = {}, extra: Partial<AssignmentInstance> = {}): AssignmentInstance {
  return { members, projects, fixed: [], rules: { ...onlySizes, ...rules }, ...extra };
}

function teams(result: AssignmentResult): Record<string, string[]> {
  const byProject: Record<string, string[]> = {};
  for (const placement of result.placements) (byProject[placement.projectId] ??= []).push(placement.memberId);
  return byProject;
}

describe("solveAssignment: satisfaction", () => {
  it("finds the optimum a greedy pass misses: the second member's only wish goes to them, the first gets their second wish", async () => {
    // Greedy in order: a → P (35), b unplaced. Optimal: b → P (35) and a → Q (32) = 67.
    const result = await solveAssignment(instance([member("a", ["P", "Q"]), member("b", ["P"])], [project("P", 1), project("Q", 1)]));
    assert.equal(result.provenOptimal, true);
    assert.equal(result.status, "Optimal");
    assert.equal(result.objective, 67);
    assert.equal(result.modelObjective, 67);
    assert.deepEqual(teams(result), { P: ["b"], Q: ["a"] });
    assert.deepEqual(result.rankCounts, [1, 1, 0, 0, 0]);
    assert.deepEqual(result.relaxed, []);
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "a")?.reason, { kind: "wish", rank: 2, passedOver: [{ projectId: "P", why: "full" }] });
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "b")?.reason, { kind: "wish", rank: 1, passedOver: [] });
  });

  it("serves a third member's only wish rather than another's second wish", async () => {
    // Capacity 1 each. a → P, b → R, c → Q: 35 + 32 + 35 = 102; b → P, a → R, c → Q: 35 + 27 + 35 = 97; b → P, a → Q: 67.
    const result = await solveAssignment(instance([member("a", ["P", "Q", "R"]), member("b", ["P", "R"]), member("c", ["Q"])], [project("P", 1), project("Q", 1), project("R", 1)]));
    assert.equal(result.objective, 102);
    assert.deepEqual(teams(result), { P: ["a"], Q: ["c"], R: ["b"] });
    assert.deepEqual(result.rankCounts, [2, 1, 0, 0, 0]);
  });

  it("lists a member without any wish as unplaced with « no_wish », and places « n'importe quel projet » where there is room", async () => {
    const result = await solveAssignment(instance([member("a", ["P"]), member("b", []), member("c", [], { anyProject: true })], [project("P", 1), project("Q", 2)]));
    assert.deepEqual(result.unplaced, [{ memberId: "b", reason: { kind: "no_wish" } }]);
    assert.deepEqual(teams(result), { P: ["a"], Q: ["c"] });
    assert.equal(result.anyProjectCount, 1);
    assert.equal(result.objective, 35 + 5);
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "c")?.reason, { kind: "any_project" });
  });

  it("explains an unplaced member's wishes one by one", async () => {
    // Three members for two places, every placement worth a first wish: one of them stays out, each wish full.
    const members = [member("a", ["P", "Q"]), member("b", ["P", "Q"]), member("c", ["Q", "P"])];
    const result = await solveAssignment(instance(members, [project("P", 1), project("Q", 1)]));
    assert.equal(result.unplaced.length, 1);
    const [entry] = result.unplaced;
    const wishes = members.find((candidate) => candidate.id === entry?.memberId)!.wishes;
    assert.deepEqual(entry?.reason, { kind: "wishes_unavailable", passedOver: wishes.map((projectId) => ({ projectId, why: "full" })) });
  });
});

describe("solveAssignment: rules", () => {
  it("reports a minimum size no wish can reach with the fewest members missing, then maximises satisfaction", async () => {
    // Two in P and one in Q (102) leaves Q 3 short; all three in Q (96) leaves it 1 short: fewest violations first.
    const result = await solveAssignment(instance([member("a", ["P", "Q"]), member("b", ["P", "Q"]), member("c", ["P", "Q"])], [project("P", 2), project("Q", 4, { minSize: 4 })]));
    assert.deepEqual(result.relaxed, [{ rule: "min_size", projectId: "Q", missing: 1 }]);
    assert.deepEqual(teams(result), { Q: ["a", "b", "c"] });
    assert.equal(result.objective, 96);
    assert.deepEqual(result.placements[0]?.reason, { kind: "wish", rank: 2, passedOver: [{ projectId: "P", why: "balance" }] });
    // Switched off, sizes no longer bind: everyone gets their first wish.
    const free = await solveAssignment(instance([member("a", ["P", "Q"]), member("b", ["P", "Q"]), member("c", ["P", "Q"])], [project("P", 2), project("Q", 4, { minSize: 4 })], { sizes: false }));
    assert.deepEqual(free.rankCounts, [3, 0, 0, 0, 0]);
    assert.deepEqual(free.relaxed, []);
  });

  it("covers a required skill at the level asked, even at the cost of a first wish, and says who was placed for it", async () => {
    const members = [member("a", ["P", "Q"], { skills: { nlp: 2 } }), member("b", ["Q", "P"], { skills: { nlp: 3 } })];
    const projects = [project("P", 1, { skills: [{ skillId: "nlp", level: 3 }] }), project("Q", 1)];
    const without = await solveAssignment(instance(members, projects));
    assert.deepEqual(teams(without), { P: ["a"], Q: ["b"] });
    const result = await solveAssignment(instance(members, projects, { requiredSkills: true }));
    assert.deepEqual(teams(result), { P: ["b"], Q: ["a"] });
    assert.equal(result.objective, 64);
    assert.deepEqual(result.relaxed, []);
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "b")?.reason, { kind: "skill", skillId: "nlp", rank: 2 });
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "a")?.reason, { kind: "wish", rank: 2, passedOver: [{ projectId: "P", why: "full" }] });
  });

  it("reports a required skill nobody has at the level (which project, which skill) and relaxes it, the rest still optimal", async () => {
    const members = [member("a", ["P", "Q"], { skills: { nlp: 2 } }), member("b", ["Q", "P"], { skills: { nlp: 1 } })];
    // P must not stay empty (minimum 1), so someone joins it without the skill.
    const result = await solveAssignment(instance(members, [project("P", 1, { minSize: 1, skills: [{ skillId: "nlp", level: 3 }] }), project("Q", 1)], { requiredSkills: true }));
    assert.deepEqual(result.relaxed, [{ rule: "required_skill", projectId: "P", skillId: "nlp", level: 3 }]);
    assert.deepEqual(teams(result), { P: ["a"], Q: ["b"] });
    assert.equal(result.objective, 70);
    assert.equal(result.modelObjective, 70 - (35 * 2 + 1));
    assert.equal(result.provenOptimal, true);
  });

  it("puts at least two ministries in each team", async () => {
    const members = [member("a", ["P", "Q"], { ministry: "m1" }), member("b", ["P", "Q"], { ministry: "m1" }), member("c", ["Q", "P"], { ministry: "m2" }), member("d", ["Q"], { ministry: "m3" })];
    const projects = [project("P", 2), project("Q", 2)];
    const without = await solveAssignment(instance(members, projects));
    assert.equal(without.objective, 140);
    const result = await solveAssignment(instance(members, projects, { minMinistries: 2 }));
    // P = {a or b, c}, Q = {the other, d}: 35 + 32 + 32 + 35.
    assert.equal(result.objective, 134);
    assert.deepEqual(result.relaxed, []);
    const byProject = teams(result);
    assert.ok(byProject.P?.includes("c") && byProject.Q?.includes("d"));
    assert.equal(byProject.P?.length, 2);
    assert.equal(byProject.Q?.length, 2);
  });

  it("reports a team that cannot mix ministries and relaxes the rule rather than failing", async () => {
    const result = await solveAssignment(instance([member("a", ["P"]), member("b", ["P"])], [project("P", 2, { minSize: 2 })], { minMinistries: 2 }));
    assert.deepEqual(result.relaxed, [{ rule: "min_ministries", projectId: "P", missing: 1, minimum: 2 }]);
    assert.deepEqual(teams(result), { P: ["a", "b"] });
  });

  it("keeps any ministry to at most half of a team, and says the others were passed over for the mix", async () => {
    const members = [member("a", ["P"]), member("b", ["P"]), member("c", ["P"]), member("d", ["P"], { ministry: "m2" })];
    const result = await solveAssignment(instance(members, [project("P", 4)], { maxMinistryShare: 0.5 }));
    // 4 members: m1 ≤ 2, but only one m2 → at most 2 of m1 with 1 of m2 is 3 members (m1 ≤ 1): the best is one m1 and d.
    assert.equal(result.objective, 70);
    assert.deepEqual(result.relaxed, []);
    assert.equal(teams(result).P?.length, 2);
    assert.ok(teams(result).P?.includes("d"));
    assert.equal(result.unplaced.length, 2);
    for (const entry of result.unplaced) assert.deepEqual(entry.reason, { kind: "wishes_unavailable", passedOver: [{ projectId: "P", why: "mix" }] });
  });

  it("reports a ministry above the share when fixed members make it unavoidable (which project, which ministry, by how many)", async () => {
    const result = await solveAssignment(
      instance([], [project("P", 4)], { maxMinistryShare: 0.5 }, {
        fixed: [
          { memberId: "l1", projectId: "P", kind: "lead" },
          { memberId: "l2", projectId: "P", kind: "lock" },
        ],
        fixedMinistries: { l1: "m1", l2: "m1" },
      }),
    );
    assert.deepEqual(result.relaxed, [{ rule: "max_ministry_share", projectId: "P", ministryId: "m1", over: 1, share: 0.5 }]);
  });

  it("counts fixed members in their team, keeps the fixed place over wishes, and reports locks that cannot apply", async () => {
    const result = await solveAssignment(
      instance([member("a", ["P", "Q"]), member("b", ["P", "Q"]), member("c", ["Q", "P"])], [project("P", 2), project("Q", 2)], {}, {
        fixed: [
          { memberId: "lead", projectId: "P", kind: "lead" },
          { memberId: "c", projectId: "P", kind: "lock" },
          { memberId: "c", projectId: "Q", kind: "priority" },
          { memberId: "x", projectId: "UNKNOWN", kind: "lock" },
        ],
        fixedMinistries: { lead: "m2" },
      }),
    );
    assert.deepEqual(teams(result).P?.sort(), ["c", "lead"]);
    assert.deepEqual(teams(result).Q?.sort(), ["a", "b"]);
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "c"), { memberId: "c", projectId: "P", rank: 2, reason: { kind: "fixed", fixedKind: "lock" } });
    assert.deepEqual(result.placements.find((placement) => placement.memberId === "lead")?.reason, { kind: "fixed", fixedKind: "lead" });
    assert.deepEqual(result.relaxed, [
      { rule: "lock", projectId: "Q", memberId: "c" },
      { rule: "lock", projectId: "UNKNOWN", memberId: "x" },
    ]);
    // Fixed members are not counted in the satisfaction or the ranks.
    assert.equal(result.objective, 64);
    assert.deepEqual(result.rankCounts, [0, 2, 0, 0, 0]);
  });

  it("holds an empty project only to its minimum size, not to its skills or its mix", async () => {
    const result = await solveAssignment(
      instance([member("a", ["P"], { ministry: "m1" }), member("b", ["P"], { ministry: "m2" })], [project("P", 2), project("Q", 3, { minSize: 2, skills: [{ skillId: "nlp", level: 1 }] })], {
        requiredSkills: true,
        minMinistries: 2,
        maxMinistryShare: 0.5,
      }),
    );
    assert.deepEqual(result.relaxed, [{ rule: "min_size", projectId: "Q", missing: 2 }]);
  });
});

describe("solveAssignment: determinism", () => {
  it("gives the same result for the same season in any order of members, projects and fixed places (ties included)", async () => {
    const season = buildSyntheticAssignmentInstance({ members: 400, projects: 16, seed: 3 });
    const random = mulberry32(99);
    const shuffled = <T>(items: T[]) =>
      items
        .map((item) => ({ item, key: random() }))
        .sort((a, b) => a.key - b.key)
        .map(({ item }) => item);
    const first = await solveAssignment(season);
    const again = await solveAssignment({ ...season, members: shuffled(season.members), projects: shuffled(season.projects), fixed: shuffled(season.fixed) });
    const { solveMilliseconds: _first, ...expected } = first;
    const { solveMilliseconds: _again, ...actual } = again;
    assert.equal(first.provenOptimal, true);
    assert.deepEqual(actual, expected);
  });

  it("reaches, through the LP-first steps, the optimum HiGHS' whole MIP proves (LP, reduced-cost fixing)", async () => {
    const seasons = [
      { options: { members: 500, projects: 20, seed: 5 }, method: "reduced_mip" },
      { options: { members: 800, projects: 32, seed: 2 }, method: "reduced_mip" },
      { options: { members: 800, projects: 32, seed: 6, tight: true }, method: "reduced_mip" },
    ] as const;
    for (const { options, method } of seasons) {
      const season = buildSyntheticAssignmentInstance(options);
      const result = await solveAssignment(season);
      const whole = await solveAssignment(season, { wholeMip: true });
      assert.equal(result.method, method, JSON.stringify(options));
      assert.equal(whole.method, "mip");
      assert.equal(whole.provenOptimal, true);
      assert.equal(result.provenOptimal, true);
      assert.equal(result.modelObjective, whole.modelObjective, JSON.stringify(options));
    }
  });

  it("stops at the time limit and says the result is not proven optimal", async () => {
    const season = buildSyntheticAssignmentInstance({ members: 800, projects: 32, seed: 2 });
    const result = await solveAssignment(season, { timeLimitSeconds: 0.001 });
    assert.equal(result.provenOptimal, false);
    assert.equal(result.status, "Time limit reached");
    // Whatever was found (here nothing): fixed members stay placed, everyone else is listed.
    assert.equal(result.placements.length + result.unplaced.length, 800 + 32);
  });

  it("places several hundred members with every rule on and proves the optimum", async () => {
    const result = await solveAssignment(buildSyntheticAssignmentInstance({ members: 600, projects: 24, seed: 5 }));
    assert.equal(result.provenOptimal, true);
    const placedFree = result.rankCounts.reduce((sum, count) => sum + count, 0) + result.anyProjectCount;
    assert.equal(placedFree + result.unplaced.length, 600);
    assert.equal(result.placements.length, placedFree + 24);
    assert.ok(result.rankCounts[0]! > result.rankCounts[1]!);
  });
});
