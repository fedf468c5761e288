import type { Highs } from "highs";

/**
 * Maximum-cardinality, maximum-weight matching in a general graph, solved exactly as a linear programme
 * in HiGHS (ADR 0032). Written for this project from the textbook description of Edmonds' matching
 * polytope: the LP relaxation with one degree row per vertex (x(δ(v)) ≤ 1) has half-integral vertices whose
 * fractional edges form odd cycles; each such odd set S is cut off by its blossom inequality
 * x(E(S)) ≤ (|S| − 1) / 2, and the LP is solved again (HiGHS starts from the previous basis) until its
 * optimum is integral, hence a proven optimal matching. Edges enter the LP by column generation: a first
 * set (each vertex's most preferred edges), then every edge whose reduced cost shows it could improve the
 * LP, until none can. If cuts are still needed after `maxCutRounds` rounds, HiGHS' MIP finishes the job
 * with every cut found so far, within a time limit, and the result says whether the optimum is proven.
 */

export type MatchingEdge = { i: number; j: number; weight: number };

export type MatchingOptions = {
  /** Indices (in `edges`) of the edges the first LP holds; the others enter when their reduced cost asks. Default: all. */
  initialEdges?: readonly number[];
  /** Rounds of blossom cuts before the MIP takes over (default 50). */
  maxCutRounds?: number;
  /** Time limit of the MIP fallback, in seconds (default 10). */
  timeLimitSeconds?: number;
  /**
   * An upper bound of any matching's total weight (default: the greatest weight × ⌊n / 2⌋). The value of
   * one more edge exceeds it; a tight bound keeps HiGHS' costs small (costs near 10⁹ made its simplex stall).
   */
  weightBound?: number;
};

export type MatchingResult = {
  /** `mate[v]`: the vertex matched with v, or −1. */
  mate: number[];
  /** Whether the matching is proven to have the most pairs, then the greatest weight among those. */
  provenOptimal: boolean;
  /** `lp`: the LP with cuts was integral; `mip`: HiGHS' MIP finished. */
  method: "lp" | "mip";
  /** Rounds that added blossom cuts, and how many cuts in all. */
  cutRounds: number;
  cuts: number;
  /** LP columns at the end (edges brought in by the first set and by pricing). */
  columns: number;
};

const defaultMaxCutRounds = 50;
/** Rounds of cuts that may leave the integer part of the LP bound unchanged before the MIP takes over. */
const maxStalledRounds = 10;
const integralTolerance = 1e-6;
/** Most columns added by one pricing round (the most improving first): keeps each LP small. */
const pricedColumnsPerVertex = 4;

/**
 * The matching with the most edges, then the greatest total weight (weights are integers ≥ 0).
 * Deterministic: the same vertices and edges, in the same order, give the same matching.
 */
