import { kindLabels } from "../domain/content-item.ts";
import type { ImportedAgendaOutcome, ImportOutcome, ImportReport, ImportReportEntry } from "./import-content.ts";
import { formReplacements } from "./replaced-forms.ts";

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

const agendaOutcomeLabels = { created: "événement créé", updated: "événement mis à jour", unchanged: "événement inchangé", skipped: "pas d’événement" } as const;

/** « événement créé /evenements/cloture-2022 », « pas d’événement — La page ne donne pas de date… » */
export function formatAgendaOutcome(agenda: ImportedAgendaOutcome): string {
  return [agendaOutcomeLabels[agenda.outcome], agenda.path, agenda.reason ? `— ${agenda.reason}` : null].filter(Boolean).join(" ");
}

/** One line of text per entry: outcome, kind, path, files, then the reason or the warnings. */
export function formatImportEntry(entry: ImportReportEntry): string {
  const parts = [`[${outcomeLabels[entry.outcome].one}]`, kindLabel(entry.kind)];
  if (entry.path) parts.push(entry.path);
  parts.push(`(${entry.files.join(", ")})`);
  let line = parts.join(" ");
  if (entry.reason) line += ` — ${entry.reason}`;
  for (const warning of entry.warnings ?? []) line += `\n    avertissement\u00a0: ${warning}`;
  if (entry.placeholder) line += `\n    page de remplacement, importée en brouillon\u00a0: ${entry.placeholder}`;
  if (entry.agenda) line += `\n    agenda\u00a0: ${formatAgendaOutcome(entry.agenda)}`;
  return line;
}

/** The imported pages that link to an outside form or registration service the platform replaces, one per link. */
export function listReplacedForms(report: ImportReport): { path: string; title: string; url: string; service: string; replacement: string; replacementHref: string | null }[] {
  return report.entries.flatMap((entry) =>
    (entry.replacedForms ?? []).map((form) => ({
      path: entry.path ?? entry.files.join(", "),
      title: entry.title ?? "",
      url: form.url,
      service: form.service,
      replacement: formReplacements[form.replacement].label,
      replacementHref: formReplacements[form.replacement].href,
    })),
  );
}

/** The pages imported as drafts because they are placeholders, with why. */
export function listPlaceholders(report: ImportReport): { path: string; title: string; files: string[]; reason: string }[] {
  return report.entries.flatMap((entry) => (entry.placeholder ? [{ path: entry.path ?? "", title: entry.title ?? "", files: entry.files, reason: entry.placeholder }] : []));
}

/** The report's two lists as text, for the command line: placeholders, then links to outside forms and what replaces them. */
export function formatImportFindings(report: ImportReport): string[] {
  const lines: string[] = [];
  const placeholders = listPlaceholders(report);
  if (placeholders.length > 0) {
    lines.push(`Pages de remplacement importées en brouillon, non publiées (${placeholders.length})\u00a0:`);
    for (const page of placeholders) lines.push(`  ${page.path} «\u00a0${page.title}\u00a0» (${page.files.join(", ")}) — ${page.reason}`);
  }
  const forms = listReplacedForms(report);
  if (forms.length > 0) {
    lines.push(`Liens vers des formulaires ou services d’inscription que la plateforme remplace (${forms.length})\u00a0:`);
    for (const form of forms) lines.push(`  ${form.path} «\u00a0${form.title}\u00a0» → ${form.url} (${form.service})\u00a0: remplacé par ${form.replacement}${form.replacementHref ? ` (${form.replacementHref})` : ""}`);
  }
  return lines;
}
