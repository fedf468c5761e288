import type { Highs, ModelStatusCode } from "highs";
import { loadSolver } from "../highs-runtime.ts";
import { buildAssignmentModel, type AssignmentModel } from "./assignment-model.ts";
import type { AssignmentInstance } from "./instance.ts";
import { explainPlacements } from "./placement-reasons.ts";
import { startingBasis } from "./starting-basis.ts";
import { brokenRules } from "./team-rules.ts";

export type PassedOverReason = "full" | "mix" | "skills" | "balance";
export type PlacementReason =
  /** `passedOver`: the better-ranked wishes not granted, with why. */
  | { kind: "wish"; rank: number; passedOver: { projectId: string; why: PassedOverReason }[] }
  /** Placed (also) to cover a required skill no one else in the team covers at the level (not said of a first wish). */
  | { kind: "skill"; skillId: string; rank: number | null }
  | { kind: "any_project" }
  | { kind: "fixed"; fixedKind: "lead" | "lock" | "priority" };
export type Placement = { memberId: string; projectId: string; rank: number | null; reason: PlacementReason };
export type UnplacedReason = { kind: "no_wish" } | { kind: "wishes_unavailable"; passedOver: { projectId: string; why: PassedOverReason }[] };
export type RelaxedRule =
  /** `missing`: how many members short (min) or over (max). */
  | { rule: "min_size" | "max_size"; projectId: string; missing: number }
  | { rule: "required_skill"; projectId: string; skillId: string; level: number }
  /** `minimum`: the season's minimum number of ministries, for the text. */
  | { rule: "min_ministries"; projectId: string; missing: number; minimum?: number }
  /** `share`: the season's maximum share, for the text (« la moitié »). */
  | { rule: "max_ministry_share"; projectId: string; ministryId: string | null; over: number; share?: number }
  /** A lock into an unknown project, or a second lock for one member. */
  | { rule: "lock"; projectId: string; memberId: string };
export type AssignmentResult = {
  provenOptimal: boolean;
  /** HiGHS model status text (« Optimal », « Time limit reached »…). */
  status: string;
  /** The satisfaction maximised: Σ weights of the free members' placements. */
  objective: number;
  /** The whole objective of the integer programme (and of the LP file): objective − bigM × Σ slacks; equal to `objective` when no rule was relaxed. */
  modelObjective: number;
  /** Fixed members included, sorted by projectId then memberId. */
  placements: Placement[];
  unplaced: { memberId: string; reason: UnplacedReason }[];
  /** Empty when every rule held. */
  relaxed: RelaxedRule[];
  /** rankCounts[r - 1]: free members placed on their r-th wish. */
  rankCounts: number[];
  /** Free members placed outside their wishes through « n'importe quel projet ». */
  anyProjectCount: number;
  /** Time spent in HiGHS (model load and solve). */
  solveMilliseconds: number;
  /** Which step proved (or ended) the solve: the LP relaxation, a MIP after reduced-cost fixing, or the whole MIP (ADR 0030). */
  method: SolveMethod;
};

export type SolveMethod = "lp" | "reduced_mip" | "mip";

/** Past this allowance (in units of satisfaction below the LP bound), the restricted MIPs grow large: HiGHS' whole MIP takes over. */
const maxAllowance = 8;

export type SolveAssignmentOptions = {
  /** Default 10 s; past it the best solution found is returned with `provenOptimal: false`. */
  timeLimitSeconds?: number;
  /** HiGHS presolve for the whole MIP (default off: faster on these models, measured in ADR 0030). */
  presolve?: boolean;
  /** Skip the LP-first steps and run HiGHS' whole MIP directly (for tests and measures). */
  wholeMip?: boolean;
};

/** HiGHS' WebAssembly runtime, loaded once per process (shared with the café 10 % matching). */
export { loadSolver };

const statusTexts: Record<ModelStatusCode, string> = {
  0: "Not Set",
  1: "Load error",
  2: "Model error",
  3: "Presolve error",
  4: "Solve error",
  5: "Postsolve error",
  6: "Empty",
  7: "Optimal",
  8: "Infeasible",
  9: "Primal infeasible or unbounded",
  10: "Unbounded",
  11: "Bound on objective reached",
  12: "Target for objective reached",
  13: "Time limit reached",
  14: "Iteration limit reached",
  15: "Unknown",
  16: "Solution limit reached",
  17: "Interrupted by user",
};

