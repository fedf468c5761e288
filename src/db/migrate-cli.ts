import { ConfigError, loadConfig } from "../config/env.ts";
import { openDatabase } from "./client.ts";

/** `npm run db:migrate`: applies pending migrations to PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL). */
try {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    console.log(`Migrations appliquées (${database.kind}).`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
