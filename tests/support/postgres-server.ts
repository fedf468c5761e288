import { describe, it } from "node:test";
import pg from "pg";

/** The local PostgreSQL server the concurrency tests use when DATABASE_URL is not set (trust authentication). */
export const localPostgresUrl = "postgres://postgres@127.0.0.1:5432/postgres";

let probed: Promise<string | undefined> | undefined;

/**
 * The PostgreSQL server a test that needs real concurrency runs on: DATABASE_URL's, else the local one when it
 * answers within 2 s, else undefined. PGlite serves one transaction at a time, so a lock (FOR UPDATE, an
 * advisory lock) is never contended there and such a test would pass with the lock removed.
 */
export function reachablePostgres(): Promise<string | undefined> {
  probed ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    const client = new pg.Client({ connectionString: localPostgresUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return localPostgresUrl;
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probed;
}

/** The reason a concurrency test gives when it is skipped, said plainly in the test report. */
export function noPostgresReason(why: string): string {
  return `no PostgreSQL server reachable (neither DATABASE_URL nor ${new URL(localPostgresUrl).host}), so this test does not run: ${why}`;
}

/**
 * `describe(name, suite)` on the PostgreSQL server `postgresUrl` (from `reachablePostgres`). Without one, the
 * suite is replaced by one test reported as skipped with the reason: node's summary counts skipped tests, not
 * skipped suites, so the run says plainly that these checks did not run.
 */
export function describeOnPostgres(postgresUrl: string | undefined, name: string, why: string, suite: (postgresUrl: string) => void): void {
  if (postgresUrl) describe(name, () => suite(postgresUrl));
  else describe(name, () => it("runs on PostgreSQL", { skip: noPostgresReason(why) }, () => {}));
}
