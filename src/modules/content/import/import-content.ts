import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { MediaStorage } from "../media/media-storage.ts";

export type ImportOutcome = "created" | "updated" | "unchanged" | "rejected";

/** One line of the report: an item (or a file that could not become one) and what the import did. */
export type ImportReportEntry = { outcome: ImportOutcome; files: string[]; kind?: string; path?: string; title?: string; reason?: string };

export type ImportReport = { entries: ImportReportEntry[]; counts: Record<ImportOutcome, number> };

/** Imports a folder of Hugo/Jekyll content (see import/README in the module README). */
export function createImportContent(_deps: { db: Database; clock: Clock; media: MediaStorage }) {
  return async function importContent(_folder: string): Promise<ImportReport> {
    return { entries: [], counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } };
  };
}
