import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDeletionConfirmed } from "./deletion-confirmation.ts";

describe("deletion confirmation", () => {
  it("accepts the word SUPPRIMER whatever its case and surrounding spaces", () => {
    assert.equal(isDeletionConfirmed("SUPPRIMER", "a.b@insee.fr"), true);
    assert.equal(isDeletionConfirmed("  supprimer ", "a.b@insee.fr"), true);
  });

  it("accepts the account's own address whatever its case", () => {
    assert.equal(isDeletionConfirmed("A.B@Insee.fr", "a.b@insee.fr"), true);
  });

  it("refuses anything else, including another address or a partial word", () => {
    assert.equal(isDeletionConfirmed("", "a.b@insee.fr"), false);
    assert.equal(isDeletionConfirmed("SUPPRIME", "a.b@insee.fr"), false);
    assert.equal(isDeletionConfirmed("c.d@insee.fr", "a.b@insee.fr"), false);
    assert.equal(isDeletionConfirmed("oui", "a.b@insee.fr"), false);
  });
});
