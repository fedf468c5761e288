import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canReview, reviewAccess, type Reviewer, type ReviewedProposal } from "./review-rights.ts";

const insee = { id: "insee", ministryId: "economie" };
const dgfip = { id: "dgfip", ministryId: "economie" };
const gendarmerie = { id: "gendarmerie", ministryId: "interieur" };
const interieur = { id: "interieur", ministryId: "interieur" };
const ssp = { id: "ssp", ministryId: "agriculture" };

const proposal: ReviewedProposal = { authorId: "ines", authorOrganisationId: "insee", involved: [insee, gendarmerie] };
const amd = (id: string, organisationId: string, scope: { id: string; ministryId: string | null }): Reviewer => ({ id, organisationId, reviewsAny: false, amdOf: [scope] });

describe("canReview", () => {
  it("lets the programme team review a proposal of another organisation", () => {
    assert.equal(canReview({ id: "camille", organisationId: "dinum", reviewsAny: true, amdOf: [] }, proposal), true);
  });
  it("never lets anyone review their own proposal or one of their own organisation, programme team included", () => {
    assert.equal(canReview({ id: "ines", organisationId: "insee", reviewsAny: true, amdOf: [] }, proposal), false);
    assert.equal(canReview({ id: "collegue", organisationId: "insee", reviewsAny: true, amdOf: [] }, proposal), false);
    assert.equal(canReview(amd("amd-insee", "insee", insee), proposal), false);
  });
  it("lets an AMD review a proposal involving their organisation or another organisation of their ministry", () => {
    assert.equal(canReview(amd("sophie", "interieur", interieur), proposal), true);
    assert.equal(canReview(amd("amd-gendarmerie", "gendarmerie", gendarmerie), proposal), true);
    assert.equal(canReview(amd("amd-dgfip", "dgfip", dgfip), proposal), true);
  });
  it("refuses an AMD of a ministry the proposal does not involve, and a member without reviewing role", () => {
    assert.equal(canReview(amd("amd-ssp", "ssp", ssp), proposal), false);
    assert.equal(canReview({ id: "thomas", organisationId: "ign", reviewsAny: false, amdOf: [] }, proposal), false);
  });
  it("does not match two organisations without ministry through their missing ministry", () => {
    const orphan = { id: "orphan", ministryId: null };
    assert.equal(canReview(amd("amd-other", "other", { id: "other", ministryId: null }), { authorId: "x", authorOrganisationId: "orphan", involved: [orphan] }), false);
  });
});

describe("reviewAccess (ADR 0025)", () => {
  it("lets a programme team member of the author's organisation see the proposal and act on it only with the conflict, never score it", () => {
    assert.deepEqual(reviewAccess({ id: "collegue", organisationId: "insee", reviewsAny: true, amdOf: [] }, proposal), { sees: true, scores: false, acts: true, conflict: "own_organisation" });
  });
  it("shows the author their own proposal on the team's table without any right on it", () => {
    assert.deepEqual(reviewAccess({ id: "ines", organisationId: "insee", reviewsAny: true, amdOf: [] }, proposal), { sees: true, scores: false, acts: false, conflict: "author" });
  });
  it("leaves an AMD of the author's organisation out of the scores and the decision, the proposal still on her table", () => {
    assert.deepEqual(reviewAccess(amd("amd-insee", "insee", insee), proposal), { sees: true, scores: false, acts: false, conflict: "own_organisation" });
  });
  it("gives a reviewer without conflict every right, and a person out of scope none", () => {
    assert.deepEqual(reviewAccess(amd("sophie", "interieur", interieur), proposal), { sees: true, scores: true, acts: true, conflict: null });
    assert.deepEqual(reviewAccess(amd("amd-ssp", "ssp", ssp), proposal), { sees: false, scores: false, acts: false, conflict: null });
  });
});