/**
 * Computes the optimal teams of a season (issue 14): maximises the members' satisfaction under the
 * season's rules, relaxing (and naming) the rules that cannot hold rather than failing. Pure apart from
 * the solver: same instance, in any order, same result.
 */
export async function solveAssignment(instance: AssignmentInstance, options: SolveAssignmentOptions = {}): Promise<AssignmentResult> {
  const highs = await loadSolver();
  const model = buildAssignmentModel(instance);
  const started = performance.now();
  const { status, values, modelObjective, method } = runHighs(highs, model, options);
  const solveMilliseconds = performance.now() - started;

  const projectOf = new Map<string, string>();
  for (const member of model.members) if (member.fixed) projectOf.set(member.id, member.fixed.projectId);
  let objective = 0;
  if (values) {
    model.columns.forEach((column, index) => {
      if (column.kind.kind !== "place" || values[index]! < 0.5) return;
      projectOf.set(model.members[column.kind.member]!.id, model.projects[column.kind.project]!.id);
      objective += column.cost;
    });
  }
  const { placements, unplaced } = explainPlacements(model.members, model.projects, model.rules, projectOf);
  const rankCounts = model.weights.ranks.map(() => 0);
  let anyProjectCount = 0;
  for (const placement of placements) {
    if (placement.reason.kind === "fixed") continue;
    if (placement.rank === null) anyProjectCount++;
    else rankCounts[placement.rank - 1]!++;
  }
  return {
    provenOptimal: status === highs.constants.modelStatus.optimal,
    status: statusTexts[status],
    objective,
    modelObjective: values ? modelObjective : 0,
    placements,
    unplaced,
    relaxed: relaxedRules(model, placements),
    rankCounts,
    anyProjectCount,
    solveMilliseconds,
    method,
  };
}

type HighsOutcome = { status: ModelStatusCode; values: Float64Array | null; modelObjective: number; method: SolveMethod };

