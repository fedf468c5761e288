import { spreadsheetCsv } from "../../../shared/spreadsheet-csv.ts";
import { jobFamilies, skillLevelLabels } from "../domain/profile-choices.ts";
import type { ExportRow } from "./directory-repository.ts";

export const exportColumns = ["Nom", "Prénom", "Courriel", "Organisation", "Ministère", "Métier", "Compétences (niveau)", "Visibilité"] as const;

export const visibilityLabels = { members: "Membres", programme_team: "Équipe du programme seulement" } as const;

/** The directory's rows as a CSV for French spreadsheets (`spreadsheetCsv`: BOM, `;`, formulas neutralised). */
export function directoryCsv(rows: ExportRow[]): string {
  return spreadsheetCsv(
    exportColumns,
    rows.map((row) => [
      row.usualName ?? "",
      row.givenName ?? "",
      row.email,
      row.organisation ?? "",
      row.ministry ?? "",
      row.jobFamily ? jobFamilies[row.jobFamily] : "",
      row.skills.map((skill) => `${skill.name} (${skillLevelLabels[skill.level].toLowerCase()})`).join(", "),
      visibilityLabels[row.visibility],
    ]),
  );
}
