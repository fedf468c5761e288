import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { openDatabase } from "../src/db/client.ts";
import {
  createImportReferenceFile,
  formatOrganisationImportCounts,
  formatOrganisationImportEntry,
  organisationImportSummary,
  ReferenceFileError,
} from "../src/modules/organisations/api.ts";

/**
 * `npm run import:organisations -- <fichier>`: imports a JSON or CSV file of the « Référentiel de
 * l’organisation administrative de l’État » (DILA) into the database (PGlite in DATA_DIR, or PostgreSQL
 * with DATABASE_URL) and prints the report. Exit code 1 when an entry is rejected or the file is refused.
 */
const file = process.argv.slice(2).find((argument) => argument !== "--");
if (!file) {
  console.error("Indiquez le fichier à importer : npm run import:organisations -- <fichier.json|fichier.csv>");
  process.exit(2);
}

let content: Buffer;
try {
  content = fs.readFileSync(path.resolve(file));
} catch {
  console.error(`Fichier illisible ou introuvable : ${path.resolve(file)}`);
  process.exit(2);
}

try {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    const report = await createImportReferenceFile({ db: database.db })(content);
    console.log(`Import de ${path.resolve(file)} (${report.format.toUpperCase()}, ${database.kind}) : ${formatOrganisationImportCounts(report.counts)}.`);
    for (const entry of report.entries) if (entry.outcome !== "unchanged" || entry.remarks.length > 0) console.log(formatOrganisationImportEntry(entry));
    console.log(organisationImportSummary(report));
    process.exitCode = report.counts.rejected > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ReferenceFileError) {
    console.error(`Fichier refusé, rien n’a été importé : ${error.message}`);
  } else if (error instanceof ConfigError || (error instanceof Error && error.name === "DataDirLockedError")) {
    console.error(error.message);
    if (error.name === "DataDirLockedError") console.error("Le serveur utilise cette base : arrêtez-le avant l’import, ou importez depuis la page d’administration « Importer le référentiel de l’État ».");
  } else {
    console.error(error);
  }
  process.exit(1);
}
