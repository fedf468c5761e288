import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CurrentUser } from "../identity/api.ts";
import { decideWorkspaceAccess } from "./access.ts";

const person = (roles: string[]): CurrentUser => ({ id: "u", email: "u@insee.fr", givenName: null, usualName: null, organisationId: null, roles: roles.map((role) => ({ role, organisationId: null })) }) as CurrentUser;
const none = { teamRole: null, seasonOver: false, amdOfInvolvedMinistry: false } as const;

describe("decideWorkspaceAccess", () => {
  it("keeps a team's workspace editable while the season runs, and readable to its former members after", () => {
    assert.deepEqual(decideWorkspaceAccess(person(["member"]), { ...none, teamRole: "contributor" }), { role: "member", canEdit: true, canReview: false });
    assert.deepEqual(decideWorkspaceAccess(person(["member"]), { ...none, teamRole: "lead", seasonOver: true }), { role: "former_member", canEdit: false, canReview: false });
  });

  it("lets a coach read and review, an involved AMD read, and no one else in", () => {
    assert.deepEqual(decideWorkspaceAccess(person(["member", "coach"]), { ...none, teamRole: "coach" }), { role: "coach", canEdit: false, canReview: true });
    assert.deepEqual(decideWorkspaceAccess(person(["member"]), { ...none, amdOfInvolvedMinistry: true }), { role: "amd", canEdit: false, canReview: false });
    assert.equal(decideWorkspaceAccess(person(["member", "coach"]), none), null);
  });

  it("gives the programme team every workspace, in any season", () => {
    assert.deepEqual(decideWorkspaceAccess(person(["member", "programme_team"]), { ...none, seasonOver: true }), { role: "programme_team", canEdit: true, canReview: true });
  });
});
