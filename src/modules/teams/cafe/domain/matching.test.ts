import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Highs } from "highs";
import { loadSolver } from "../../highs-runtime.ts";
import { maximumMatching, type MatchingEdge } from "./matching.ts";
import { allowedPairs, type PastMeeting } from "./pairing.ts";

/** A small pseudo-random generator, so that the random instances are the same at every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Independent check: HiGHS' MIP of the matching (binary x per edge, one degree row per vertex), pairs first. */
function oracle(highs: Highs, vertexCount: number, edges: readonly MatchingEdge[]): { pairs: number; weight: number } {
  const big = 1e9;
  const lp = [
    "Maximize",
    ` obj: ${edges.map((edge, index) => `${big + edge.weight} x${index}`).join(" + ")}`,
    "Subject To",
    ...Array.from({ length: vertexCount }, (_, vertex) => ` v${vertex}: ${edges.flatMap((edge, index) => (edge.i === vertex || edge.j === vertex ? [`x${index}`] : [])).join(" + ") || "0 x0"} <= 1`),
    "Binary",
    ` ${edges.map((_, index) => `x${index}`).join(" ")}`,
    "End",
  ].join("\n");
  const solution = highs.solve(lp, { mip_rel_gap: 0 } as never);
  assert.equal(solution.Status, "Optimal");
  const pairs = Math.round(solution.ObjectiveValue / big);
  return { pairs, weight: Math.round(solution.ObjectiveValue - pairs * big) };
}

function summary(mate: readonly number[], edges: readonly MatchingEdge[]): { pairs: number; weight: number } {
  let pairs = 0;
  let weight = 0;
  mate.forEach((other, vertex) => {
    if (other < vertex) return;
    assert.equal(mate[other], vertex, `${vertex} and ${other} disagree`);
    const edge = edges.find((candidate) => (candidate.i === vertex && candidate.j === other) || (candidate.i === other && candidate.j === vertex));
    assert.ok(edge, `${vertex}–${other} is not an edge`);
    pairs++;
    weight += edge.weight;
  });
  return { pairs, weight };
}

describe("café 10 % matching: LP with blossom cuts", () => {
  test("equals HiGHS' integer programme on random small instances with few ministries, whatever edges the first LP holds", async () => {
    const highs = await loadSolver();
    const random = generator(21);
    let instancesWithCuts = 0;
    for (let instance = 0; instance < 60; instance++) {
      const size = 5 + Math.floor(random() * 20);
      const ministries = 2 + Math.floor(random() * 3);
      const candidates = Array.from({ length: size }, (_, index) => ({ id: `p${String(index).padStart(3, "0")}`, ministryId: `m${Math.floor(random() * ministries)}`, leftOutLastRound: random() < 0.1 }));
      const history: PastMeeting[] = Array.from({ length: Math.floor(random() * size * 3) }, () => ({
        a: candidates[Math.floor(random() * size)]!.id,
        b: candidates[Math.floor(random() * size)]!.id,
        month: `2026-0${1 + Math.floor(random() * 9)}`,
      }));
      const { edges } = allowedPairs({ month: `2026-${10 + (instance % 3)}`, candidates, history });
      if (edges.length === 0) continue;
      // Half of the instances start from a few edges only: pricing must bring in the others.
      const initialEdges = instance % 2 === 0 ? undefined : edges.flatMap((_, index) => (random() < 0.2 ? [index] : []));
      const result = maximumMatching(highs, size, edges, { initialEdges });
      assert.equal(result.provenOptimal, true, `instance ${instance}: not proven`);
      // Proven by the LP and its cuts, not by the MIP fallback.
      assert.equal(result.method, "lp", `instance ${instance}: the cuts did not finish`);
      assert.deepEqual(summary(result.mate, edges), oracle(highs, size, edges), `instance ${instance}`);
      if (result.cuts > 0) instancesWithCuts++;
    }
    // The instances exercise the cuts, not only integral first LPs.
    assert.ok(instancesWithCuts >= 10, `only ${instancesWithCuts} instances needed cuts`);
  });

  test("an odd cycle makes the first LP fractional: a blossom cut gives the integral optimum", async () => {
    const highs = await loadSolver();
    // Two triangles joined by a light bridge. The degree rows alone allow ½ on each triangle edge:
    // 3 pairs' worth and weight 600, above any matching (3 pairs need the bridge: weight 200).
    const edges: MatchingEdge[] = [
      { i: 0, j: 1, weight: 100 },
      { i: 1, j: 2, weight: 100 },
      { i: 0, j: 2, weight: 100 },
      { i: 3, j: 4, weight: 100 },
      { i: 4, j: 5, weight: 100 },
      { i: 3, j: 5, weight: 100 },
      { i: 2, j: 3, weight: 0 },
    ];
    const result = maximumMatching(highs, 6, edges);
    assert.ok(result.cuts >= 1, "no cut was needed");
    assert.equal(result.method, "lp");
    assert.equal(result.provenOptimal, true);
    assert.deepEqual(result.mate, [1, 0, 3, 2, 5, 4]);
    assert.deepEqual(summary(result.mate, edges), oracle(highs, 6, edges));
  });

  test("an odd number of people on one odd cycle: one left out, the lightest edge of the cycle unused", async () => {
    const highs = await loadSolver();
    const edges: MatchingEdge[] = [0, 1, 2, 3, 4].map((vertex) => ({ i: vertex, j: (vertex + 1) % 5, weight: vertex === 2 ? 1 : 10 }));
    const result = maximumMatching(highs, 5, edges);
    assert.equal(result.provenOptimal, true);
    assert.deepEqual(summary(result.mate, edges), { pairs: 2, weight: 20 });
    assert.ok(result.cuts >= 1);
  });
});
