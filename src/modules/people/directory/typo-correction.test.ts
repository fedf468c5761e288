import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { candidatesWithinReach, closestWords, editDistance, foldWord } from "./typo-correction.ts";

describe("typo correction", () => {
  it("counts insertions, deletions, replacements and swapped neighbours as one edit each", () => {
    assert.equal(editDistance("pyton", "python"), 1);
    assert.equal(editDistance("pythno", "python"), 1);
    assert.equal(editDistance("statisticein", "statisticien"), 1);
    assert.equal(editDistance("martn", "marty"), 1);
    assert.equal(editDistance("pyton", "pytorch"), 3);
    assert.equal(editDistance("", "abc"), 3);
  });

  it("keeps the candidates at the smallest distance, in the order found", () => {
    assert.deepEqual(closestWords("pyton", ["python", "pytorch", "typo"]), ["python"]);
    assert.deepEqual(closestWords("martn", ["marty", "martin", "martinez"]), ["marty", "martin"]);
  });

  it("allows one edit in a word of five letters or fewer, two in a longer one", () => {
    assert.deepEqual(closestWords("pyhn", ["python"]), []);
    assert.deepEqual(closestWords("cartograhpie", ["cartographie"]), ["cartographie"]);
    assert.deepEqual(closestWords("cartgrahpe", ["cartographie"]), []);
  });

  it("compares words accents and case aside, and never proposes the word itself", () => {
    assert.equal(foldWord("Données"), "donnees");
    assert.deepEqual(closestWords("Géomatiqe", ["geomatique"]), ["geomatique"]);
    assert.deepEqual(closestWords("python", ["python"]), []);
    assert.deepEqual(closestWords("python", []), []);
  });

  it("keeps every candidate within the edits allowed, whatever the closest (those a profile contains are chosen among them)", () => {
    assert.deepEqual(candidatesWithinReach("martn", ["marty", "martin", "martinez", "martn"]), ["marty", "martin"]);
    assert.deepEqual(candidatesWithinReach("cartograhpie", ["cartographie", "cartograhpies", "photographie"]), ["cartographie", "cartograhpies"]);
  });
});
