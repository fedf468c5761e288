import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatCalendarDay, formatCalendarDayWithoutYear, formatDate, formatDateHour, formatDateTime, formatLongDate } from "./french-date.ts";

describe("French dates", () => {
  it("writes the first day of a month « 1er », in Paris time, and the other days as numbers", () => {
    // 31 December 23:30 UTC is already 1 January in Paris.
    assert.equal(formatDate(new Date("2026-12-31T23:30:00Z")), "1er janvier 2027");
    assert.equal(formatDate(new Date("2027-03-11T10:00:00Z")), "11 mars 2027");
    assert.equal(formatDate(new Date("2027-03-21T10:00:00Z")), "21 mars 2027");
    assert.equal(formatDateTime(new Date("2027-03-01T13:30:00Z")), "1er mars 2027 à\u00a014\u00a0h\u00a030");
    assert.equal(formatDateHour(new Date("2027-03-01T13:00:00Z")), "1er mars 2027 à\u00a014\u00a0h");
    assert.equal(formatLongDate(new Date("2027-03-01T13:00:00Z")), "lundi 1er mars 2027");
  });

  it("writes a calendar day without shifting it, « 1er » included", () => {
    assert.equal(formatCalendarDay("2024-03-01"), "1er mars 2024");
    assert.equal(formatCalendarDay("2024-06-30"), "30 juin 2024");
    assert.equal(formatCalendarDayWithoutYear("2024-09-01"), "1er septembre");
    assert.equal(formatCalendarDayWithoutYear("2024-09-11"), "11 septembre");
  });
});
