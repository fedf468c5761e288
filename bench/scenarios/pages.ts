import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { notMeasured } from "../reporter.ts";
import { type CapturedPage, capturePage, headerBytes } from "../support/captured-page.ts";
import { connections, type Load, measureLoad } from "../support/load.ts";
import { repositoryRoot, type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { signInThroughOutbox } from "../support/sign-in.ts";
import { createTemporaryDatabase } from "../support/temporary-database.ts";
import type { Figure, Scenario } from "../types.ts";

/**
 * Cached pages an anonymous visitor sees: ≥ 30 % of the requests/s of a bare Fastify server sending the
 * same bytes (ADR 0007), and p99 < 50 ms. Issue 21 raises the ratio to 50 %.
 */
const minimumRatioPercent = 30;
const maximumCachedP99Ms = 50;
const cachedPages = [
  { path: "/", label: "home /" },
  { path: "/plan-du-site", label: "site map /plan-du-site" },
  { path: "/actualites", label: "news list /actualites" },
  { path: "/actualites/saison2023", label: "news post /actualites/saison2023" },
  { path: "/projets/cartiflette", label: "project /projets/cartiflette" },
];

/**
 * Pages rendered for each request (session, database, React), at the demo's size. This issue's targets
 * keep today's figures from getting worse (issue 21's table: /annuaire?q=python 63 req/s and p99 817 ms on
 * PGlite, 151 req/s and 140 ms on PostgreSQL); issue 21 raises them to p99 < 250 ms (PGlite) and
 * < 100 ms (PostgreSQL).
 */
const engines = [
  { kind: "pglite", label: "PGlite", maximumP99Ms: 1_000, minimumRequestsPerSecond: 40 },
  { kind: "postgres", label: "PostgreSQL", maximumP99Ms: 250, minimumRequestsPerSecond: 100 },
] as const;
const member = "ines.benali@insee.fr";
const renderedPages = [
  { path: "/compte", label: "account /compte (signed in)", signedIn: true, status: 200, shows: (html: string) => html.includes(member) },
  { path: "/compte/evenements", label: "« Mes inscriptions » /compte/evenements (signed in)", signedIn: true, status: 200, shows: (html: string) => /Mes inscriptions/.test(html) && /href="\/evenements\//.test(html) },
  { path: "/annuaire?q=python", label: "directory /annuaire?q=python (signed in)", signedIn: true, status: 200, shows: (html: string) => /id="resultats">[^<]*\d/.test(html) },
  { path: "/page-introuvable-du-banc", label: "404 page (anonymous)", signedIn: false, status: 404, shows: (html: string) => html.includes("<html") },
];

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const pagesScenario: Scenario = {
  name: "pages",
  description:
    `built server (dist/server.js) with the demo data, ${connections} connections: cached anonymous pages against a bare Fastify process sending the same bytes; ` +
    "rendered pages (account, « Mes inscriptions », directory with a query, 404) on PGlite and on PostgreSQL",
  async run({ durationSeconds, log }) {
    const figures: Figure[] = [];
    const figure = (name: string, value: number, unit: string, target: { op: "≥" | "<"; limit: number } | null = null) => {
      const met = target ? (target.op === "≥" ? value >= target.limit : value < target.limit) : null;
      figures.push({ scenario: "pages", name, value, unit, target: target ? `${target.op} ${target.limit}` : null, met });
    };
    const loadFigures = (label: string, load: Load, targets: { maximumP99Ms?: number; minimumRequestsPerSecond?: number } = {}) => {
      const perSecond = targets.minimumRequestsPerSecond;
      figure(`${label}: requests/s`, round(load.requestsPerSecond, 0), "req/s", perSecond === undefined ? null : { op: "≥", limit: perSecond });
      figure(`${label}: p50 latency`, load.p50, "ms");
      figure(`${label}: p99 latency`, load.p99, "ms", targets.maximumP99Ms === undefined ? null : { op: "<", limit: targets.maximumP99Ms });
    };

    log("starting dist/server.js on a fresh embedded database (demo data seeded on first start)…");
    const app = await startServerProcess({ name: "app", args: ["dist/server.js"], readyPath: "/readyz" });
    try {
      const captured: CapturedPage[] = [];
      for (const page of cachedPages) {
        await capturePage(app.baseUrl, page.path); // the first answer renders and fills the cache
        const answer = await capturePage(app.baseUrl, page.path);
        if (answer.statusCode !== 200) throw new Error(`${page.path} answered ${answer.statusCode}`);
        captured.push(answer);
      }
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "p10-bench-pages-"));
      const pagesFile = path.join(scratch, "pages.json");
      fs.writeFileSync(pagesFile, JSON.stringify(captured));
      log("ceiling: a bare Fastify process (no plugin, hook or logger) sending the bytes and headers our server just sent for each page…");
      const bare = await startServerProcess({ name: "bare-fastify", args: [path.join(repositoryRoot, "bench/support/bare-fastify-server.ts")], env: { BENCH_PAGES_FILE: pagesFile }, readyPath: "/__ready" });
      try {
        const ceilingUrl = bare.baseUrl;
        for (const [index, page] of cachedPages.entries()) {
          const ours = captured[index]!;
          const ratio = `${page.label}: requests/s vs ceiling`;
          const unmeasuredRatio = (reason: string) => {
            log(`${page.path}: ratio not measured: ${reason}.`);
            figures.push(notMeasured({ scenario: "pages", name: ratio, unit: "%", target: `≥ ${minimumRatioPercent}`, reason }));
          };
          const kib = Math.round(Buffer.from(ours.bodyBase64, "base64").length / 1024);
          const mismatch = await checkCeiling(ceilingUrl, ours);
          if (mismatch) {
            unmeasuredRatio(mismatch);
            loadFigures(page.label, await measureLoad(`${app.baseUrl}${page.path}`, { durationSeconds }), { maximumP99Ms: maximumCachedP99Ms });
            continue;
          }
          log(`${page.path} (${kib} KiB, headers ${ours.headerBytes} B): the bare Fastify ceiling, then our server…`);
          const ceiling = await measureLoad(`${ceilingUrl}${page.path}`, { durationSeconds });
          const load = await measureLoad(`${app.baseUrl}${page.path}`, { durationSeconds });
          loadFigures(`${page.label} — ceiling (bare Fastify, same bytes)`, ceiling);
          loadFigures(page.label, load, { maximumP99Ms: maximumCachedP99Ms });
          // Bare Fastify sending the same bytes does strictly less work than our server: a page above it means the
          // ceiling was not measured (other work on the machine during its turn).
          if (load.requestsPerSecond > ceiling.requestsPerSecond) {
            unmeasuredRatio(`the ceiling answered ${Math.round(ceiling.requestsPerSecond)} req/s, fewer than our page's ${Math.round(load.requestsPerSecond)}: not a ceiling`);
          } else {
            figure(ratio, round((100 * load.requestsPerSecond) / ceiling.requestsPerSecond), "%", { op: "≥", limit: minimumRatioPercent });
          }
        }
      } finally {
        await bare.stop();
        fs.rmSync(scratch, { recursive: true, force: true });
      }
      await measureRenderedPages(app, engines[0], { durationSeconds, log, figures, loadFigures });
      log("/readyz: one database round trip per request…");
      loadFigures("PGlite: readiness /readyz (select 1)", await measureLoad(`${app.baseUrl}/readyz`, { durationSeconds }));
    } finally {
      await app.stop();
    }

    const postgres = engines[1];
    const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const created = await createTemporaryDatabase(serverUrl, "pages").catch((error: unknown) => {
      const reason = `no PostgreSQL server reachable at ${redact(serverUrl)} (${message(error)})`;
      log(`${postgres.label}: not measured: ${reason}.`);
      figures.push(...unmeasuredRendered(postgres, reason));
      return null;
    });
    if (created) {
      try {
        log(`${postgres.label}: starting dist/server.js on a temporary database (demo data seeded on first start)…`);
        const server = await startServerProcess({ name: "app-postgres", args: ["dist/server.js"], readyPath: "/readyz", databaseUrl: created.url }).catch((error: unknown) => {
          figures.push(...unmeasuredRendered(postgres, `the server did not start on PostgreSQL (${message(error)})`));
          return null;
        });
        if (server) {
          try {
            await measureRenderedPages(server, postgres, { durationSeconds, log, figures, loadFigures });
          } finally {
            await server.stop();
          }
        }
      } finally {
        await created.drop();
      }
    }
    return figures;
  },
};

