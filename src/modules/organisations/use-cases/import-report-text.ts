import type { ImportOutcome, ImportReport, ImportReportEntry } from "./import-reference-file.ts";

/** The French words of the report (organisations: feminine), shared by the command line and the page. */
export const outcomeLabels: Record<ImportOutcome, { one: string; many: string }> = {
  created: { one: "créée", many: "créées" },
  updated: { one: "mise à jour", many: "mises à jour" },
  unchanged: { one: "inchangée", many: "inchangées" },
  rejected: { one: "rejetée", many: "rejetées" },
};

/** « 12 créées, 0 mise à jour, 3 inchangées, 1 rejetée » */
export function formatImportCounts(counts: ImportReport["counts"]): string {
  return (Object.keys(outcomeLabels) as ImportOutcome[]).map((outcome) => `${counts[outcome]}\u00a0${counts[outcome] > 1 ? outcomeLabels[outcome].many : outcomeLabels[outcome].one}`).join(", ");
}

/** The report's conclusion in one sentence. */
export function importSummary(report: ImportReport): string {
  if (report.counts.created + report.counts.updated === 0 && report.counts.rejected === 0) return "Aucun changement : toutes les organisations du fichier sont déjà à jour.";
  if (report.counts.rejected > 0) return "Des entrées ont été rejetées : corrigez-les dans le fichier puis importez-le à nouveau (les autres sont importées).";
  return "Les organisations du fichier sont à jour.";
}

/** One line of text per entry: position, outcome, name and id, then the reason or the remarks. */
export function formatImportEntry(entry: ImportReportEntry): string {
  let line = `${entry.position}\u00a0: [${outcomeLabels[entry.outcome].one}] ${entry.name || "(sans nom)"}${entry.referenceId ? ` (${entry.referenceId})` : ""}`;
  if (entry.reason) line += ` — ${entry.reason}`;
  for (const remark of entry.remarks) line += `\n    ${remark}`;
  return line;
}
