import { kindLabels } from "../domain/content-item.ts";
import type { ImportOutcome, ImportReport, ImportReportEntry } from "./import-content.ts";

/** The French words of the report, shared by the command line and the administration page. */
export const outcomeLabels: Record<ImportOutcome, { one: string; many: string }> = {
  created: { one: "créé", many: "créés" },
  updated: { one: "mis à jour", many: "mis à jour" },
  unchanged: { one: "inchangé", many: "inchangés" },
  rejected: { one: "rejeté", many: "rejetés" },
  ignored: { one: "ignoré", many: "ignorés" },
};

/** `news` → « actualité », `media` → « média ». */
export function kindLabel(kind: string | undefined): string {
  if (!kind) return "fichier";
  if (kind === "media") return "média";
  return kindLabels[kind as keyof typeof kindLabels]?.one ?? kind;
}

/** « 58 créés, 0 mis à jour, 3 inchangés, 0 rejeté, 2 ignorés » */
export function formatImportCounts(counts: ImportReport["counts"]): string {
  return (Object.keys(outcomeLabels) as ImportOutcome[]).map((outcome) => `${counts[outcome]}\u00a0${counts[outcome] > 1 ? outcomeLabels[outcome].many : outcomeLabels[outcome].one}`).join(", ");
}

/** One line of text per entry: outcome, kind, path, files, then the reason or the warnings. */
export function formatImportEntry(entry: ImportReportEntry): string {
  const parts = [`[${outcomeLabels[entry.outcome].one}]`, kindLabel(entry.kind)];
  if (entry.path) parts.push(entry.path);
  parts.push(`(${entry.files.join(", ")})`);
  let line = parts.join(" ");
  if (entry.reason) line += ` — ${entry.reason}`;
  for (const warning of entry.warnings ?? []) line += `\n    avertissement\u00a0: ${warning}`;
  return line;
}
