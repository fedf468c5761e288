import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseParisDate, parseParisDateTime, toParisDateInput, toParisDateTimeInput } from "./paris-time.ts";

describe("Paris date-time fields", () => {
  it("reads a time typed in winter and in summer as Paris time", () => {
    assert.equal(parseParisDateTime("2027-03-03T09:00")?.toISOString(), "2027-03-03T08:00:00.000Z");
    assert.equal(parseParisDateTime("2026-07-14T14:30")?.toISOString(), "2026-07-14T12:30:00.000Z");
  });

  it("reads the hours around a change of time", () => {
    assert.equal(parseParisDateTime("2026-03-29T01:30")?.toISOString(), "2026-03-29T00:30:00.000Z");
    assert.equal(parseParisDateTime("2026-03-29T03:30")?.toISOString(), "2026-03-29T01:30:00.000Z");
    assert.equal(parseParisDateTime("2026-10-25T04:00")?.toISOString(), "2026-10-25T03:00:00.000Z");
  });

  it("refuses what is not a date", () => {
    for (const text of ["", "demain", "2024-02-30T10:00", "2024-13-01T10:00", "2024-01-01T24:00", "2024-01-01 10:00"]) assert.equal(parseParisDateTime(text), null, text);
    assert.equal(parseParisDate("2024-02-31"), null);
  });

  it("shows an instant back in the form's format, in Paris", () => {
    const instant = new Date("2023-02-14T13:30:00Z");
    assert.equal(toParisDateTimeInput(instant), "2023-02-14T14:30");
    assert.equal(toParisDateInput(new Date("2024-06-30T22:00:00Z")), "2024-07-01");
    assert.equal(parseParisDate("2024-07-01")?.toISOString(), "2024-06-30T22:00:00.000Z");
  });
});
