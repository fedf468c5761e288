// `npm test`: every test (unit, integration, HTTP, browser) with node's test runner through tsx.
// TZ=UTC so dates shown in Europe/Paris go through our one helper; NODE_ENV=test.
import { spawnSync } from "node:child_process";

const patterns = process.argv.slice(2);
const files = patterns.length > 0 ? patterns : ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts", "bench/**/*.test.ts"];
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=120000", "--test-reporter=spec", ...files],
  { stdio: "inherit", env: { ...process.env, TZ: "UTC", NODE_ENV: "test", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" } },
);
process.exit(result.status ?? 1);
