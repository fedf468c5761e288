import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** The one database type every repository receives: PGlite and PostgreSQL behave the same behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** The PGlite instance in embedded mode (pg-boss uses it directly). */
  pglite: PGlite | null;
  /** The pool in PostgreSQL mode. */
  pool: pg.Pool | null;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = resolveMigrationsFolder();

function resolveMigrationsFolder(): string {
  // Source tree (tsx) and bundle (dist/) both ship the SQL files next to them.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "migrations"), path.join(here, "db", "migrations")];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, "meta", "_journal.json")));
  if (!found) throw new Error(`Migrations introuvables (cherchées dans ${candidates.join(", ")})`);
  return found;
}

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  inMemory?: boolean;
  /** PostgreSQL: how long a new connection may take before the request gets the 503 page (5 s by default). */
  connectTimeoutMs?: number;
};

/** Opens the embedded PGlite database (locked data directory) or PostgreSQL when a URL is given. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.connectTimeoutMs ?? 5000);
  return openPglite(options.dataDir, options.inMemory ?? false);
}

async function openPglite(dataDir: string, inMemory: boolean): Promise<DatabaseHandle> {
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (inMemory) {
    client = await PGlite.create({ extensions: { unaccent, pg_trgm } });
  } else {
    const absolute = path.resolve(dataDir);
    fs.mkdirSync(absolute, { recursive: true });
    lock = acquireDataDirLock(absolute);
    try {
      client = await PGlite.create(path.join(absolute, "pgdata"), { extensions: { unaccent, pg_trgm } });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite: client,
    pool: null,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(databaseUrl: string, connectTimeoutMs: number): Promise<DatabaseHandle> {
  // A server that stops answering must not hold requests forever: a connection not made in time is an
  // error the error handler answers with 503 (src/db/unavailable.ts); keep-alive notices dead sockets.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
  // An idle connection cut by the server (restart, failover) must not crash the process: the pool
  // drops it and opens a new one; queries in flight get their own error, and /readyz reports the outage.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    pglite: null,
    pool,
    async migrate() {
      // Several app processes may start together: one migrates while the others wait on the lock.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(hashtext('programme-10-pourcent-migrations'))");
        await migratePg(drizzlePg(client, { casing: "snake_case" }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock(hashtext('programme-10-pourcent-migrations'))").catch(() => {});
        client.release();
      }
    },
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      await pool.end();
    },
  };
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
