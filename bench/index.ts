// `npm run bench [-- <scenario>…] [-- --json] [-- --duration=<seconds>]`
// Runs the registered scenarios (all by default) against the production build and prints their
// figures: a table, or with --json one JSON object per line per figure (progress goes to stderr).
import os from "node:os";
import { formatJsonLines, formatTable, summarize } from "./reporter.ts";
import { assignmentScenario } from "./scenarios/assignment.ts";
import { directoryScenario } from "./scenarios/directory.ts";
import { pagesScenario } from "./scenarios/pages.ts";
import { registrationsScenario } from "./scenarios/registrations.ts";
import type { Figure, Scenario } from "./types.ts";

/** Every scenario; later issues add theirs here. */
const scenarios: Scenario[] = [pagesScenario, directoryScenario, registrationsScenario, assignmentScenario];

const args = process.argv.slice(2);
const json = args.includes("--json");
const durationArg = args.find((arg) => arg.startsWith("--duration="));
const durationSeconds = durationArg ? Number(durationArg.slice("--duration=".length)) : 10;
const unknownFlags = args.filter((arg) => arg.startsWith("--") && arg !== "--json" && !arg.startsWith("--duration="));
const names = args.filter((arg) => !arg.startsWith("--"));
const unknownNames = names.filter((name) => !scenarios.some((scenario) => scenario.name === name));

if (args.includes("--help") || unknownFlags.length > 0 || unknownNames.length > 0 || !(durationSeconds > 0)) {
  if (unknownNames.length > 0) console.error(`Unknown scenario: ${unknownNames.join(", ")}`);
  if (unknownFlags.length > 0 && !args.includes("--help")) console.error(`Unknown option: ${unknownFlags.join(", ")}`);
  console.error("Usage: npm run bench -- [scenario…] [--json] [--duration=<seconds per target, default 10>]\n\nScenarios:");
  for (const scenario of scenarios) console.error(`  ${scenario.name.padEnd(12)} ${scenario.description}`);
  process.exit(args.includes("--help") ? 0 : 2);
}

const selected = names.length > 0 ? scenarios.filter((scenario) => names.includes(scenario.name)) : scenarios;
const log = (message: string) => console.error(`[bench] ${message}`);
const cores = os.availableParallelism();
log(
  `${cores} core(s) (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}: the server and the load generator (autocannon) share them, ` +
    "so every figure is lower than with the load generated from another machine.",
);

const all: Figure[] = [];
for (const scenario of selected) {
  log(`scenario ${scenario.name}: ${scenario.description}`);
  const figures = await scenario.run({ durationSeconds, log });
  all.push(...figures);
  if (json) console.log(formatJsonLines(figures));
  else console.log(`\n${formatTable(figures)}\n`);
}
const summary = summarize(all);
const note = `${summary.text} Server and load generator shared ${cores} core(s); ${durationSeconds} s of load per target after a 2 s warm-up.`;
if (json) log(note);
else console.log(note);
// A figure that could not be measured fails the run (exit code 1): a missing part is not a met target.
if (summary.notMeasured > 0) process.exitCode = 1;
