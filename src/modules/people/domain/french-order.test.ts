import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareFrench, sortFrench } from "./french-order.ts";

describe("French alphabetical order", () => {
  it("sorts accented capitals with their letter, not after Z", () => {
    assert.deepEqual(sortFrench(["Statistique publique", "Économétrie", "Séries temporelles", "Sondages", "Secret statistique"], (name) => name), [
      "Économétrie",
      "Secret statistique",
      "Séries temporelles",
      "Sondages",
      "Statistique publique",
    ]);
  });

  it("ignores case, and orders numbers by value", () => {
    assert.deepEqual(sortFrench(["eau", "Zinc", "Apprentissage", "Saison 10", "Saison 9"], (name) => name), ["Apprentissage", "eau", "Saison 9", "Saison 10", "Zinc"]);
  });

  it("still tells apart names that differ only by accents or case, for a stable order", () => {
    assert.notEqual(compareFrench("Resume", "Résumé"), 0);
    assert.equal(compareFrench("Python", "Python"), 0);
  });
});