export function maximumMatching(highs: Highs, vertexCount: number, edges: readonly MatchingEdge[], options: MatchingOptions = {}): MatchingResult {
  const mate = Array.from({ length: vertexCount }, () => -1);
  if (edges.length === 0) return { mate, provenOptimal: true, method: "lp", cutRounds: 0, cuts: 0, columns: 0 };
  // Cardinality first: each edge is worth more than the weight of any whole matching.
  const big = Math.floor(options.weightBound ?? edges.reduce((max, edge) => Math.max(max, edge.weight), 0) * Math.floor(vertexCount / 2)) + 1;
  const costOf = (edge: MatchingEdge) => big + edge.weight;
  // The objective is an integer: an LP value within 0.5 of the best possible proves an integral optimum.
  // A column whose reduced cost is below `pricingTolerance` can add at most that much per matched edge.
  const pricingTolerance = 0.25 / (Math.floor(vertexCount / 2) + 1);

  const handle = highs.createModel({
    numCols: 0,
    numRows: vertexCount,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(0),
    colLower: new Float64Array(0),
    colUpper: new Float64Array(0),
    rowLower: new Float64Array(vertexCount).fill(-highs.infinity),
    rowUpper: new Float64Array(vertexCount).fill(1),
    matrix: { format: "csr", numRows: vertexCount, numCols: 0, starts: new Int32Array(vertexCount + 1), indices: new Int32Array(0), values: new Float64Array(0) },
  });
  try {
    // An integral objective: a MIP gap below 1 proves the optimum.
    handle.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4, random_seed: 0, mip_rel_gap: 0, mip_abs_gap: 0.99 });
    /** Column c of the LP is edge `columns[c]`. */
    const columns: number[] = [];
    const inLp = new Uint8Array(edges.length);
    /** Blossom cuts: row `vertexCount + k` is `cuts[k]`, a membership mask over the vertices. */
    const cuts: Uint8Array[] = [];

    const addColumns = (edgeIndices: readonly number[]) => {
      const starts = new Int32Array(edgeIndices.length + 1);
      const rowIndices: number[] = [];
      edgeIndices.forEach((edgeIndex, position) => {
        const { i, j } = edges[edgeIndex]!;
        rowIndices.push(Math.min(i, j), Math.max(i, j));
        cuts.forEach((members, k) => {
          if (members[i] && members[j]) rowIndices.push(vertexCount + k);
        });
        starts[position + 1] = rowIndices.length;
        columns.push(edgeIndex);
        inLp[edgeIndex] = 1;
      });
      handle.addCols({
        cost: Float64Array.from(edgeIndices, (edgeIndex) => costOf(edges[edgeIndex]!)),
        lower: new Float64Array(edgeIndices.length),
        upper: new Float64Array(edgeIndices.length).fill(1),
        matrix: { format: "csc", numRows: vertexCount + cuts.length, numCols: edgeIndices.length, starts, indices: Int32Array.from(rowIndices), values: new Float64Array(rowIndices.length).fill(1) },
      });
    };

    const initial = options.initialEdges ? [...new Set(options.initialEdges)].sort((x, y) => x - y) : edges.map((_, index) => index);
    // HiGHS calls a model without columns empty, not optimal: start from one edge at least.
    addColumns(initial.length > 0 ? initial : [0]);
    const maxCutRounds = options.maxCutRounds ?? defaultMaxCutRounds;
    let cutRounds = 0;
    let stalledRounds = 0;
    let lastCeiling = Infinity;
    let values: Float64Array;
    let bound: number;
    for (;;) {
      handle.run();
      if (handle.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`matching LP not solved: status ${handle.getModelStatus()}`);
      const solution = handle.getSolution();
      values = solution.colValue;
      bound = handle.getObjectiveValue();

      // Pricing: an edge outside the LP enters when its reduced cost c − y_i − y_j − Σ_{S ∋ i, j} z_S is positive.
      const priced = priceEdges(edges, inLp, solution.rowDual, vertexCount, cuts, costOf, pricingTolerance);
      if (priced.length > 0) {
        addColumns(priced.slice(0, Math.max(100, pricedColumnsPerVertex * vertexCount)));
        continue;
      }
      if (columns.every((_, column) => isIntegral(values[column]!))) {
        setMates(mate, edges, columns, values);
        return { mate, provenOptimal: true, method: "lp", cutRounds, cuts: cuts.length, columns: columns.length };
      }
      // The objective is an integer: while the cuts do not bring the bound below its next integer, the LP
      // wanders on a face of equal optima (ties of weights); the MIP then finishes from this bound.
      const ceiling = Math.floor(bound + 0.25 + 1e-6);
      stalledRounds = ceiling < lastCeiling ? 0 : stalledRounds + 1;
      lastCeiling = Math.min(lastCeiling, ceiling);
      if (cutRounds >= maxCutRounds || stalledRounds > maxStalledRounds) break;
      const found = violatedBlossoms(vertexCount, edges, columns, values);
      if (found.length === 0) break;
      cutRounds++;
      for (const members of found) {
        const rowColumns: number[] = [];
        columns.forEach((edgeIndex, column) => {
          const { i, j } = edges[edgeIndex]!;
          if (members[i] && members[j]) rowColumns.push(column);
        });
        const size = members.reduce((count, member) => count + member, 0);
        handle.addRow(-highs.infinity, (size - 1) / 2, { indices: Int32Array.from(rowColumns), values: new Float64Array(rowColumns.length).fill(1) });
        cuts.push(members);
      }
    }

    // Fallback: HiGHS' MIP on the LP's columns, with every cut found (they hold for every matching).
    handle.options.set({ presolve: "on", time_limit: options.timeLimitSeconds ?? 10 });
    handle.zeroAllClocks();
    handle.changeColsIntegrality({ kind: "range", from: 0, to: columns.length - 1 }, new Int32Array(columns.length).fill(highs.constants.variableType.integer));
    handle.run();
    const optimal = handle.getModelStatus() === highs.constants.modelStatus.optimal;
    const feasible = handle.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
    // The last LP priced every edge: its value bounds every matching of the whole graph.
    if (optimal && feasible && handle.getObjectiveValue() > Math.floor(bound + 0.25 + 1e-6) - 0.5) {
      setMates(mate, edges, columns, handle.getSolution().colValue);
      return { mate, provenOptimal: true, method: "mip", cutRounds, cuts: cuts.length, columns: columns.length };
    }
    // Otherwise the edges left out of the LP may matter: the MIP on the whole graph.
    const rest = edges.flatMap((_, index) => (inLp[index] ? [] : [index]));
    if (rest.length > 0) {
      addColumns(rest);
      handle.changeColsIntegrality({ kind: "range", from: 0, to: columns.length - 1 }, new Int32Array(columns.length).fill(highs.constants.variableType.integer));
      handle.run();
    }
    const status = handle.getModelStatus();
    if (handle.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible) setMates(mate, edges, columns, handle.getSolution().colValue);
    return { mate, provenOptimal: status === highs.constants.modelStatus.optimal, method: "mip", cutRounds, cuts: cuts.length, columns: columns.length };
  } finally {
    handle.dispose();
  }
}

