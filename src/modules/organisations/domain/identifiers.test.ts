import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkSiren, checkSiret, compactDigits, siretMismatch } from "./identifiers.ts";

describe("SIREN and SIRET", () => {
  it("accepts real numbers of public bodies, typed with spaces", () => {
    assert.deepEqual(checkSiren(compactDigits("130 025 265")), { ok: true });
    assert.deepEqual(checkSiret(compactDigits("130\u00a0025\u00a0265\u00a000013")), { ok: true });
  });

  it("refuses a wrong length and a wrong control key with different messages", () => {
    const short = checkSiren("13002526");
    const key = checkSiren("130025266");
    assert.equal(short.ok, false);
    assert.equal(key.ok, false);
    assert.match(!short.ok ? short.message : "", /9 chiffres/);
    assert.match(!key.ok ? key.message : "", /clé de contrôle/);
    assert.equal(checkSiret("1300252650001").ok, false);
    assert.equal(checkSiret("13002526500014").ok, false);
  });

  it("accepts La Poste's establishments, whose SIRET follows its own rule", () => {
    assert.deepEqual(checkSiret("35600000000056"), { ok: true });
    assert.equal(checkSiret("35600000000057").ok, false);
  });

  it("requires a SIRET to start with the SIREN when both are given", () => {
    assert.equal(siretMismatch("130025265", "13002526500013"), null);
    assert.equal(siretMismatch(undefined, "13002526500013"), null);
    assert.match(siretMismatch("120027016", "13002526500013") ?? "", /doit commencer par le SIREN \(120027016\)/);
  });
});
