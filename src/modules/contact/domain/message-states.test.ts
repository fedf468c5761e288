import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { nextStatus } from "./message-states.ts";
import { retentionLimit } from "./retention.ts";

describe("contact message states", () => {
  it("makes a new or answered message « answered » when the team replies", () => {
    assert.equal(nextStatus("new", "reply", false), "answered");
    assert.equal(nextStatus("answered", "reply", true), "answered");
  });

  it("refuses a reply to an archived message, at the reply field", () => {
    assert.throws(
      () => nextStatus("archived", "reply", true),
      (error: unknown) => error instanceof InvalidInputError && error.fieldErrors.body === "Ce message est archivé\u00a0: rouvrez-le avant d’y répondre.",
    );
  });

  it("archives a new or answered message once, and reopens it as it was", () => {
    assert.equal(nextStatus("new", "archive", false), "archived");
    assert.equal(nextStatus("answered", "archive", true), "archived");
    assert.throws(() => nextStatus("archived", "archive", true), InvalidInputError);
    assert.equal(nextStatus("archived", "reopen", true), "answered");
    assert.equal(nextStatus("archived", "reopen", false), "new");
    assert.throws(() => nextStatus("new", "reopen", false), InvalidInputError);
  });
});

describe("contact message retention", () => {
  it("keeps a message twelve months after its last activity", () => {
    assert.equal(retentionLimit(new Date("2027-03-15T10:00:00Z")).toISOString(), "2026-03-15T10:00:00.000Z");
  });
});
