import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canSeeProfile, type ProfileAudience } from "./visibility.ts";

const open: ProfileAudience = { userId: "a", visibility: "members", joined: true, erased: false };
const member = { id: "b", canSeeHiddenProfiles: false };
const team = { id: "c", canSeeHiddenProfiles: true };

describe("who may see a profile", () => {
  it("shows a joined profile open to members to another member", () => {
    assert.equal(canSeeProfile(member, open), true);
  });
  it("hides a profile kept for the programme team from other members, not from the team", () => {
    const hidden = { ...open, visibility: "programme_team" as const };
    assert.equal(canSeeProfile(member, hidden), false);
    assert.equal(canSeeProfile(team, hidden), true);
  });
  it("hides a profile still in the joining wizard from other members, not from its owner", () => {
    const draft = { ...open, joined: false };
    assert.equal(canSeeProfile(member, draft), false);
    assert.equal(canSeeProfile({ id: "a", canSeeHiddenProfiles: false }, draft), true);
  });
  it("shows nobody the profile of an erased account", () => {
    const erased = { ...open, erased: true };
    assert.equal(canSeeProfile(team, erased), false);
    assert.equal(canSeeProfile({ id: "a", canSeeHiddenProfiles: false }, erased), false);
  });
});
