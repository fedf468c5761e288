import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countOf, plural } from "./french-plural.ts";

describe("French plurals", () => {
  it("keeps the singular for 0 and 1, the plural from 2", () => {
    assert.equal(plural(0, "projet"), "projet");
    assert.equal(plural(1, "projet"), "projet");
    assert.equal(plural(2, "projet"), "projets");
    assert.equal(plural(2, "bureau", "bureaux"), "bureaux");
  });

  it("writes a count and its noun with a non-breaking space, digits grouped the French way", () => {
    assert.equal(countOf(0, "projet"), "0\u00a0projet");
    assert.equal(countOf(1, "organisation participante", "organisations participantes"), "1\u00a0organisation participante");
    assert.equal(countOf(1234, "membre"), "1\u202f234\u00a0membres");
  });
});