function isIntegral(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= integralTolerance;
}

function setMates(mate: number[], edges: readonly MatchingEdge[], columns: readonly number[], values: Float64Array): void {
  columns.forEach((edgeIndex, column) => {
    if (values[column]! < 0.5) return;
    const { i, j } = edges[edgeIndex]!;
    mate[i] = j;
    mate[j] = i;
  });
}

/** Edges outside the LP with a positive reduced cost, the most improving first (ties: by index). */
function priceEdges(
  edges: readonly MatchingEdge[],
  inLp: Uint8Array,
  rowDual: Float64Array,
  vertexCount: number,
  cuts: readonly Uint8Array[],
  costOf: (edge: MatchingEdge) => number,
  tolerance: number,
): number[] {
  const improving: { index: number; reducedCost: number }[] = [];
  edges.forEach((edge, index) => {
    if (inLp[index]) return;
    let reducedCost = costOf(edge) - rowDual[edge.i]! - rowDual[edge.j]!;
    cuts.forEach((members, k) => {
      if (members[edge.i] && members[edge.j]) reducedCost -= rowDual[vertexCount + k]!;
    });
    if (reducedCost > tolerance) improving.push({ index, reducedCost });
  });
  return improving.sort((x, y) => y.reducedCost - x.reducedCost || x.index - y.index).map(({ index }) => index);
}

