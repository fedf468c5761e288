import { ConfigError, loadConfig } from "./config/env.ts";
import { DataDirLockedError } from "./db/data-dir-lock.ts";
import { createLogger, createPlatform } from "./platform.ts";

/** Process entry: configuration, platform, HTTP listener, graceful shutdown on SIGTERM/SIGINT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config);
  let platform;
  try {
    platform = await createPlatform(config, { logger });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(75);
    }
    throw error;
  }
  const address = await platform.app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ address, database: platform.database.kind }, `Programme 10 % prêt sur ${config.publicUrl}`);
  if (platform.demo) {
    const lines = platform.demo.accounts.map((account) => `  - ${account.email} (${account.description})`);
    console.log(
      [
        "",
        "Données de démonstration créées. Pour vous connecter :",
        `  1. ouvrez ${config.publicUrl}/connexion et saisissez l’une de ces adresses :`,
        ...lines,
        `  2. le lien de connexion s’affiche dans cette console et sur ${config.publicUrl}/_dev/mails`,
        "",
      ].join("\n"),
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "arrêt en cours");
    const timer = setTimeout(() => process.exit(1), 20_000);
    timer.unref();
    try {
      await platform.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "arrêt incomplet");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

await main();
