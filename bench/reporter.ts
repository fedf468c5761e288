import type { Figure } from "./types.ts";

/** One JSON object per line per figure: {"scenario","name","value","unit","target","met"}. */
export function formatJsonLines(figures: Figure[]): string {
  return figures.map(({ scenario, name, value, unit, target, met }) => JSON.stringify({ scenario, name, value, unit, target, met })).join("\n");
}

const columns = ["scenario", "figure", "value", "unit", "target", "met"] as const;

/** A plain-text table; values right-aligned, ✔/✘ for targets, "—" where there is none. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((figure) => [
    figure.scenario,
    figure.name,
    figure.value.toLocaleString("en-US", { maximumFractionDigits: 2 }),
    figure.unit,
    figure.target ?? "—",
    figure.met === null ? "—" : figure.met ? "✔" : "✘",
  ]);
  const widths = columns.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (index === 2 ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join("  ").trimEnd();
  return [line(columns), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

export function summarize(figures: Figure[]): string {
  const withTarget = figures.filter((figure) => figure.met !== null);
  const met = withTarget.filter((figure) => figure.met).length;
  return `${met} of ${withTarget.length} targets met.`;
}
