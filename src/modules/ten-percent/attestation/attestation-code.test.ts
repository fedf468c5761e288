import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newAttestationCode, normaliseAttestationCode } from "./attestation-code.ts";

describe("Attestation codes", () => {
  it("are P10- and twelve unambiguous characters, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newAttestationCode()));
    assert.equal(codes.size, 200);
    for (const code of codes) assert.match(code, /^P10-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("use all 60 random bits", () => {
    assert.equal(newAttestationCode(() => Buffer.alloc(8, 0)), "P10-0000-0000-0000");
    assert.equal(newAttestationCode(() => Buffer.alloc(8, 0xff)), "P10-ZZZZ-ZZZZ-ZZZZ");
  });

  it("are read back whatever the case, spaces, dashes, prefix, and O, I or L typed for 0 and 1", () => {
    for (const typed of ["P10-AB12-CD34-EF56", "p10 ab12 cd34 ef56", "ab12cd34ef56", " AB12-CD34-EF56 ", "P1O-AB1Z-CD34-EF56".replace("1Z", "12"), "plo-abI2-cd34-ef56"])
      assert.equal(normaliseAttestationCode(typed), "P10-AB12-CD34-EF56", typed);
  });

  it("refuse what cannot be a code", () => {
    for (const typed of ["", "P10-AB12-CD34", "P10-AB12-CD34-EF5U", "P10-AB12-CD34-EF567", "<script>", "P10-ÀB12-CD34-EF56"]) assert.equal(normaliseAttestationCode(typed), null, typed);
  });
});
