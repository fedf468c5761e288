import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parisDayOf } from "../../../shared/french-date.ts";
import { currentPhase, defaultPhaseTemplate, isCalendarDay, type PhaseDates, spreadDefaultPhases, validateSeason } from "./phases.ts";

const season = { startsOn: "2024-01-01", endsOn: "2024-12-15" };
const phases: PhaseDates[] = [
  { key: "call", name: "Appel à projets", startsOn: "2024-01-01", endsOn: "2024-02-15" },
  { key: "qualification", name: "Qualification", startsOn: "2024-02-16", endsOn: "2024-03-10" },
  { key: "construction", name: "Construction", startsOn: "2024-04-01", endsOn: "2024-06-30" },
  { key: "closing", name: "Restitution", startsOn: "2024-07-01", endsOn: "2024-12-15" },
];

describe("the default phase template", () => {
  it("lists the eight phases of a season in order, from the call for projects to the closing", () => {
    assert.deepEqual(
      defaultPhaseTemplate.map((phase) => phase.key),
      ["call", "qualification", "launch", "wishes", "investigation", "construction", "amplification", "closing"],
    );
    assert.deepEqual(
      defaultPhaseTemplate.map((phase) => phase.name),
      ["Appel à projets", "Qualification", "Lancement", "Vœux", "Investigation", "Construction", "Amplification", "Restitution"],
    );
  });

  it("spreads the phases over the season without gaps, the last one ending with the season, and passes the validation", () => {
    const spread = spreadDefaultPhases(season);
    assert.equal(spread.length, 8);
    assert.equal(spread[0]!.startsOn, "2024-01-01");
    assert.equal(spread[7]!.endsOn, "2024-12-15");
    for (let index = 1; index < spread.length; index++) {
      const previousEnd = new Date(`${spread[index - 1]!.endsOn}T00:00Z`).getTime();
      assert.equal(new Date(`${spread[index]!.startsOn}T00:00Z`).getTime() - previousEnd, 86_400_000);
    }
    assert.deepEqual(validateSeason(season, spread), {});
  });
});

describe("validating a season's phases", () => {
  it("accepts ordered phases inside the season, gaps between phases included", () => {
    assert.deepEqual(validateSeason(season, phases), {});
  });

  it("refuses a season ending before it starts, and days that do not exist", () => {
    assert.equal(validateSeason({ startsOn: "2024-12-15", endsOn: "2024-01-01" }, []).endsOn, "La saison doit se terminer après son début.");
    const errors = validateSeason({ startsOn: "2024-02-30", endsOn: "" }, phases);
    assert.match(errors.startsOn!, /date de début de la saison/);
    assert.match(errors.endsOn!, /date de fin de la saison/);
    assert.equal(isCalendarDay("2024-02-29"), true);
    assert.equal(isCalendarDay("2023-02-29"), false);
  });

  it("refuses a season without phases", () => {
    assert.equal(validateSeason(season, []).phases, "Une saison a au moins une phase.");
  });

  it("says at the field which phase has no name, ends before it starts, or leaves the season", () => {
    const errors = validateSeason(season, [
      { ...phases[0]!, name: " " },
      { ...phases[1]!, startsOn: "2024-03-10", endsOn: "2024-03-01" },
      { ...phases[2]!, endsOn: "2025-01-10" },
    ]);
    assert.equal(errors["phases.0.name"], "Indiquez le nom de la phase n°\u00a01.");
    assert.equal(errors["phases.1.endsOn"], "La phase «\u00a0Qualification\u00a0» doit se terminer après son début.");
    assert.equal(errors["phases.2.endsOn"], "La phase «\u00a0Construction\u00a0» se termine après la saison.");
    assert.equal(validateSeason(season, [{ ...phases[0]!, startsOn: "2023-12-01" }])["phases.0.startsOn"], "La phase «\u00a0Appel à projets\u00a0» commence avant la saison.");
  });

  it("refuses phases that overlap or are out of order", () => {
    const overlapping = validateSeason(season, [phases[0]!, { ...phases[1]!, startsOn: "2024-02-15" }]);
    assert.equal(overlapping["phases.1.startsOn"], "La phase «\u00a0Qualification\u00a0» doit commencer après la fin de la phase précédente («\u00a0Appel à projets\u00a0»).");
    const outOfOrder = validateSeason(season, [phases[2]!, phases[0]!]);
    assert.match(outOfOrder["phases.1.startsOn"]!, /après la fin de la phase précédente/);
  });
});

describe("the current phase", () => {
  it("is the phase whose days include today in Paris", () => {
    const status = currentPhase(season, phases, new Date("2024-05-10T10:00:00Z"));
    assert.equal(status.kind, "current");
    assert.equal(status.kind === "current" && status.phase.key, "construction");
  });

  it("is still the phase ending «\u00a030 juin\u00a0» at 23:30 Paris time on 30 June, and the next one at 00:10 on 1 July", () => {
    // 23:30 in Paris (summer time, UTC+2) is 21:30 UTC.
    const lateOnTheLastDay = currentPhase(season, phases, new Date("2024-06-30T21:30:00Z"));
    assert.equal(lateOnTheLastDay.kind === "current" && lateOnTheLastDay.phase.key, "construction");
    // 00:10 on 1 July in Paris is still 30 June in UTC.
    const nextMorning = currentPhase(season, phases, new Date("2024-06-30T22:10:00Z"));
    assert.equal(nextMorning.kind === "current" && nextMorning.phase.key, "closing");
    assert.equal(parisDayOf(new Date("2024-06-30T22:10:00Z")), "2024-07-01");
  });

  it("starts at midnight in Paris on its first day (winter time)", () => {
    // 00:30 on 16 February in Paris (UTC+1) is 23:30 UTC on the 15th.
    const status = currentPhase(season, phases, new Date("2024-02-15T23:30:00Z"));
    assert.equal(status.kind === "current" && status.phase.key, "qualification");
  });

  it("between two phases is the next one, «\u00a0à venir\u00a0»", () => {
    const status = currentPhase(season, phases, new Date("2024-03-20T12:00:00Z"));
    assert.deepEqual(status.kind, "upcoming");
    assert.equal(status.kind === "upcoming" && status.phase.key, "construction");
  });

  it("before the season is its first phase à venir, after the season none", () => {
    const before = currentPhase(season, phases, new Date("2023-11-01T12:00:00Z"));
    assert.equal(before.kind === "upcoming" && before.phase.key, "call");
    assert.deepEqual(currentPhase(season, phases, new Date("2024-12-16T12:00:00Z")), { kind: "none" });
    assert.deepEqual(currentPhase(season, [], new Date("2024-05-01T12:00:00Z")), { kind: "none" });
  });
});
