import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { firstFreeSlug, profileSlugBase, slugify } from "./slugs.ts";

describe("readable addresses of profiles and skills", () => {
  it("writes a name without accents, capitals or punctuation", () => {
    assert.equal(profileSlugBase("Inès", "Benali"), "ines-benali");
    assert.equal(profileSlugBase("Jean-François", "L’Hôte d’Œuvre"), "jean-francois-l-hote-d-oeuvre");
    assert.equal(slugify("  Génération augmentée (RAG) "), "generation-augmentee-rag");
  });

  it("numbers a name already taken: ines-benali, then ines-benali-2", () => {
    assert.equal(firstFreeSlug("ines-benali", new Set()), "ines-benali");
    assert.equal(firstFreeSlug("ines-benali", new Set(["ines-benali"])), "ines-benali-2");
    assert.equal(firstFreeSlug("ines-benali", new Set(["ines-benali", "ines-benali-2"])), "ines-benali-3");
  });

  it("never gives a member the address of a directory page", () => {
    for (const reserved of ["competences", "export", "modifier"]) {
      assert.notEqual(profileSlugBase(reserved, ""), reserved);
      assert.notEqual(firstFreeSlug(reserved, new Set()), reserved);
    }
    assert.notEqual(profileSlugBase("export", "csv"), "export.csv");
  });

  it("gives a name made only of symbols a generic address, and one shaped like an id a prefix", () => {
    assert.equal(profileSlugBase("***", "!!!"), "membre");
    assert.equal(profileSlugBase("12345678-1234-1234-1234", "123456789012"), "membre-12345678-1234-1234-1234-123456789012");
  });
});
