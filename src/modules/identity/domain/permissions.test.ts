import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasPermission, Roles, type Subject } from "./permissions.ts";

const interieur = "00000000-0000-4000-8000-000000000001";
const insee = "00000000-0000-4000-8000-000000000002";

const member: Subject = { id: "member-1", roles: [{ role: Roles.member, organisationId: null }] };
const programmeTeam: Subject = { id: "team-1", roles: [{ role: Roles.member, organisationId: null }, { role: Roles.programmeTeam, organisationId: null }] };
const dataAdmin: Subject = { id: "amd-1", roles: [{ role: Roles.member, organisationId: null }, { role: Roles.ministryDataAdmin, organisationId: interieur }] };

describe("hasPermission", () => {
  it("refuses everything when nobody is signed in", () => {
    assert.equal(hasPermission(null, "read:account:own"), false);
    assert.equal(hasPermission(null, "read:admin:any"), false);
  });

  it("lets a member reach the routes of its own account", () => {
    assert.equal(hasPermission(member, "read:account:own"), true);
    assert.equal(hasPermission(member, "update:account:own"), true);
    assert.equal(hasPermission(member, "delete:session:own"), true);
  });

  it("lets a member act on its own resources but not on someone else's", () => {
    assert.equal(hasPermission(member, "update:account:own", { ownerId: member.id }), true);
    assert.equal(hasPermission(member, "update:account:own", { ownerId: "someone-else" }), false);
    assert.equal(hasPermission(member, "delete:session:own", { ownerId: null }), false);
  });

  it("does not turn an :own permission into an :any one", () => {
    assert.equal(hasPermission(member, "read:account:any"), false);
    assert.equal(hasPermission(member, "read:account:any", { ownerId: "someone-else" }), false);
  });

  it("refuses a permission no role of the person grants", () => {
    assert.equal(hasPermission(member, "read:admin:any"), false);
    assert.equal(hasPermission(member, "manage:email-domain:any"), false);
    assert.equal(hasPermission(member, "read:project:any"), false);
  });

  it("lets the programme team act on any resource of its :any permissions", () => {
    assert.equal(hasPermission(programmeTeam, "read:admin:any"), true);
    assert.equal(hasPermission(programmeTeam, "manage:email-domain:any"), true);
    assert.equal(hasPermission(programmeTeam, "read:account:any", { ownerId: "someone-else" }), true);
    assert.equal(hasPermission(programmeTeam, "read:organisation:own", { organisationId: insee }), true);
  });

  it("grants the programme team an :any permission even though its member role holds the :own one", () => {
    assert.equal(hasPermission(programmeTeam, "update:profile:any"), true);
    assert.equal(hasPermission(member, "update:profile:any"), false);
  });

  it("scopes a ministry data administrator to its own organisation", () => {
    assert.equal(hasPermission(dataAdmin, "read:organisation:own"), true);
    assert.equal(hasPermission(dataAdmin, "read:organisation:own", { organisationId: interieur }), true);
    assert.equal(hasPermission(dataAdmin, "read:organisation:own", { organisationId: insee }), false);
    assert.equal(hasPermission(dataAdmin, "read:organisation:any"), false);
    assert.equal(hasPermission(dataAdmin, "read:admin:any"), false);
  });

  it("gives a ministry data administrator no right on other people's accounts or sessions of its organisation", () => {
    const colleague = { ownerId: "colleague-1", organisationId: interieur };
    assert.equal(hasPermission(dataAdmin, "update:account:own", colleague), false);
    assert.equal(hasPermission(dataAdmin, "delete:account:own", colleague), false);
    assert.equal(hasPermission(dataAdmin, "delete:session:own", colleague), false);
    assert.equal(hasPermission(dataAdmin, "update:account:own", { ownerId: dataAdmin.id, organisationId: interieur }), true);
  });
});
