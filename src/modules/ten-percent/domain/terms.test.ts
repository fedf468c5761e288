import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { approximatePercentOfTime, approximateShareNote } from "./terms.ts";

describe("the share of time as a rough percentage", () => {
  it("counts about 5 % per half-day a month", () => {
    assert.equal(approximatePercentOfTime(1), 5);
    assert.equal(approximatePercentOfTime(2), 10);
    assert.equal(approximatePercentOfTime(3), 15);
    assert.equal(approximatePercentOfTime(10), 50);
  });

  it("says it only for a number of half-days, not for the programme's 10 %", () => {
    assert.equal(approximateShareNote({ shareKind: "half_days", halfDaysPerMonth: 3 }), "soit environ 15\u00a0% de son temps");
    assert.equal(approximateShareNote({ shareKind: "ten_percent", halfDaysPerMonth: 2 }), null);
  });
});
