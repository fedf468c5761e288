import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attendedDurationMinutes } from "./attendance-duration.ts";

describe("attendedDurationMinutes", () => {
  it("counts an afternoon workshop from its start to its end", () => {
    assert.equal(attendedDurationMinutes(new Date("2027-03-09T13:00:00Z"), new Date("2027-03-09T16:30:00Z")), 210);
  });

  it("counts a two-day bootcamp as two days of 9 h to 17 h, not the night between them", () => {
    assert.equal(attendedDurationMinutes(new Date("2027-03-09T08:00:00Z"), new Date("2027-03-10T16:00:00Z")), 2 * 8 * 60);
  });

  it("counts an evening running past midnight (Paris time) from start to end", () => {
    assert.equal(attendedDurationMinutes(new Date("2027-06-10T17:00:00Z"), new Date("2027-06-10T22:30:00Z")), 330);
  });

  it("uses Paris wall time across the change to summer time", () => {
    // 27 and 28 March 2027: Paris moves from UTC+1 to UTC+2 in the night; each day still runs 9 h – 17 h.
    assert.equal(attendedDurationMinutes(new Date("2027-03-27T08:00:00Z"), new Date("2027-03-28T15:00:00Z")), 2 * 8 * 60);
  });
});
