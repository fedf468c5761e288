import { stringify } from "csv-stringify/sync";
import { jobFamilies, skillLevelLabels } from "../domain/profile-choices.ts";
import type { ExportRow } from "./directory-repository.ts";

export const exportColumns = ["Nom", "Prénom", "Courriel", "Organisation", "Ministère", "Métier", "Compétences (niveau)", "Visibilité"] as const;

export const visibilityLabels = { members: "Membres", programme_team: "Équipe du programme seulement" } as const;

/**
 * The CSV a French spreadsheet opens as is: UTF-8 with a byte order mark, `;` between cells, CRLF
 * between lines. A cell starting with = + - @ (or a tab or carriage return) is prefixed with a quote,
 * so that no one's name or bio runs as a formula (csv-stringify's `escape_formulas`).
 */
export function directoryCsv(rows: ExportRow[]): string {
  return stringify(
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
    { bom: true, delimiter: ";", record_delimiter: "windows", header: true, columns: [...exportColumns], escape_formulas: true },
  );
}
