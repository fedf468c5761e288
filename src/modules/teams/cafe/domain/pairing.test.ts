import assert from "node:assert/strict";
import { describe, test } from "node:test";
import highsModule from "highs";
import { allowedPairs, type CafeCandidate, computePairing, mayMeet, type PastMeeting } from "./pairing.ts";
import { addMonths, frenchMonth, monthsBetween, parisMonthOf } from "./months.ts";

function person(id: string, ministryId: string | null, leftOutLastRound = false): CafeCandidate {
  return { id, ministryId, leftOutLastRound };
}

function sortedGroups(groups: string[][]): string[][] {
  return groups.map((group) => [...group].sort()).sort((x, y) => (x.join() < y.join() ? -1 : 1));
}

/** A small pseudo-random generator, so that the random instances are the same at every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe("café 10 % pairing", () => {
  test("never pairs two people of one ministry, trios included", async () => {
    const random = generator(7);
    const candidates = Array.from({ length: 61 }, (_, index) => person(`p${String(index).padStart(3, "0")}`, `m${Math.floor(random() * 4)}`));
    const ministryOf = new Map(candidates.map((candidate) => [candidate.id, candidate.ministryId]));
    const { groups, unpaired } = await computePairing({ month: "2026-12", candidates, history: [] });
    assert.ok(groups.length >= 29, `only ${groups.length} groups`);
    for (const group of groups) assert.equal(new Set(group.map((id) => ministryOf.get(id))).size, group.length, `one ministry twice in ${group.join(", ")}`);
    assert.equal(groups.flat().length + unpaired.length, candidates.length);
    assert.equal(new Set(groups.flat()).size, groups.flat().length, "someone is in two groups");
  });

  test("never repeats a pair met within twelve months, but allows it from the twelfth month on", async () => {
    const candidates = [person("a", "m1"), person("b", "m1"), person("c", "m2"), person("d", "m2")];
    const metElevenMonthsAgo = await computePairing({ month: "2026-12", candidates, history: [{ a: "a", b: "c", month: "2026-01" }] });
    assert.deepEqual(sortedGroups(metElevenMonthsAgo.groups), [["a", "d"], ["b", "c"]]);

    const metTwelveMonthsAgo = await computePairing({
      month: "2026-12",
      candidates,
      history: [
        { a: "c", b: "a", month: "2025-12" },
        { a: "a", b: "d", month: "2026-06" },
      ],
    });
    assert.deepEqual(sortedGroups(metTwelveMonthsAgo.groups), [["a", "c"], ["b", "d"]]);
    assert.equal(mayMeet("2026-12", candidates[0]!, candidates[2]!, [{ a: "a", b: "c", month: "2026-01" }]), false);
    assert.equal(mayMeet("2026-12", candidates[0]!, candidates[2]!, [{ a: "a", b: "c", month: "2025-12" }]), true);
  });

  test("never repeats a pair of the last twelve months on a larger instance with a full history", async () => {
    const random = generator(11);
    const candidates = Array.from({ length: 40 }, (_, index) => person(`p${String(index).padStart(3, "0")}`, `m${index % 5}`));
    const history: PastMeeting[] = [];
    let month = "2026-01";
    for (let round = 0; round < 11; round++) {
      const { groups } = await computePairing({ month, candidates: candidates.filter(() => random() < 0.9), history });
      for (const group of groups) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) history.push({ a: group[i]!, b: group[j]!, month });
      month = addMonths(month, 1);
    }
    const { groups } = await computePairing({ month: "2026-12", candidates, history });
    const metThisYear = new Set(history.map((meeting) => [meeting.a, meeting.b].sort().join("|")));
    for (const group of groups) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) assert.ok(!metThisYear.has([group[i]!, group[j]!].sort().join("|")), `${group[i]} and ${group[j]} met this year`);
    assert.ok(groups.length >= 18, `only ${groups.length} groups`);
  });

  test("prefers people who never met to people who met more than a year ago", async () => {
    const candidates = [person("a", "m1"), person("b", "m2"), person("c", "m1"), person("d", "m2")];
    const { groups } = await computePairing({ month: "2026-12", candidates, history: [{ a: "a", b: "b", month: "2025-01" }] });
    assert.deepEqual(sortedGroups(groups), [["a", "d"], ["b", "c"]]);
  });

  test("an odd one out joins a pair as a trio when it breaks no rule", async () => {
    const { groups, unpaired } = await computePairing({ month: "2026-12", candidates: [person("a", "m1"), person("b", "m2"), person("c", "m3")], history: [] });
    assert.deepEqual(sortedGroups(groups), [["a", "b", "c"]]);
    assert.deepEqual(unpaired, []);
  });

  test("an odd one out who would break a rule in every trio is left out, and the one left out last month goes first", async () => {
    const candidates = [person("a", "m1"), person("b", "m2"), person("c", "m1")];
    const first = await computePairing({ month: "2026-12", candidates, history: [] });
    assert.equal(first.groups.length, 1);
    assert.equal(first.unpaired.length, 1);
    assert.ok(first.groups[0]!.includes("b"));

    const leftOut = first.unpaired[0]!;
    const next = await computePairing({ month: "2027-01", candidates: candidates.map((candidate) => ({ ...candidate, leftOutLastRound: candidate.id === leftOut })), history: [] });
    assert.ok(next.groups[0]!.includes(leftOut), `${leftOut} left out twice`);
  });

  test("an unknown ministry is never taken for another one", async () => {
    const { groups } = await computePairing({ month: "2026-12", candidates: [person("a", null), person("b", null)], history: [] });
    assert.deepEqual(sortedGroups(groups), [["a", "b"]]);
  });

  test("finds the most pairs where a greedy pass on the preferred pair would leave two people alone", async () => {
    // Allowed pairs: a–b, b–c, c–d (the others met this year). b–c never met, so it is the preferred pair;
    // taking it first leaves a and d, who may not meet. The matching takes a–b and c–d.
    const candidates = [person("a", "m1"), person("b", "m2"), person("c", "m3"), person("d", "m4")];
    const history: PastMeeting[] = [
      { a: "a", b: "c", month: "2026-05" },
      { a: "a", b: "d", month: "2026-05" },
      { a: "b", b: "d", month: "2026-06" },
      { a: "a", b: "b", month: "2024-01" },
      { a: "c", b: "d", month: "2024-01" },
    ];
    const { groups, unpaired } = await computePairing({ month: "2026-12", candidates, history });
    assert.deepEqual(sortedGroups(groups), [["a", "b"], ["c", "d"]]);
    assert.deepEqual(unpaired, []);
  });

  test("is deterministic for a month, whatever the order of the participants", async () => {
    const random = generator(3);
    const candidates = Array.from({ length: 30 }, (_, index) => person(`p${String(index).padStart(3, "0")}`, `m${index % 6}`));
    const shuffled = [...candidates].sort(() => random() - 0.5);
    const first = await computePairing({ month: "2026-12", candidates, history: [] });
    const second = await computePairing({ month: "2026-12", candidates: shuffled, history: [] });
    assert.deepEqual(sortedGroups(second.groups), sortedGroups(first.groups));
  });

  test("finds as many pairs, and as much weight, as HiGHS's integer programme on random instances", async () => {
    // The package's default export is the loader under tsx, or a namespace holding it.
    const loadHighs: typeof highsModule.default = typeof highsModule === "function" ? highsModule : highsModule.default;
    const highs = await loadHighs();
    const random = generator(5);
    for (let instance = 0; instance < 20; instance++) {
      const size = 5 + Math.floor(random() * 12);
      const candidates = Array.from({ length: size }, (_, index) => person(`p${String(index).padStart(3, "0")}`, random() < 0.1 ? null : `m${Math.floor(random() * 4)}`, random() < 0.1));
      const history: PastMeeting[] = Array.from({ length: size * 2 }, () => ({ a: candidates[Math.floor(random() * size)]!.id, b: candidates[Math.floor(random() * size)]!.id, month: `2026-0${1 + Math.floor(random() * 9)}` }));
      const input = { month: "2026-12", candidates, history };
      const pairing = await computePairing(input);
      const { edges } = allowedPairs(input);
      if (edges.length === 0) continue;
      // Independent check: maximise pairs × BIG + weight, each person in at most one pair.
      const big = 1e9;
      const lp = [
        "Maximize",
        ` obj: ${edges.map((edge, index) => `${big + edge.weight} x${index}`).join(" + ")}`,
        "Subject To",
        ...candidates.map((_, person) => ` p${person}: ${edges.flatMap((edge, index) => (edge.i === person || edge.j === person ? [`x${index}`] : [])).join(" + ") || "0 x0"} <= 1`),
        "Binary",
        ` ${edges.map((_, index) => `x${index}`).join(" ")}`,
        "End",
      ].join("\n");
      const solution = highs.solve(lp, { mip_rel_gap: 0 } as never);
      assert.equal(solution.Status, "Optimal");
      const pairs = Math.round(solution.ObjectiveValue / big);
      assert.equal(pairing.groups.length, pairs, `instance ${instance}: pairs`);
      assert.equal(pairing.weight, Math.round(solution.ObjectiveValue - pairs * big), `instance ${instance}: weight`);
    }
  });

  test("considering each person's most preferred pairs first loses no pair, and no weight with the usual number of them", async () => {
    const random = generator(9);
    for (let instance = 0; instance < 4; instance++) {
      const candidates = Array.from({ length: 90 }, (_, index) => person(`p${String(index).padStart(3, "0")}`, `m${Math.floor(random() * (2 + instance * 3))}`, random() < 0.05));
      const history: PastMeeting[] = Array.from({ length: 600 }, () => ({ a: candidates[Math.floor(random() * 90)]!.id, b: candidates[Math.floor(random() * 90)]!.id, month: `2026-${String(1 + Math.floor(random() * 11)).padStart(2, "0")}` }));
      const few = await computePairing({ month: "2026-12", candidates, history, neighbours: 3 });
      const usual = await computePairing({ month: "2026-12", candidates, history });
      const all = await computePairing({ month: "2026-12", candidates, history, neighbours: Infinity });
      assert.equal(few.groups.flat().length, all.groups.flat().length, `instance ${instance}: people paired with 3 pairs a person`);
      assert.equal(usual.groups.flat().length, all.groups.flat().length, `instance ${instance}: people paired`);
      assert.equal(usual.weight, all.weight, `instance ${instance}: weight`);
    }
  });

  test("pairs several hundred people across ministries, each in one group", async () => {
    const candidates = Array.from({ length: 400 }, (_, index) => person(`p${String(index).padStart(4, "0")}`, index % 23 === 0 ? null : `m${index % 14}`));
    const { groups, unpaired } = await computePairing({ month: "2026-12", candidates, history: [] });
    assert.equal(groups.length, 200);
    assert.deepEqual(unpaired, []);
    assert.equal(new Set(groups.flat()).size, 400);
  });
});

describe("café 10 % months", () => {
  test("a round's month is the month of Paris", () => {
    assert.equal(parisMonthOf(new Date("2026-11-30T23:30:00Z")), "2026-12");
    assert.equal(parisMonthOf(new Date("2026-12-31T22:59:00Z")), "2026-12");
    assert.equal(parisMonthOf(new Date("2026-12-31T23:00:00Z")), "2027-01");
  });

  test("counts and adds months across years, and names them in French", () => {
    assert.equal(monthsBetween("2025-12", "2026-12"), 12);
    assert.equal(monthsBetween("2026-01", "2026-12"), 11);
    assert.equal(addMonths("2026-12", 1), "2027-01");
    assert.equal(addMonths("2026-01", -1), "2025-12");
    assert.equal(frenchMonth("2026-08"), "août 2026");
  });
});
