import { buildAssignmentModel, type AssignmentModel } from "./assignment-model.ts";
import type { AssignmentInstance } from "./instance.ts";

/**
 * The assignment's integer programme in CPLEX LP format, for an independent check by any other solver
 * (GLPK: `glpsol --lp file.lp`, CBC: `cbc file.lp solve`). It is the very model `solveAssignment` gives
 * HiGHS (same `buildAssignmentModel`), so its optimum is the result's `modelObjective`: the satisfaction
 * minus bigM per unit of relaxed rule, equal to `objective` when every rule held.
 *
 * Names are index-based (x_<member>_<project>, see the comment block for the ids): safe for every reader.
 */
export function writeLpFile(instance: AssignmentInstance): string {
  return formatLp(buildAssignmentModel(instance));
}

const termsPerLine = 8;

function number(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

function linear(indices: readonly number[], values: readonly number[], names: readonly string[]): string {
  const terms = indices.map((column, position) => {
    const value = values[position]!;
    const magnitude = Math.abs(value) === 1 ? "" : `${number(Math.abs(value))} `;
    return `${value < 0 ? "-" : "+"} ${magnitude}${names[column]}`;
  });
  const lines: string[] = [];
  for (let start = 0; start < terms.length; start += termsPerLine) lines.push(terms.slice(start, start + termsPerLine).join(" "));
  const text = lines.join("\n   ");
  return text.startsWith("+ ") ? text.slice(2) : text;
}

function comment(text: string): string {
  // A comment runs to the end of its line: ids never break out of it.
  return `\\ ${text.replace(/[\r\n]/g, " ")}`;
}

export function formatLp(model: AssignmentModel): string {
  const names = model.columns.map((column) => column.name);
  const out: string[] = [
    comment("Programme 10 % — team assignment (ADR 0030). Maximise the satisfaction minus bigM per unit of slack"),
    comment(`(a relaxed rule); bigM = ${model.bigM}. x_i_j = 1 places member i in project j.`),
    comment(`rules: ${JSON.stringify(model.rules)}; weights: ${JSON.stringify(model.weights)}`),
    ...model.projects.map((project, index) => comment(`project ${index} = ${project.id}`)),
    ...model.members.map((member, index) => comment(`member ${index} = ${member.id}${member.fixed ? ` (fixed: ${member.fixed.kind} in ${member.fixed.projectId})` : ""}`)),
    "Maximize",
  ];
  const objective = model.columns.flatMap((column, index) => (column.cost === 0 ? [] : [index]));
  const objectiveText = linear(
    objective,
    objective.map((index) => model.columns[index]!.cost),
    names,
  );
  // An objective needs a term: with nothing to decide, a zero-cost dummy keeps the file readable.
  out.push(` obj: ${objectiveText || "0 nothing_to_decide"}`);
  out.push("Subject To");
  for (const row of model.rows) out.push(` ${row.name}: ${linear(row.indices, row.values, names)} ${row.sense} ${number(row.rhs)}`);
  // Readers want at least one constraint: a model without rows gets one that always holds.
  if (model.rows.length === 0) out.push(` trivial: ${names[0] ?? "nothing_to_decide"} >= 0`);

  const bounds: string[] = [];
  const generals: string[] = [];
  const binaries: string[] = [];
  for (const column of model.columns) {
    if (column.integer && column.lower === 0 && column.upper === 1) binaries.push(column.name);
    else {
      bounds.push(` ${number(column.lower)} <= ${column.name} <= ${number(column.upper)}`);
      if (column.integer) generals.push(column.name);
    }
  }
  out.push("Bounds", ...bounds);
  const list = (items: string[]) => {
    for (let start = 0; start < items.length; start += termsPerLine) out.push(` ${items.slice(start, start + termsPerLine).join(" ")}`);
  };
  if (generals.length > 0) {
    out.push("Generals");
    list(generals);
  }
  if (binaries.length > 0) {
    out.push("Binary");
    list(binaries);
  }
  out.push("End", "");
  return out.join("\n");
}
