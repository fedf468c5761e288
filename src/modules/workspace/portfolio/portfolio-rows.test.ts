import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attendanceText, filterAndSortPortfolio, type PortfolioFacts, portfolioRows, workingPeriod } from "./portfolio-rows.ts";

const base: PortfolioFacts = { projectId: "p", slug: "p", title: "P", phase: null, nextMilestone: null, lastLog: null, teamSize: 3, ministries: [], lastWorkshops: [] };
const facts: PortfolioFacts[] = [
  { ...base, projectId: "a", title: "Alpha", lastLog: { happenedOn: "2027-03-01", weather: "on_track", weatherNote: "" }, ministries: ["Insee"], teamSize: 5 },
  { ...base, projectId: "b", title: "Bêta", lastLog: { happenedOn: "2027-03-20", weather: "blocked", weatherNote: "Pas d’accès" }, ministries: ["IGN"], nextMilestone: { title: "Démo", dueOn: "2027-04-01" } },
  { ...base, projectId: "c", title: "Gamma", ministries: ["Insee", "IGN"], teamSize: 2 },
];

describe("portfolio rows", () => {
  it("flags a project without a log entry for more than a month, or none a month into the working phases, only while the season's work runs", () => {
    const period = { startsOn: "2027-01-01", endsOn: "2027-11-30" };
    const rows = portfolioRows(facts, "2027-04-05", period);
    assert.deepEqual(rows.map((row) => [row.projectId, row.stale]), [["a", true], ["b", false], ["c", true]]);
    assert.equal(portfolioRows(facts, "2027-01-20", period)[2]!.stale, false);
    // Before the working phases and after the season: no one is flagged.
    assert.ok(portfolioRows(facts, "2026-12-07", period).every((row) => !row.stale));
    assert.ok(portfolioRows(facts, "2028-01-10", period).every((row) => !row.stale));
    // A log entry written before the working phases counts from their start.
    assert.equal(portfolioRows([{ ...base, lastLog: { happenedOn: "2026-11-18", weather: "watch", weatherNote: "" } }], "2027-01-20", period)[0]!.stale, false);
  });

  it("takes the working period from the investigation phase to the season's end", () => {
    const season = { startsOn: "2026-10-15", endsOn: "2027-11-30", phases: [{ key: "call", startsOn: "2026-10-15" }, { key: "investigation", startsOn: "2027-02-16" }] };
    assert.deepEqual(workingPeriod(season), { startsOn: "2027-02-16", endsOn: "2027-11-30" });
    assert.deepEqual(workingPeriod({ ...season, phases: [] }), { startsOn: "2026-10-15", endsOn: "2027-11-30" });
  });

  it("sorts by météo (blocked first, then no news), and filters by ministry, météo and staleness", () => {
    const rows = portfolioRows(facts, "2027-04-05", { startsOn: "2027-01-01", endsOn: "2027-11-30" });
    assert.deepEqual(filterAndSortPortfolio(rows, {}, "meteo").map((row) => row.projectId), ["b", "c", "a"]);
    assert.deepEqual(filterAndSortPortfolio(rows, {}, "equipe").map((row) => row.projectId), ["c", "b", "a"]);
    assert.deepEqual(filterAndSortPortfolio(rows, {}, "jalon").map((row) => row.projectId), ["b", "a", "c"]);
    assert.deepEqual(filterAndSortPortfolio(rows, { ministry: "IGN" }, "titre").map((row) => row.projectId), ["b", "c"]);
    assert.deepEqual(filterAndSortPortfolio(rows, { weather: "none" }, "titre").map((row) => row.projectId), ["c"]);
    assert.deepEqual(filterAndSortPortfolio(rows, { staleOnly: true }, "titre").map((row) => row.projectId), ["a", "c"]);
  });

  it("writes the attendance of the last workshops as members present of the team", () => {
    assert.equal(attendanceText({ lastWorkshops: [] }), "—");
    assert.equal(attendanceText({ lastWorkshops: [{ happenedOn: "2027-03-01", attended: 2, teamSize: 4 }] }), "2\u00a0/\u00a04");
  });
});
