import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAssignmentModel, type AssignmentModel } from "./assignment-model.ts";
import type { AssignmentInstance, AssignmentMember } from "./instance.ts";
import { startingBasis } from "./starting-basis.ts";
import { buildSyntheticAssignmentInstance } from "./synthetic-instance.ts";

const codes = { lower: 0, basic: 1, upper: 2 };
const onlySizes = { sizes: true, requiredSkills: false, minMinistries: null, maxMinistryShare: null };
const member = (id: string, wishes: string[]): AssignmentMember => ({ id, ministryId: "m1", skills: {}, wishes, anyProject: false });

/** The project each member starts in (basic in their row, or at its upper bound when it is their only column). */
function startingTeams(model: AssignmentModel, colStatus: Int32Array): Record<string, string> {
  const teams: Record<string, string> = {};
  model.columns.forEach((column, index) => {
    if (column.kind.kind !== "place" || colStatus[index] === codes.lower) return;
    const memberId = model.members[column.kind.member]!.id;
    assert.equal(teams[memberId], undefined, `${memberId} starts in two teams`);
    teams[memberId] = model.projects[column.kind.project]!.id;
  });
  return teams;
}

describe("startingBasis", () => {
  it("starts each member in their best wish with a place left, in the model's order", () => {
    const season: AssignmentInstance = {
      members: [member("a", ["P", "Q"]), member("b", ["P", "Q"]), member("c", ["Q"])],
      projects: [{ id: "P", minSize: 0, maxSize: 1, requiredSkills: [] }, { id: "Q", minSize: 0, maxSize: 2, requiredSkills: [] }],
      fixed: [],
      rules: onlySizes,
    };
    const model = buildAssignmentModel(season);
    const { colStatus, rowStatus } = startingBasis(model, codes);
    assert.deepEqual(startingTeams(model, colStatus), { a: "P", b: "Q", c: "Q" });
    // c has one column and no row of their own: it starts at its upper bound; a's and b's rows are at theirs.
    assert.equal(rowStatus[model.memberRows[0]!], codes.upper);
    assert.equal(model.memberRows[2], -1);
  });

  it("when places are short, a member whose wishes are all full starts outside every team; otherwise on their best wish", () => {
    const projects = [{ id: "P", minSize: 0, maxSize: 1, requiredSkills: [] }];
    const short = buildAssignmentModel({ members: [member("a", ["P"]), member("b", ["P"])], projects, fixed: [], rules: onlySizes });
    assert.deepEqual(startingTeams(short, startingBasis(short, codes).colStatus), { a: "P" });

    const enough = [...projects, { id: "Q", minSize: 0, maxSize: 5, requiredSkills: [] }];
    const roomy = buildAssignmentModel({ members: [member("a", ["P", "Q"]), member("b", ["P"]), member("c", ["P", "Q"])], projects: enough, fixed: [], rules: onlySizes });
    assert.deepEqual(startingTeams(roomy, startingBasis(roomy, codes).colStatus), { a: "P", b: "P", c: "Q" });
  });

  it("is a basis HiGHS can take: one basic variable per row, on a season with every rule", () => {
    const model = buildAssignmentModel(buildSyntheticAssignmentInstance({ members: 300, projects: 12, seed: 4 }));
    const { colStatus, rowStatus } = startingBasis(model, codes);
    const basic = [...colStatus, ...rowStatus].filter((status) => status === codes.basic).length;
    assert.equal(basic, model.rows.length);
    // A member's row is nonbasic exactly when one of their columns is basic in it.
    model.memberRows.forEach((row, memberIndex) => {
      if (row === -1) return;
      const basicColumns = model.rows[row]!.indices.filter((index) => colStatus[index] === codes.basic).length;
      assert.equal(basicColumns, rowStatus[row] === codes.basic ? 0 : 1, `member ${memberIndex}`);
    });
  });
});
