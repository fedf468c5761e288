import path from "node:path";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { openDatabase } from "../src/db/client.ts";
import { createFileMediaStorage, createImportContent, formatImportCounts, formatImportEntry, formatImportFindings } from "../src/modules/content/api.ts";
import { createImportedAgenda } from "../src/modules/events/api.ts";
import { systemClock } from "../src/shared/clock.ts";

/**
 * `npm run import:content -- <dossier>`: imports Hugo/Jekyll content into the database (PGlite in
 * DATA_DIR, or PostgreSQL with DATABASE_URL) and prints the report. Exit code 1 when a file is rejected.
 */
const folder = process.argv.slice(2).find((argument) => argument !== "--");
if (!folder) {
  console.error("Indiquez le dossier à importer : npm run import:content -- <dossier>");
  process.exit(2);
}

try {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    const agenda = createImportedAgenda({ db: database.db, clock: systemClock });
    const importContent = createImportContent({ db: database.db, clock: systemClock, media: createFileMediaStorage(config.DATA_DIR), agenda });
    const report = await importContent(path.resolve(folder));
    console.log(`Import de ${path.resolve(folder)} (${database.kind}) : ${formatImportCounts(report.counts)}.`);
    for (const entry of report.entries) console.log(formatImportEntry(entry));
    for (const line of formatImportFindings(report)) console.log(line);
    if (report.counts.rejected > 0) console.log("Des fichiers ont été rejetés : corrigez-les puis relancez l’import (les autres sont importés).");
    // The running server keeps rendered pages in memory; with PostgreSQL it may run during the import.
    if (database.kind !== "pglite") console.log("Si le serveur tourne, redémarrez-le pour que les pages publiques montrent l’import.");
    process.exitCode = report.counts.rejected > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ConfigError || (error instanceof Error && error.name === "DataDirLockedError")) {
    console.error(error.message);
    if (error.name === "DataDirLockedError") console.error("Le serveur utilise cette base : arrêtez-le avant l’import, ou importez depuis la page d’administration « Importer des contenus ».");
  } else {
    console.error(error);
  }
  process.exit(1);
}
