import highsModule, { type Highs } from "highs";

// The package's types describe CommonJS (`module.exports.default`); Node's ESM import gives the loader itself.
const loadHighs: typeof highsModule.default = typeof highsModule === "function" ? highsModule : highsModule.default;
let highsRuntime: Promise<Highs> | undefined;

/**
 * HiGHS' WebAssembly runtime, loaded once per process and reused by every solve of the teams module
 * (the team assignment, ADR 0030, and the café 10 % matching, ADR 0032).
 */
export function loadSolver(): Promise<Highs> {
  highsRuntime ??= loadHighs();
  return highsRuntime;
}
