import { spreadsheetCsv } from "../../../shared/spreadsheet-csv.ts";
import type { TopicFigures } from "./topic-figures.ts";

export const csvColumns = ["Sujet", "Catégorie", "Curieux·ses", "Connaissent", "Expert·es", "Total"] as const;

/** The bulloterie's table as a CSV for French spreadsheets (`spreadsheetCsv`: BOM, `;`, CRLF, formulas neutralised). */
export function bulloterieCsv(topics: readonly TopicFigures[]): string {
  return spreadsheetCsv(
    csvColumns,
    topics.map((topic) => [topic.name, topic.categoryLabel, String(topic.curious), String(topic.knows), String(topic.experts), String(topic.total)]),
  );
}
