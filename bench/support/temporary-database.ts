import { randomBytes } from "node:crypto";
import pg from "pg";

/** A new database on the server of `serverUrl` (named after the scenario), dropped by `drop`. */
export async function createTemporaryDatabase(serverUrl: string, scenario: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `p10_bench_${scenario}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
