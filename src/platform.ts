import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, RouteOptions } from "fastify";
import pino, { type Logger } from "pino";
import { buildApp } from "./app.ts";
import type { Config } from "./config/env.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { seedDemoIfEmpty, type DemoSummary } from "./demo/seed.ts";
import { PageCache } from "./http/page-cache.ts";
import { createJobQueue, type JobQueue } from "./jobs/job-queue.ts";
import { createFileMediaStorage } from "./modules/content/api.ts";
import { createProConnectClient } from "./modules/identity/api.ts";
import { createMailer, createMailTransport } from "./modules/mail/api.ts";
import { PublicDomains, publicDomainsFile } from "./modules/organisations/api.ts";
import { seedSkillVocabularyIfEmpty } from "./modules/people/api.ts";
import { type Clock, systemClock } from "./shared/clock.ts";

export type Platform = {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: JobQueue;
  demo: DemoSummary | null;
  close(): Promise<void>;
};

export type PlatformOptions = {
  logger?: Logger;
  clock?: Clock;
  inMemoryDatabase?: boolean;
  database?: DatabaseHandle;
  /** Matches above which a directory search is broad (default 1,000): tests lower it instead of creating a thousand profiles. */
  directoryBroadSearchAbove?: number;
  /** Sees every route as it is registered (tests, ADR 0029). */
  onRoute?: (route: RouteOptions) => void;
};

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"] });
}

/**
 * Wires the whole platform: database (migrated), demo data outside production, jobs, mail, HTTP.
 * Used by the server and by the tests alike.
 */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, inMemory: options.inMemoryDatabase ?? false }));
  try {
    await database.migrate();
    const seedDemo = config.SEED_DEMO ?? !config.isProduction;
    const media = createFileMediaStorage(config.DATA_DIR);
    const demo = seedDemo && !config.isProduction ? await seedDemoIfEmpty(database.db, { contentDir: config.CONTENT_DIR, clock, media }) : null;
    // Members pick their skills from a vocabulary: a new deployment starts with the seeded one.
    await seedSkillVocabularyIfEmpty(database.db);
    const jobs = createJobQueue(database, logger);
    const transport = createMailTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db: database.db, logger });
    const mailer = createMailer(jobs, transport);
    const publicDomains = PublicDomains.fromFile(config.PUBLIC_DOMAINS_FILE ?? fileURLToPath(publicDomainsFile));
    const proconnect = config.proconnect
      ? createProConnectClient({
          ...config.proconnect,
          redirectUri: `${config.publicUrl}/connexion/proconnect/retour`,
          postLogoutRedirectUri: `${config.publicUrl}/deconnexion/terminee`,
        })
      : null;
    const app = await buildApp({
      config,
      database,
      mailer,
      jobs,
      clock,
      logger,
      proconnect,
      publicDomains,
      pageCache: new PageCache(),
      media,
      // Outside production a random secret is fine: it only signs short-lived cookies (CSRF, ProConnect state).
      cookieSecret: config.SESSION_SECRET ?? randomBytes(32).toString("hex"),
      devOutbox: transport.kind === "dev-outbox",
      directoryBroadSearchAbove: options.directoryBroadSearchAbove,
      onRoute: options.onRoute,
    });
    await jobs.start();
    let closed = false;
    return {
      app,
      database,
      jobs,
      demo,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await jobs.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
}
