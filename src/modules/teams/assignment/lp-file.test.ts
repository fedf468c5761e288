import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { writeLpFile } from "./lp-file.ts";
import { solveAssignment } from "./solve-assignment.ts";
import { buildSyntheticAssignmentInstance } from "./synthetic-instance.ts";

// The independent check: another solver (GLPK, CBC: Debian's glpk-utils and coinor-cbc) reads the LP file
// we write and must find the optimum HiGHS found through the arrays.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "p10-assignment-lp-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], install: string): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    assert.fail(`${command} is missing: install ${install} (apt-get install -y ${install}) to check the LP file independently.`);
  }
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

describe("writeLpFile: the model in CPLEX LP format, checked by other solvers", () => {
  const season = buildSyntheticAssignmentInstance({ members: 300, projects: 12, seed: 7 });
  const file = path.join(scratch, "season.lp");

  it("is solved by GLPK to the objective HiGHS found (rules relaxed included)", async () => {
    const result = await solveAssignment(season);
    assert.equal(result.provenOptimal, true);
    assert.ok(result.relaxed.length > 0, "the season should relax some rule so that the penalties are compared too");
    fs.writeFileSync(file, writeLpFile(season));
    const output = path.join(scratch, "glpk.txt");
    run("glpsol", ["--lp", file, "-o", output], "glpk-utils");
    const report = fs.readFileSync(output, "utf8");
    assert.match(report, /Status:\s+INTEGER OPTIMAL/);
    const objective = Number(/Objective:\s+obj = (-?[\d.e+]+)/.exec(report)?.[1]);
    assert.equal(objective, result.modelObjective);
  });

  it("is solved by CBC to the same objective", async () => {
    const result = await solveAssignment(season);
    fs.writeFileSync(file, writeLpFile(season));
    const output = run("cbc", [file, "solve"], "coinor-cbc");
    assert.match(output, /Result - Optimal solution found/);
    const objective = Number(/Objective value:\s+(-?[\d.e+]+)/.exec(output)?.[1]);
    assert.equal(objective, result.modelObjective);
  });

  it("gives, with every rule holding, the satisfaction itself as the objective", async () => {
    const easy = { ...buildSyntheticAssignmentInstance({ members: 120, projects: 6, seed: 11 }), rules: { sizes: true, requiredSkills: false, minMinistries: null, maxMinistryShare: null } };
    const result = await solveAssignment(easy);
    assert.deepEqual(result.relaxed, []);
    assert.equal(result.modelObjective, result.objective);
    fs.writeFileSync(file, writeLpFile(easy));
    const output = path.join(scratch, "glpk-easy.txt");
    run("glpsol", ["--lp", file, "-o", output], "glpk-utils");
    assert.equal(Number(/Objective:\s+obj = (-?[\d.e+]+)/.exec(fs.readFileSync(output, "utf8"))?.[1]), result.objective);
  });

  it("names columns by index only, maps them to ids in comments, and stays readable without any rule row", () => {
    const text = writeLpFile({
      members: [{ id: "membre\n:1", ministryId: null, skills: {}, wishes: ["P"], anyProject: false }],
      projects: [{ id: "P", minSize: 0, maxSize: 1, requiredSkills: [] }],
      fixed: [],
      rules: { sizes: true, requiredSkills: false, minMinistries: null, maxMinistryShare: null },
    });
    assert.match(text, /^\\ member 0 = membre :1$/m);
    assert.match(text, /^Maximize\n obj: 35 x_0_0\nSubject To\n trivial: x_0_0 >= 0\nBounds\nBinary\n x_0_0\nEnd\n$/m);
    fs.writeFileSync(file, text);
    const output = path.join(scratch, "glpk-tiny.txt");
    run("glpsol", ["--lp", file, "-o", output], "glpk-utils");
    assert.equal(Number(/Objective:\s+obj = (-?[\d.e+]+)/.exec(fs.readFileSync(output, "utf8"))?.[1]), 35);
  });
});