/**
 * Odd vertex sets whose blossom inequality x(E(S)) ≤ (|S| − 1) / 2 the LP solution breaks, found by the
 * textbook exact separation (Padberg and Rao): with each vertex's slack s_v = 1 − x(δ(v)) and an extra
 * vertex d joined to every v with capacity s_v, the inequality reads x(δ(S)) + s(S) ≥ 1, the capacity of
 * the cut around S. Minimum cuts between pairs of vertices, chosen as in Gusfield's construction of a cut
 * tree, include a minimum cut of odd side; each cut below 1 whose side without d is odd gives a
 * violated blossom.
 */
export function violatedBlossoms(vertexCount: number, edges: readonly MatchingEdge[], columns: readonly number[], values: Float64Array): Uint8Array[] {
  const nodes = vertexCount + 1;
  const extra = vertexCount;
  // Sparse undirected network of the solution's support: each arc stores its residual capacity.
  const heads: number[] = [];
  const capacities: number[] = [];
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  const link = (a: number, b: number, capacity: number) => {
    adjacency[a]!.push(heads.length);
    heads.push(b);
    capacities.push(capacity);
    adjacency[b]!.push(heads.length);
    heads.push(a);
    capacities.push(capacity);
  };
  const slack = new Float64Array(vertexCount).fill(1);
  columns.forEach((edgeIndex, column) => {
    const value = values[column]!;
    if (value <= integralTolerance) return;
    const { i, j } = edges[edgeIndex]!;
    slack[i]! -= value;
    slack[j]! -= value;
    link(i, j, value);
  });
  for (let vertex = 0; vertex < vertexCount; vertex++) if (slack[vertex]! > integralTolerance) link(vertex, extra, slack[vertex]!);
  const original = Float64Array.from(capacities);

  /** The side of s in a minimum s–t cut, and its capacity (augmenting shortest paths). */
  const minimumCut = (source: number, sink: number): { side: Uint8Array; capacity: number } => {
    const residual = Float64Array.from(original);
    let flow = 0;
    const via = new Int32Array(nodes);
    for (;;) {
      via.fill(-1);
      const reached = new Uint8Array(nodes);
      reached[source] = 1;
      const queue = [source];
      for (let head = 0; head < queue.length && !reached[sink]; head++) {
        const node = queue[head]!;
        for (const arc of adjacency[node]!) {
          const next = heads[arc]!;
          if (reached[next] || residual[arc]! <= 1e-9) continue;
          reached[next] = 1;
          via[next] = arc;
          queue.push(next);
        }
      }
      if (!reached[sink]) return { side: reached, capacity: flow };
      let push = Infinity;
      for (let node = sink; node !== source; node = heads[via[node]! ^ 1]!) push = Math.min(push, residual[via[node]!]!);
      for (let node = sink; node !== source; node = heads[via[node]! ^ 1]!) {
        residual[via[node]!]! -= push;
        residual[via[node]! ^ 1]! += push;
      }
      flow += push;
    }
  };

  const found: Uint8Array[] = [];
  const seen = new Set<string>();
  const parent = new Int32Array(nodes);
  for (let source = 1; source < nodes; source++) {
    const sink = parent[source]!;
    const { side, capacity } = minimumCut(source, sink);
    for (let node = source + 1; node < nodes; node++) if (side[node] && parent[node] === sink) parent[node] = source;
    // Every vertex's cut is x(δ(v)) + s_v = 1: only a smaller cut can break a blossom inequality.
    if (capacity >= 1 - integralTolerance) continue;
    // The side without the extra vertex, as a set of the graph's vertices.
    const members = new Uint8Array(vertexCount);
    let size = 0;
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      if (Boolean(side[vertex]) !== Boolean(side[extra])) {
        members[vertex] = 1;
        size++;
      }
    }
    if (size < 3 || size % 2 === 0) continue;
    let inside = 0;
    columns.forEach((edgeIndex, column) => {
      const { i, j } = edges[edgeIndex]!;
      if (members[i] && members[j]) inside += values[column]!;
    });
    if (inside <= (size - 1) / 2 + integralTolerance) continue;
    const key = members.join("");
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(members);
  }
  return found;
}
