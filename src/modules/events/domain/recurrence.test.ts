import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  carryRelativeTime,
  maxOccurrences,
  occurrenceDays,
  parisInstant,
  parisWallTime,
  seriesOccurrences,
  shiftKeepingWallTime,
  validateRule,
} from "./recurrence.ts";

describe("recurrence of a series", () => {
  it("lists every other Tuesday from the first day until the last one, both included", () => {
    assert.deepEqual(occurrenceDays("2027-03-02", { frequency: "weekly", interval: 2, until: "2027-04-13" }), ["2027-03-02", "2027-03-16", "2027-03-30", "2027-04-13"]);
    assert.deepEqual(occurrenceDays("2027-03-02", { frequency: "weekly", interval: 1, until: "2027-03-15" }), ["2027-03-02", "2027-03-09"]);
  });

  it("keeps the Paris wall time across the change to summer time (28 March 2027): 14 h stays 14 h, the UTC instant moves", () => {
    const first = { startsAt: parisInstant("2027-03-16", "14:00"), endsAt: parisInstant("2027-03-16", "17:30") };
    assert.equal(first.startsAt.toISOString(), "2027-03-16T13:00:00.000Z");
    const occurrences = seriesOccurrences(first, { frequency: "weekly", interval: 2, until: "2027-06-30" });
    assert.equal(occurrences.length, 8);
    assert.deepEqual(
      occurrences.slice(0, 3).map((occurrence) => [occurrence.startsAt.toISOString(), occurrence.endsAt.toISOString()]),
      [
        ["2027-03-16T13:00:00.000Z", "2027-03-16T16:30:00.000Z"],
        ["2027-03-30T12:00:00.000Z", "2027-03-30T15:30:00.000Z"],
        ["2027-04-13T12:00:00.000Z", "2027-04-13T15:30:00.000Z"],
      ],
    );
    for (const occurrence of occurrences) {
      assert.equal(parisWallTime(occurrence.startsAt).time, "14:00");
      assert.equal(parisWallTime(occurrence.endsAt).time, "17:30");
    }
  });

  it("keeps the Paris wall time across the change back to winter time (31 October 2027)", () => {
    const first = { startsAt: parisInstant("2027-10-19", "09:30"), endsAt: parisInstant("2027-10-19", "12:00") };
    const [before, after] = seriesOccurrences(first, { frequency: "weekly", interval: 2, until: "2027-11-02" });
    assert.equal(before!.startsAt.toISOString(), "2027-10-19T07:30:00.000Z");
    assert.equal(after!.startsAt.toISOString(), "2027-11-02T08:30:00.000Z");
    assert.equal(shiftKeepingWallTime(parisInstant("2027-10-30", "23:00"), 1).toISOString(), parisInstant("2027-10-31", "23:00").toISOString());
  });

  it("keeps an event that spans two days spanning two days", () => {
    const first = { startsAt: parisInstant("2027-03-22", "09:00"), endsAt: parisInstant("2027-03-23", "17:00") };
    const [, second] = seriesOccurrences(first, { frequency: "weekly", interval: 1, until: "2027-03-29" });
    assert.deepEqual(parisWallTime(second!.startsAt), { day: "2027-03-29", time: "09:00" });
    assert.deepEqual(parisWallTime(second!.endsAt), { day: "2027-03-30", time: "17:00" });
  });

  it("carries a time tied to an occurrence (registration closing the day before at 18 h) to another one", () => {
    const from = parisInstant("2027-03-16", "14:00");
    const to = parisInstant("2027-03-30", "14:00");
    const carried = carryRelativeTime(parisInstant("2027-03-15", "18:00"), from, to);
    assert.deepEqual(parisWallTime(carried!), { day: "2027-03-29", time: "18:00" });
    assert.equal(carryRelativeTime(null, from, to), null);
  });

  it("refuses a rule in French at its field: interval out of range, end before the start, too many occurrences", () => {
    assert.deepEqual(validateRule("2027-03-02", { interval: 2, until: "2027-06-30" }), {});
    assert.match(validateRule("2027-03-02", { interval: 0, until: "2027-06-30" }).interval!, /entre 1 et 12/);
    assert.match(validateRule("2027-03-02", { interval: null, until: "2027-06-30" }).interval!, /entre 1 et 12/);
    assert.equal(validateRule("2027-03-02", { interval: 2, until: "2027-03-02" }).until, "La date de fin de la série doit suivre la date de la première séance.");
    assert.match(validateRule("2027-03-02", { interval: 2, until: "2027-02-30" }).until!, /AAAA-MM-JJ/);
    assert.match(validateRule("2027-03-02", { interval: 1, until: "2029-03-02" }).until!, new RegExp(`au plus ${maxOccurrences} séances`));
  });
});
