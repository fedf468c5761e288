import { stringify } from "csv-stringify/sync";

/**
 * A CSV that a French spreadsheet (Excel, LibreOffice) opens as is: UTF-8 with a byte order mark, `;`
 * between cells, CRLF between lines, a header row. A cell starting with = + - @ (or a tab or a carriage
 * return, or their full-width forms) is prefixed with a quote, so that no one's name runs as a formula
 * (csv-stringify's `escape_formulas`; OWASP « CSV injection »).
 */
export function spreadsheetCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { bom: true, delimiter: ";", record_delimiter: "windows", header: true, columns: [...columns], escape_formulas: true },
  );
}