function runHighs(highs: Highs, model: AssignmentModel, options: SolveAssignmentOptions): HighsOutcome {
  const { columns, rows } = model;
  if (columns.length === 0) return { status: highs.constants.modelStatus.optimal, values: new Float64Array(0), modelObjective: 0, method: "lp" };
  const starts = new Int32Array(rows.length + 1);
  let nonZeros = 0;
  rows.forEach((row, index) => {
    nonZeros += row.indices.length;
    starts[index + 1] = nonZeros;
  });
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let at = 0;
  for (const row of rows) {
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
  }
  const handle = highs.createModel({
    numCols: columns.length,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(columns, (column) => column.cost),
    colLower: Float64Array.from(columns, (column) => column.lower),
    colUpper: Float64Array.from(columns, (column) => column.upper),
    rowLower: Float64Array.from(rows, (row) => (row.sense === "<=" ? -highs.infinity : row.rhs)),
    rowUpper: Float64Array.from(rows, (row) => (row.sense === ">=" ? highs.infinity : row.rhs)),
    matrix: { format: "csr", numRows: rows.length, numCols: columns.length, starts, indices, values },
  });
  const integrality = Int32Array.from(columns, (column) => (column.integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous));
  const makeInteger = () => handle.changeColsIntegrality({ kind: "range", from: 0, to: columns.length - 1 }, integrality);
  // One call per set of columns (indices increasing), not one per column through the WebAssembly boundary.
  const setBounds = (indices: number[], lower: (index: number) => number, upper: (index: number) => number) => {
    if (indices.length > 0) handle.changeColsBounds({ kind: "set", indices: Int32Array.from(indices) }, Float64Array.from(indices, lower), Float64Array.from(indices, upper));
  };
  const release = (indices: number[]) => setBounds(indices, (index) => columns[index]!.lower, (index) => columns[index]!.upper);
  try {
    handle.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 10,
      presolve: options.presolve ? "on" : "off",
      // The objective is integral (integer weights and penalties): an absolute gap below 1 proves the optimum.
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      random_seed: 0,
    });
    const optimal = highs.constants.modelStatus.optimal;
    const feasible = () => handle.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;

    // 1. The LP relaxation (the model is loaded without integrality): on these models it is most often
    //    integral, hence the proven optimum (pure wishes and capacities are a network flow, whose LP always is).
    //    The dual simplex starts from a greedy basis (starting-basis.ts): same optimum, a quarter of the iterations.
    if (options.wholeMip) makeInteger();
    else handle.setBasis(startingBasis(model, highs.constants.basisStatus));
    handle.run();
    if (!options.wholeMip && handle.getModelStatus() === optimal) {
      const { colValue: relaxed, colDual: reducedCosts } = handle.getSolution();
      const { colStatus } = handle.getBasis();
      const bound = handle.getObjectiveValue();
      const fractional = columns.some((column, index) => column.integer && Math.abs(relaxed[index]! - Math.round(relaxed[index]!)) > 1e-6);
      if (!fractional) return { status: optimal, values: roundIntegers(columns, relaxed), modelObjective: bound, method: "lp" };
      // The objective is integral, so no solution beats the LP bound rounded down.
      const best = Math.floor(bound + 1e-6);

      // 2. Reduced-cost fixing against a target (exact). A solution of objective ≥ target differs from the
      //    LP optimum only in columns whose reduced cost is at most bound − target (LP duality), so every
      //    other column at a bound keeps its LP value. HiGHS solves the MIP left; if its optimum reaches the
      //    target, it is the optimum of the whole model. Otherwise no solution reaches the target: it is
      //    lowered to the solution found (if any), else the allowance doubles.
      makeInteger();
      handle.options.set("presolve", "on");
      const { lower, upper } = highs.constants.basisStatus;
      const candidates = columns.flatMap((column, index) => (column.integer && (colStatus[index] === lower || colStatus[index] === upper) ? [index] : []));
      let incumbent: { values: Float64Array; objective: number } | null = null;
      let fixed: number[] = [];
      for (let allowance = 1; allowance <= maxAllowance; allowance *= 2) {
        const target = incumbent ? Math.max(incumbent.objective, best - allowance) : best - allowance;
        release(fixed);
        fixed = candidates.filter((index) => Math.abs(reducedCosts[index]!) > bound - target + 1e-6);
        const lpValue = (index: number) => Math.round(relaxed[index]!);
        setBounds(fixed, lpValue, lpValue);
        handle.run();
        const status = handle.getModelStatus();
        if (status === optimal && feasible()) {
          const found = { values: handle.getSolution().colValue, objective: handle.getObjectiveValue() };
          if (found.objective > target - 0.5) return { status: optimal, values: roundIntegers(columns, found.values), modelObjective: found.objective, method: "reduced_mip" };
          if (!incumbent || found.objective > incumbent.objective) incumbent = found;
        } else if (status !== highs.constants.modelStatus.infeasible) break;
      }
      release(fixed);
      handle.options.set("presolve", options.presolve ? "on" : "off");
      // With that start, HiGHS' primal heuristics have little left to find: its effort goes to the proof.
      if (incumbent) {
        handle.options.set("mip_heuristic_effort", 0);
        handle.setSolution({ colValue: incumbent.values });
      }
    } else if (!options.wholeMip) makeInteger();

    // 3. The whole MIP, HiGHS' branch and cut within the time limit (started from step 2's best solution;
    //    already run above with `wholeMip`).
    if (!options.wholeMip) handle.run();
    const status = handle.getModelStatus();
    const hasSolution = feasible();
    return { status, values: hasSolution ? roundIntegers(columns, handle.getSolution().colValue) : null, modelObjective: hasSolution ? handle.getObjectiveValue() : 0, method: "mip" };
  } finally {
    handle.dispose();
  }
}

function roundIntegers(columns: AssignmentModel["columns"], values: Float64Array): Float64Array {
  return values.map((value, index) => (columns[index]!.integer ? Math.round(value) : value));
}

/** Locks that could not apply, then each finished team's broken rules; by project, in the model's order. */
function relaxedRules(model: AssignmentModel, placements: { memberId: string; projectId: string }[]): RelaxedRule[] {
  const memberById = new Map(model.members.map((member) => [member.id, member]));
  const teams = new Map(model.projects.map((project) => [project.id, [] as NonNullable<ReturnType<typeof memberById.get>>[]]));
  for (const placement of placements) teams.get(placement.projectId)!.push(memberById.get(placement.memberId)!);
  const locks: RelaxedRule[] = model.rejectedFixed.map(({ memberId, projectId }) => ({ rule: "lock", projectId, memberId }));
  const broken = model.projects.flatMap((project) => brokenRules(teams.get(project.id)!, project, model.rules));
  return [...locks, ...broken].sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
}
