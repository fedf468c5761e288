import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildInstance, type RunData } from "./build-instance.ts";
import { defaultAssignmentRules } from "./instance.ts";

const person = (ministryId: string) => ({ ministryId, skills: {} });

function data(overrides: Partial<RunData> = {}): RunData {
  return {
    projects: [
      { id: "p1", needs: { minSize: 2, maxSize: 4, skills: [{ skillId: "sql", level: 3, required: true }, { skillId: "r", level: 1, required: false }] } },
      { id: "p2", needs: null },
    ],
    wishLists: [
      { userId: "alice", anyProject: false, keepPreviousProject: false, projectIds: ["p1", "p2", "unknown"] },
      { userId: "bob", anyProject: false, keepPreviousProject: true, projectIds: ["p2"] },
    ],
    people: new Map([
      ["alice", person("m1")],
      ["bob", person("m2")],
      ["lea", person("m3")],
    ]),
    leads: [],
    locks: [],
    coaches: [],
    previousTeams: new Map([["bob", "p1"]]),
    rules: defaultAssignmentRules,
    ...overrides,
  };
}

describe("the instance of a run", () => {
  it("keeps wishes of the season's projects, required skills only, and default sizes where the lead said nothing", () => {
    const instance = buildInstance(data());
    assert.deepEqual(instance.members.find((member) => member.id === "alice")?.wishes, ["p1", "p2"]);
    assert.deepEqual(instance.projects, [
      { id: "p1", minSize: 2, maxSize: 4, requiredSkills: [{ skillId: "sql", level: 3 }] },
      { id: "p2", minSize: 3, maxSize: 10, requiredSkills: [] },
    ]);
  });

  it("fixes one place per person: a lead in their project, then a lock, then the priority of a member continuing last season's project", () => {
    const instance = buildInstance(data({ leads: [{ userId: "lea", projectId: "p2" }], locks: [{ userId: "lea", projectId: "p1" }, { userId: "alice", projectId: "p2" }] }));
    assert.deepEqual(instance.fixed, [
      { memberId: "lea", projectId: "p2", kind: "lead" },
      { memberId: "alice", projectId: "p2", kind: "lock" },
      { memberId: "bob", projectId: "p1", kind: "priority" },
    ]);
    assert.deepEqual(instance.fixedMinistries, { lea: "m3" }, "a lead without wishes brings their ministry");
  });

  it("drops a coach's wish for the project they coach, and people erased since (absent)", () => {
    const instance = buildInstance(data({ coaches: [{ userId: "alice", projectId: "p1" }], wishLists: [...data().wishLists, { userId: "gone", anyProject: true, keepPreviousProject: false, projectIds: [] }] }));
    assert.deepEqual(instance.members.find((member) => member.id === "alice")?.wishes, ["p2"]);
    assert.equal(instance.members.some((member) => member.id === "gone"), false);
  });
});