type Engine = (typeof engines)[number];

/** Each rendered page under load; a page whose measure fails is « non mesuré » (with why), the others still run. */
async function measureRenderedPages(
  server: ServerProcess,
  engine: Engine,
  context: {
    durationSeconds: number;
    log(message: string): void;
    figures: Figure[];
    loadFigures(label: string, load: Load, targets: { maximumP99Ms: number; minimumRequestsPerSecond: number }): void;
  },
): Promise<void> {
  const { durationSeconds, log } = context;
  let cookie: string | null = null;
  let signInFailure = "";
  try {
    log(`${engine.label}: signing ${member} in through the local outbox…`);
    cookie = await signInThroughOutbox(server.baseUrl, member);
  } catch (error) {
    signInFailure = `sign-in failed (${message(error)})`;
  }
  for (const page of renderedPages) {
    const label = `${engine.label}: ${page.label}`;
    try {
      if (page.signedIn && !cookie) throw new Error(signInFailure);
      const headers: Record<string, string> = page.signedIn && cookie ? { cookie } : {};
      const response = await fetch(`${server.baseUrl}${page.path}`, { headers: { accept: "text/html", ...headers }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== page.status) throw new Error(`${page.path} answered ${response.status} instead of ${page.status}`);
      if (!page.shows(html)) throw new Error(`${page.path} does not show what it must (the page must do its real work)`);
      log(`${label}: rendered for each request (${Math.round(html.length / 1024)} KiB, headers ${headerBytes(response.headers)} B)…`);
      const load = await measureLoad(`${server.baseUrl}${page.path}`, { durationSeconds, headers, expectedStatus: page.status });
      context.loadFigures(label, load, engine);
    } catch (error) {
      log(`${label}: not measured: ${message(error)}`);
      context.figures.push(...unmeasuredRendered(engine, message(error), [page]));
    }
  }
}

function unmeasuredRendered(engine: Engine, reason: string, pages = renderedPages): Figure[] {
  return pages.flatMap((page) => [
    notMeasured({ scenario: "pages", name: `${engine.label}: ${page.label}: requests/s`, unit: "req/s", target: `≥ ${engine.minimumRequestsPerSecond}`, reason }),
    notMeasured({ scenario: "pages", name: `${engine.label}: ${page.label}: p99 latency`, unit: "ms", target: `< ${engine.maximumP99Ms}`, reason }),
  ]);
}

/**
 * Why `ceilingUrl` is not a ceiling for `ours`, or null: it must be the bare server (which answers only the
 * captured pages, so our /readyz is a 404 there) and send what ours sent: the same status, body length and
 * header size (a nonce differs, not its size).
 */
async function checkCeiling(ceilingUrl: string, ours: CapturedPage): Promise<string | null> {
  const readiness = await fetch(`${ceilingUrl}/readyz`);
  await readiness.arrayBuffer();
  if (readiness.status !== 404) return `the ceiling at ${ceilingUrl} answers /readyz (${readiness.status}): it is our own server, not the bare one`;
  const response = await fetch(`${ceilingUrl}${ours.path}`, { headers: { accept: "text/html" } });
  const body = Buffer.from(await response.arrayBuffer());
  const expected = Buffer.from(ours.bodyBase64, "base64");
  const bareHeaderBytes = headerBytes(response.headers);
  if (response.status !== ours.statusCode || body.length !== expected.length || Math.abs(bareHeaderBytes - ours.headerBytes) > 16) {
    return `the ceiling's ${ours.path} differs from ours: status ${response.status}, body ${body.length} B (ours ${expected.length}), headers ${bareHeaderBytes} B (ours ${ours.headerBytes})`;
  }
  return null;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.href;
}
