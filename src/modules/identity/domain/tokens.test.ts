import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createToken, hashToken, safeReturnPath } from "./tokens.ts";

describe("safeReturnPath", () => {
  it("accepts a path of the site, with its query string", () => {
    assert.equal(safeReturnPath("/compte?x=1"), "/compte?x=1");
    assert.equal(safeReturnPath("/"), "/");
    assert.equal(safeReturnPath("/admin/domaines#liste"), "/admin/domaines#liste");
  });

  it("refuses a protocol-relative address", () => {
    assert.equal(safeReturnPath("//evil.example"), null);
    assert.equal(safeReturnPath("//evil.example/compte"), null);
  });

  it("refuses an absolute address", () => {
    assert.equal(safeReturnPath("https://evil.example"), null);
    assert.equal(safeReturnPath("http://localhost:3000/compte"), null);
    assert.equal(safeReturnPath("javascript:alert(1)"), null);
  });

  it("refuses a backslash that browsers read as a second slash", () => {
    assert.equal(safeReturnPath("/\\evil.example"), null);
  });

  it("refuses control characters, which browsers strip before following the address", () => {
    assert.equal(safeReturnPath("/\t/evil.example"), null);
    assert.equal(safeReturnPath("/\n/evil.example"), null);
    assert.equal(safeReturnPath("/compte\r\nSet-Cookie: x=1"), null);
    assert.equal(safeReturnPath("/compte\u0000"), null);
  });

  it("percent-encodes what a Location header cannot hold (above U+007F, spaces) as browsers do, and keeps what is already encoded", () => {
    assert.equal(safeReturnPath("/annuaire?q=€ et ü"), "/annuaire?q=%E2%82%AC%20et%20%C3%BC");
    assert.equal(safeReturnPath("/annuaire?q=%E2%82%AC"), "/annuaire?q=%E2%82%AC");
    assert.equal(safeReturnPath("/projets/🚀"), "/projets/%F0%9F%9A%80");
    for (const path of ["/€", "/a b", "/é", "/\u3000/x"]) assert.match(safeReturnPath(path)!, /^\/[\x21-\x7e]*$/);
  });

  it("refuses a lone surrogate, which cannot be encoded", () => {
    assert.equal(safeReturnPath("/compte\ud800"), null);
  });

  it("refuses anything that is not a string, is empty or is too long", () => {
    assert.equal(safeReturnPath(undefined), null);
    assert.equal(safeReturnPath(null), null);
    assert.equal(safeReturnPath(["/compte"]), null);
    assert.equal(safeReturnPath(""), null);
    assert.equal(safeReturnPath(`/${"a".repeat(500)}`), null);
  });
});

describe("sign-in tokens", () => {
  it("creates URL-safe random tokens of 32 bytes, different each time", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createToken()));
    assert.equal(tokens.size, 50);
    for (const token of tokens) assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  });

  it("stores a token as its SHA-256 hash, always the same for the same token", () => {
    const token = createToken();
    assert.match(hashToken(token), /^[0-9a-f]{64}$/);
    assert.equal(hashToken(token), hashToken(token));
    assert.notEqual(hashToken(token), hashToken(createToken()));
    assert.notEqual(hashToken(token), token);
  });
});
