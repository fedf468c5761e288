import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ceilingPath } from "../support/ceiling-route.ts";
import { connections, type Load, measureLoad } from "../support/load.ts";
import { repositoryRoot, type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { signInThroughOutbox } from "../support/sign-in.ts";
import type { Figure, Scenario } from "../types.ts";

/** Pages an anonymous visitor sees: ≥ 30 % of the ceiling's requests/s and p99 < 50 ms. */
const minimumRatioPercent = 30;
const maximumP99Ms = 50;

const anonymousPages = [
  { path: "/", label: "home /" },
  { path: "/plan-du-site", label: "site map /plan-du-site" },
  { path: "/actualites", label: "news list /actualites" },
  { path: "/actualites/saison2023", label: "news post /actualites/saison2023" },
  { path: "/projets/cartiflette", label: "project /projets/cartiflette" },
];
const signedInPage = { path: "/compte", label: "account /compte (signed in)", email: "ines.benali@insee.fr" };

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const pagesScenario: Scenario = {
  name: "pages",
  description: `built server (dist/server.js) on a fresh embedded database, ${connections} connections: anonymous pages against the same HTML served as a constant string`,
  async run({ durationSeconds, log }) {
    const figures: Figure[] = [];
    const figure = (name: string, value: number, unit: string, target: { op: "≥" | "<"; limit: number } | null = null) => {
      const met = target ? (target.op === "≥" ? value >= target.limit : value < target.limit) : null;
      figures.push({ scenario: "pages", name, value, unit, target: target ? `${target.op} ${target.limit}` : null, met });
    };
    const loadFigures = (label: string, load: Load, targets: { p99?: boolean } = {}) => {
      figure(`${label}: requests/s`, round(load.requestsPerSecond, 0), "req/s");
      figure(`${label}: p50 latency`, load.p50, "ms");
      figure(`${label}: p99 latency`, load.p99, "ms", targets.p99 ? { op: "<", limit: maximumP99Ms } : null);
    };

    log("building done; starting dist/server.js on a fresh embedded database (demo data seeded on first start)…");
    const server = await startServerProcess({
      name: "app",
      args: ["--import", "./bench/support/ceiling-route.ts", "dist/server.js"],
      readyPath: "/readyz",
    });
    let homeHtml = "";
    try {
      for (const page of anonymousPages) {
        const html = await getHtml(server, page.path);
        if (page.path === "/") homeHtml = html;
        log(`${page.path} (${Math.round(html.length / 1024)} KiB): ceiling, the same HTML as a constant string from the same server…`);
        const ceiling = await measureLoad(`${server.baseUrl}${ceilingPath}?page=${encodeURIComponent(page.path)}`, { durationSeconds });
        log(`${page.path}: the page…`);
        const load = await measureLoad(`${server.baseUrl}${page.path}`, { durationSeconds });
        loadFigures(`${page.label} — ceiling (constant string)`, ceiling);
        loadFigures(page.label, load, { p99: true });
        figure(`${page.label}: requests/s vs ceiling`, round((100 * load.requestsPerSecond) / ceiling.requestsPerSecond), "%", { op: "≥", limit: minimumRatioPercent });
      }

      log(`${signedInPage.path}: signing ${signedInPage.email} in through the local outbox…`);
      const cookie = await signInThroughOutbox(server.baseUrl, signedInPage.email);
      const account = await getHtml(server, signedInPage.path, { cookie });
      if (!account.includes(signedInPage.email)) throw new Error(`${signedInPage.path} does not show the signed-in account`);
      log(`${signedInPage.path}: rendered for each request (session, account and organisations read from the database)…`);
      loadFigures(signedInPage.label, await measureLoad(`${server.baseUrl}${signedInPage.path}`, { durationSeconds, headers: { cookie } }));

      log("/readyz: one database round trip per request…");
      loadFigures("readiness /readyz (select 1)", await measureLoad(`${server.baseUrl}/readyz`, { durationSeconds }));
    } finally {
      await server.stop();
    }

    log("framework ceiling: bare Fastify (no plugin, hook or logger) serving the home HTML…");
    const htmlDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "p10-bench-html-"));
    const htmlFile = path.join(htmlDirectory, "home.html");
    fs.writeFileSync(htmlFile, homeHtml);
    const bare = await startServerProcess({ name: "bare-fastify", args: [path.join(repositoryRoot, "bench/support/bare-fastify-server.ts")], env: { BENCH_HTML_FILE: htmlFile }, readyPath: "/" });
    try {
      loadFigures("home HTML from bare Fastify (framework ceiling)", await measureLoad(`${bare.baseUrl}/`, { durationSeconds }));
    } finally {
      await bare.stop();
      fs.rmSync(htmlDirectory, { recursive: true, force: true });
    }
    return figures;
  },
};

async function getHtml(server: ServerProcess, pathname: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}`);
  return body;
}
