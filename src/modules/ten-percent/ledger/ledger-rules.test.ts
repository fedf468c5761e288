import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkBudget, halfDaysLabel, halfDaysOfAttendance, isCountedEventKind, isMonthClosed, monthLabel, parisMonthOfInstant } from "../domain/ledger-rules.ts";
import { type LedgerLine, summariseLedger } from "./ledger-repository.ts";

const minutes = (start: string, end: string) => (new Date(end).getTime() - new Date(start).getTime()) / 60_000;

function attendance(start: string, end: string, durationMinutes = minutes(start, end)): number {
  return halfDaysOfAttendance(new Date(start), new Date(end), durationMinutes);
}

describe("what an attended event weighs, in half-days", () => {
  it("counts a workshop of 3 h as one half-day, and 4 h still one", () => {
    assert.equal(attendance("2031-05-06T12:00:00Z", "2031-05-06T15:00:00Z"), 1);
    assert.equal(attendance("2031-05-06T12:00:00Z", "2031-05-06T16:00:00Z"), 1);
  });

  it("counts a day of 8 h, and 9 h – 18 h, as two half-days, never more in one day", () => {
    assert.equal(attendance("2031-05-06T07:00:00Z", "2031-05-06T15:00:00Z"), 2);
    assert.equal(attendance("2031-05-06T07:00:00Z", "2031-05-06T16:00:00Z"), 2);
    assert.equal(attendance("2031-05-06T12:00:00Z", "2031-05-06T16:01:00Z"), 2);
  });

  it("counts a two-day bootcamp as four half-days (nights excluded from the time spent)", () => {
    assert.equal(attendance("2031-06-10T07:00:00Z", "2031-06-11T16:00:00Z", 2 * 9 * 60), 4);
  });

  it("counts workshops, trainings, bootcamps and closings, not webinars", () => {
    for (const kind of ["atelier", "formation", "bootcamp", "cloture"]) assert.equal(isCountedEventKind(kind), true, kind);
    assert.equal(isCountedEventKind("webinaire"), false);
  });

  it("puts an instant in its Paris month (the last evening of a month in UTC may be the next month in Paris)", () => {
    assert.equal(parisMonthOfInstant(new Date("2031-05-31T22:30:00Z")), "2031-06");
    assert.equal(parisMonthOfInstant(new Date("2031-05-31T21:30:00Z")), "2031-05");
  });
});

describe("when a month closes", () => {
  it("keeps a month open until the 10th of the next month included, then closes it", () => {
    assert.equal(isMonthClosed("2031-05", "2031-05-20"), false);
    assert.equal(isMonthClosed("2031-05", "2031-06-10"), false);
    assert.equal(isMonthClosed("2031-05", "2031-06-11"), true);
  });

  it("closes December on 11 January of the next year", () => {
    assert.equal(isMonthClosed("2031-12", "2032-01-10"), false);
    assert.equal(isMonthClosed("2031-12", "2032-01-11"), true);
  });
});

describe("the budget check before a declaration", () => {
  it("says within, reaches or exceeds", () => {
    assert.equal(checkBudget(0, 1, 2), "within");
    assert.equal(checkBudget(1, 1, 2), "reaches");
    assert.equal(checkBudget(1, 2, 2), "exceeds");
    assert.equal(checkBudget(2, 1, 2), "exceeds");
  });

  it("speaks in half-days and months, in French", () => {
    assert.equal(halfDaysLabel(1), "1\u00a0demi-journée");
    assert.equal(halfDaysLabel(3), "3\u00a0demi-journées");
    assert.equal(monthLabel("2031-05"), "mai 2031");
  });
});

function work(day: string, halfDays: number): LedgerLine {
  return { source: "work", id: `travail-${day}`, day, month: day.slice(0, 7), halfDays, title: "Travail", projectId: null, projectTitle: null };
}

function attended(day: string, halfDays: number): LedgerLine {
  return { source: "attendance", id: `inscription-${day}`, day, month: day.slice(0, 7), halfDays, title: "Atelier", eventSlug: "atelier", eventKind: "atelier", mode: "in_person" };
}

describe("the ledger's summary against the budget", () => {
  const terms = { shareKind: "ten_percent" as const, halfDaysPerMonth: 2, startsOn: "2031-03-01", endsOn: "2031-05-31" };

  it("shows every month of the agreement's period, even empty, with attendance and work apart, and the season's totals", () => {
    const summary = summariseLedger([attended("2031-03-12", 2), work("2031-03-20", 1), work("2031-05-02", 2)], terms, "2031-05-20");
    assert.deepEqual(summary.months, [
      { month: "2031-03", attendance: 2, work: 1, used: 3, budget: 2, inAgreement: true, closed: true },
      { month: "2031-04", attendance: 0, work: 0, used: 0, budget: 2, inAgreement: true, closed: true },
      { month: "2031-05", attendance: 0, work: 2, used: 2, budget: 2, inAgreement: true, closed: false },
    ]);
    assert.equal(summary.used, 5);
    assert.equal(summary.budget, 6);
  });

  it("uses the agreement's own number of half-days a month", () => {
    const summary = summariseLedger([], { ...terms, shareKind: "half_days", halfDaysPerMonth: 3 }, "2031-05-20");
    assert.deepEqual(summary.months.map((month) => month.budget), [3, 3, 3]);
    assert.equal(summary.budget, 9);
  });

  it("still counts the lines of a month outside the agreement's period, with no budget for it", () => {
    const summary = summariseLedger([work("2031-02-10", 1), work("2031-04-01", 1)], terms, "2031-05-20");
    assert.deepEqual(summary.months.map((month) => [month.month, month.used, month.budget, month.inAgreement]), [["2031-02", 1, 0, false], ["2031-03", 0, 2, true], ["2031-04", 1, 2, true], ["2031-05", 0, 2, true]]);
    assert.equal(summary.used, 2);
    assert.equal(summary.budget, 6);
  });

  it("without agreement, shows only the months with lines, with no budget", () => {
    const summary = summariseLedger([work("2031-04-01", 1), attended("2031-04-15", 1)], null, "2031-05-20");
    assert.deepEqual(summary, { months: [{ month: "2031-04", attendance: 1, work: 1, used: 2, budget: 0, inAgreement: false, closed: true }], used: 2, budget: 0 });
  });
});
