import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { desc } from "drizzle-orm";
import type { RouteOptions } from "fastify";
import pg from "pg";
import pino from "pino";
import { type Config, loadConfig } from "../../src/config/env.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { devMails } from "../../src/db/schema/index.ts";
import { createPlatform, type Platform } from "../../src/platform.ts";
import type { Clock } from "../../src/shared/clock.ts";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The programme's published site, shipped in the repository (Licence Ouverte): the demo data and the import corpus. */
export const shippedContentDir = path.join(repositoryRoot, "content");

/**
 * A fresh database for one test file: in-memory PGlite with the real migrations, or, when DATABASE_URL is
 * set (or `serverUrl` given, see `reachablePostgres`), a new PostgreSQL database on that server (dropped by `close`).
 */
export async function openTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<{ database: DatabaseHandle; url: string | undefined; close(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "unused", inMemory: true });
    return { database, url: undefined, close: () => database.close() };
  }
  const name = `p10_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, dataDir: "unused" });
  return {
    database,
    url: url.href,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = overrides.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "p10-test-data-"));
  return loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", CONTENT_DIR: shippedContentDir, SEED_DEMO: "true", PUBLIC_URL: "http://localhost:3000", DATA_DIR: dataDir, ...overrides });
}

export type TestPlatform = Platform & { config: Config; stop(): Promise<void> };

/**
 * The whole platform on a fresh test database, with the demo data seeded (organisations, accounts, pages);
 * with `postgresUrl` (from `reachablePostgres`), on that PostgreSQL server even without DATABASE_URL.
 */
export async function startTestPlatform(options: { config?: Record<string, string>; clock?: Clock; directoryBroadSearchAbove?: number; postgresUrl?: string; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestPlatform> {
  const testDatabase = await openTestDatabase(options.postgresUrl ?? process.env.DATABASE_URL);
  const config = testConfig(options.config);
  const platform = await createPlatform(config, {
    database: testDatabase.database,
    logger: pino({ level: "silent" }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.directoryBroadSearchAbove !== undefined ? { directoryBroadSearchAbove: options.directoryBroadSearchAbove } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  return {
    ...platform,
    config,
    async stop() {
      await platform.close();
      await testDatabase.close();
    },
  };
}

/** Waits for the job worker to deliver a mail to `to` in the local outbox, and returns its text. */
/**
 * The newest mail delivered to `to` (and whose subject or text matches `matching`, when given: mails
 * sent by one request are delivered by jobs in any order, so a test names the mail it waits for).
 */
export async function waitForMail(platform: Platform, to: string, options: number | { matching?: RegExp; timeoutMs?: number } = 10_000): Promise<{ subject: string; text: string }> {
  const { matching, timeoutMs = 10_000 } = typeof options === "number" ? { timeoutMs: options } : options;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const mails = await platform.database.db.select().from(devMails).orderBy(desc(devMails.createdAt));
    const mail = mails.find((candidate) => candidate.to === to && (!matching || matching.test(candidate.subject) || matching.test(candidate.text)));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Aucun courriel reçu par ${to} en ${timeoutMs} ms`);
}

export function linkIn(text: string): string {
  const match = /https?:\/\/\S+\/connexion\/lien\?jeton=[\w-]+/.exec(text);
  if (!match) throw new Error(`Pas de lien de connexion dans : ${text}`);
  return match[0];
}
