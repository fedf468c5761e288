import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAttestationFacts, noProjectLabel, periodCovered } from "./attestation-facts.ts";

const season = { name: "Saison 2031", slug: "2031", startsOn: "2031-01-05", endsOn: "2031-12-15" };

describe("What an attestation attests", () => {
  it("covers the season from its start to today while it runs, the whole season once over", () => {
    assert.deepEqual(periodCovered(season, "2031-06-15"), { startsOn: "2031-01-05", endsOn: "2031-06-15" });
    assert.deepEqual(periodCovered(season, "2031-12-15"), { startsOn: "2031-01-05", endsOn: "2031-12-15" });
    assert.deepEqual(periodCovered(season, "2032-02-01"), { startsOn: "2031-01-05", endsOn: "2031-12-15" });
  });

  it("lists the events attended and totals the declared work by month and by project", () => {
    const facts = buildAttestationFacts({
      memberName: "Inès Bénali",
      organisation: "",
      season,
      period: { startsOn: "2031-01-05", endsOn: "2031-12-15" },
      agreement: null,
      projects: ["Cartiflette"],
      issuedAt: new Date("2031-12-20T09:00:00Z"),
      lines: [
        { source: "attendance", id: "r1", day: "2031-03-04", month: "2031-03", halfDays: 2, title: "Bootcamp", eventSlug: "bootcamp", eventKind: "bootcamp", mode: "in_person" },
        { source: "work", id: "w1", day: "2031-03-10", month: "2031-03", halfDays: 1, title: "Revue", projectId: "p", projectTitle: "Cartiflette" },
        { source: "work", id: "w2", day: "2031-03-11", month: "2031-03", halfDays: 2, title: "Code", projectId: "p", projectTitle: "Cartiflette" },
        { source: "work", id: "w3", day: "2031-04-02", month: "2031-04", halfDays: 1, title: "Lecture", projectId: null, projectTitle: null },
      ],
    });
    assert.deepEqual(facts.events, [{ title: "Bootcamp", day: "2031-03-04", kind: "bootcamp", halfDays: 2 }]);
    assert.deepEqual(facts.work, {
      byMonth: [
        { month: "2031-03", halfDays: 3 },
        { month: "2031-04", halfDays: 1 },
      ],
      byProject: [
        { project: "Cartiflette", halfDays: 3 },
        { project: noProjectLabel, halfDays: 1 },
      ],
      halfDays: 4,
    });
    assert.equal(facts.attendanceHalfDays, 2);
    assert.equal(facts.totalHalfDays, 6);
    assert.equal(facts.issuedAt, "2031-12-20T09:00:00.000Z");
  });
});
