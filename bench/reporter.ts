import type { Figure } from "./types.ts";

/**
 * A figure whose measure could not be taken (a PostgreSQL part without a server, a load that failed):
 * printed « non mesuré » with its reason and counted as a target not met, so that a run missing a part
 * never reads as « N of M met » with a smaller M.
 */
export function notMeasured(figure: { scenario: string; name: string; unit: string; target: string | null; reason: string }): Figure {
  return { ...figure, value: null, met: figure.target === null ? null : false };
}

/** One JSON object per line per figure: {"scenario","name","value","unit","target","met","measured"} (+ "reason" when not measured). */
export function formatJsonLines(figures: Figure[]): string {
  return figures
    .map(({ scenario, name, value, unit, target, met, reason }) =>
      JSON.stringify({ scenario, name, value, unit, target, met, measured: value !== null, ...(value === null ? { reason: reason ?? "" } : {}) }),
    )
    .join("\n");
}

const columns = ["scenario", "figure", "value", "unit", "target", "met"] as const;

/** A plain-text table; values right-aligned, ✔/✘ for targets, "—" where there is none; « non mesuré » rows followed by their reason. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((figure) => [
    figure.scenario,
    figure.name,
    figure.value === null ? "non mesuré" : figure.value.toLocaleString("en-US", { maximumFractionDigits: 2 }),
    figure.unit,
    figure.target ?? "—",
    figure.met === null ? "—" : figure.met ? "✔" : "✘",
  ]);
  const widths = columns.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (index === 2 ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join("  ").trimEnd();
  const reasons = [...new Set(figures.filter((figure) => figure.value === null).map((figure) => `non mesuré (${figure.scenario}): ${figure.reason ?? "no reason given"}`))];
  return [line(columns), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line), ...reasons].join("\n");
}

/** The closing line: targets met out of every target, the unmeasured ones included and named. */
export function summarize(figures: Figure[]): { text: string; notMeasured: number } {
  const withTarget = figures.filter((figure) => figure.target !== null);
  const met = withTarget.filter((figure) => figure.met === true).length;
  const unmeasured = figures.filter((figure) => figure.value === null);
  const text =
    unmeasured.length === 0
      ? `${met} of ${withTarget.length} targets met.`
      : `${met} of ${withTarget.length} targets met; ${unmeasured.length} not measured (non mesuré, the run fails): ${unmeasured.map((figure) => `${figure.scenario} « ${figure.name} »`).join(", ")}.`;
  return { text, notMeasured: unmeasured.length };
}
