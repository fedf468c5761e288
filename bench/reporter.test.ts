import assert from "node:assert/strict";
import { test } from "node:test";
import { formatJsonLines, formatTable, notMeasured, summarize } from "./reporter.ts";
import type { Figure } from "./types.ts";

const measured: Figure[] = [
  { scenario: "directory", name: "PGlite 10k: p95", value: 40, unit: "ms", target: "< 100", met: true },
  { scenario: "directory", name: "PGlite 10k: p50", value: 20, unit: "ms", target: null, met: null },
];
const unmeasured = notMeasured({ scenario: "directory", name: "PostgreSQL 100k: p95", unit: "ms", target: "< 50", reason: "no server at postgres://127.0.0.1:5432" });

test("a target whose measure failed counts as not met, never as a smaller denominator", () => {
  const summary = summarize([...measured, unmeasured]);
  assert.equal(summary.notMeasured, 1);
  assert.match(summary.text, /^1 of 2 targets met/);
  assert.match(summary.text, /1 not measured/);
  assert.match(summary.text, /PostgreSQL 100k: p95/);
});

test("a run with every target measured says so and has nothing unmeasured", () => {
  const summary = summarize(measured);
  assert.equal(summary.notMeasured, 0);
  assert.equal(summary.text, "1 of 1 targets met.");
});

test("the table and the JSON lines show « non mesuré » with its reason instead of a value", () => {
  const table = formatTable([...measured, unmeasured]);
  const row = table.split("\n").find((line) => line.includes("PostgreSQL 100k"));
  assert.ok(row, table);
  assert.match(row, /non mesuré/);
  assert.match(row, /✘/);
  assert.match(table, /no server at postgres/);
  const json = formatJsonLines([unmeasured]);
  assert.deepEqual(JSON.parse(json), {
    scenario: "directory",
    name: "PostgreSQL 100k: p95",
    value: null,
    unit: "ms",
    target: "< 50",
    met: false,
    measured: false,
    reason: "no server at postgres://127.0.0.1:5432",
  });
});
