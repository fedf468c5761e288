// CI: what a newcomer gets from the repository alone. Clones the repository's HEAD into a new temporary folder
// with nothing beside it (no ../shared), then there: `npm ci`, the README's `npm start` (PGlite, demo data) checked
// on the pages a newcomer opens first, then stopped; and, unless --start-only, the test pass on embedded PGlite
// (`npm test`: unit, HTTP and browser tests). Runs on the machine's Node (20 or later): only node: modules.
//
//   node scripts/check-fresh-clone.mjs [--start-only]
// FRESH_CLONE_PORT (default 3999) is the demo's port; FRESH_CLONE_REF (default HEAD) the commit to clone.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const startOnly = process.argv.includes("--start-only");
const port = Number(process.env.FRESH_CLONE_PORT ?? 3999);
const startTimeoutMs = 5 * 60_000;
// A CI checkout owned by another user than the runner's is still ours to read.
const trustRepository = ["-c", `safe.directory=${repository}`];

/** The pages the README's demo must serve from the shipped content alone, and what each must show. */
const expectedPages = [
  { path: "/rejoindre", mustShow: ["<h1>Rejoindre la communauté</h1>", 'href="/rejoindre/inscription"'], mustNotShow: [/framaforms/i] },
  { path: "/projets", mustShow: ["Cartiflette", "Saison 2022", "Saison 2023", "Analyse de corpus de textes juridiques"], mustNotShow: [/framaforms/i] },
  { path: "/formations", mustShow: ["<h1>Formations</h1>", "Machine Learning Ops", "Déploiement d’applications sur Onyxia"], mustNotShow: [] },
];

function step(text) {
  console.log(`\n\x1b[1m-- ${text}\x1b[0m`);
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

/** Runs `npm start` in its own process group, waits for /readyz, checks the pages, then stops the whole group. */
async function checkDemoStart(clone) {
  const log = path.join(path.dirname(clone), "npm-start.log");
  const out = fs.openSync(log, "w");
  const env = { ...process.env, PORT: String(port), HOST: "127.0.0.1" };
  for (const name of ["DATABASE_URL", "CONTENT_DIR", "DATA_DIR", "NODE_ENV", "SEED_DEMO"]) delete env[name];
  const server = spawn("npm", ["start"], { cwd: clone, env, detached: true, stdio: ["ignore", out, out] });
  const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve(code ?? signal)));
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    for (;;) {
      const ended = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 1000))]);
      if (ended !== undefined) throw new Error(`npm start stopped (${ended}) before answering`);
      const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then((response) => response.ok, () => false);
      if (ready) break;
      if (Date.now() - started > startTimeoutMs) throw new Error(`npm start did not answer /readyz within ${startTimeoutMs / 1000} s`);
    }
    console.log(`npm start answers on ${base} after ${Math.round((Date.now() - started) / 1000)} s`);
    for (const page of expectedPages) {
      const response = await fetch(`${base}${page.path}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
      const missing = page.mustShow.filter((text) => !html.includes(text));
      if (missing.length > 0) throw new Error(`${page.path} does not show: ${missing.join(" | ")}`);
      const unwanted = page.mustNotShow.filter((pattern) => pattern.test(html));
      if (unwanted.length > 0) throw new Error(`${page.path} shows: ${unwanted.join(" | ")}`);
      console.log(`${page.path}: 200, shows ${page.mustShow.join(", ")}`);
    }
  } catch (error) {
    console.error(`--- npm start's output (${log}) ---\n${fs.readFileSync(log, "utf8").slice(-6000)}`);
    throw error;
  } finally {
    // The server stops cleanly on SIGTERM (20 s at most); the group holds npm, its shell and the server.
    const signal = (name) => {
      try {
        process.kill(-server.pid, name);
      } catch {
        // Already gone.
      }
    };
    signal("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 25_000))]);
    if (!stopped) signal("SIGKILL");
    fs.closeSync(out);
  }
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "p10-fresh-clone-"));
const clone = path.join(workspace, "repository");
try {
  const head = spawnSync("git", [...trustRepository, "rev-parse", "--verify", `${process.env.FRESH_CLONE_REF ?? "HEAD"}^{commit}`], { cwd: repository, encoding: "utf8" }).stdout.trim();
  if (!head) throw new Error(`no commit ${process.env.FRESH_CLONE_REF}`);
  step(`Fresh clone of ${head} in ${clone}`);
  run("git", [...trustRepository, "clone", "--quiet", "--no-hardlinks", repository, clone]);
  run("git", ["checkout", "--quiet", "--detach", head], { cwd: clone });
  if (fs.existsSync(path.join(clone, "..", "shared"))) throw new Error("the fresh clone must have no ../shared beside it");

  step("npm ci (fresh clone)");
  run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: clone });

  step(`npm start (fresh clone, PGlite, demo data) on port ${port}`);
  await checkDemoStart(clone);

  if (!startOnly) {
    step("Tests on embedded PGlite (fresh clone)");
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.CONTENT_DIR;
    run("npm", ["test"], { cwd: clone, env });
  }
  step("Fresh clone checked");
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
