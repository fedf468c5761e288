import { parse as parseCsv } from "csv-parse/sync";
import { DomainError } from "../../../shared/domain-error.ts";

/**
 * Reading a file of the « Référentiel de l’organisation administrative de l’État » (DILA, API Annuaire
 * de l’administration, Licence Ouverte): the JSON export (`{"service": […]}`, or the bare list the
 * API's exports give) or its CSV export (`;`, same column names, `hierarchie` as a JSON cell).
 */

/** The file as a whole cannot be imported; nothing is stored. */
export class ReferenceFileError extends DomainError {
  constructor(message: string) {
    super("invalid_reference_file", message);
  }
}

export type ReferenceEntry = {
  /** Where the entry is in the file, for the report: « entrée n° 3 » or « ligne 4 ». */
  position: string;
  /** Order in the file, from 0. */
  index: number;
  /** The DILA identifier (`id`), kept as `reference_id`. */
  id: string;
  name: string;
  acronym: string;
  /** `type_organisme`, e.g. « Administration centrale (ou Ministère) ». */
  type: string;
  siren: string;
  siret: string;
  /** Ids of the entries attached below this one (`hierarchie` links of type « Service Fils »). */
  children: string[];
  /** Why this entry cannot be read, when it cannot. */
  problem?: string;
};

export type ReferenceFile = { format: "json" | "csv"; entries: ReferenceEntry[] };

const notAReferenceFile = "Ce fichier n’est ni un JSON ni un CSV du référentiel de l’organisation administrative de l’État.";

/** Lower-case, without accents or extra spaces: how labels of the referential are compared. */
export function normalizeLabel(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** `hierarchie`: a list of links, or that list as JSON text (CSV cells, the API's exports). */
function childrenOf(value: unknown): string[] | null {
  let links = value;
  if (links === undefined || links === null || links === "") return [];
  if (typeof links === "string") {
    try {
      links = JSON.parse(links);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(links)) return null;
  const children: string[] = [];
  for (const link of links) {
    if (!link || typeof link !== "object") return null;
    const { type_hierarchie: type, service } = link as Record<string, unknown>;
    // « Autre hiérarchie » links are secondary supervisions (N-N): only « Service Fils » makes the tree.
    if (normalizeLabel(textOf(type)) !== "service fils") continue;
    const child = textOf(service);
    if (!child) return null;
    if (!children.includes(child)) children.push(child);
  }
  return children;
}

function entryOf(record: unknown, index: number, position: string): ReferenceEntry {
  const empty: ReferenceEntry = { position, index, id: "", name: "", acronym: "", type: "", siren: "", siret: "", children: [] };
  if (!record || typeof record !== "object" || Array.isArray(record)) return { ...empty, problem: "cette entrée n’est pas une organisation (objet JSON attendu)." };
  const fields = record as Record<string, unknown>;
  const entry: ReferenceEntry = {
    ...empty,
    id: textOf(fields.id),
    name: textOf(fields.nom),
    acronym: textOf(fields.sigle),
    type: textOf(fields.type_organisme),
    siren: textOf(fields.siren),
    siret: textOf(fields.siret),
  };
  const children = childrenOf(fields.hierarchie);
  if (!entry.id) return { ...entry, problem: "l’identifiant (« id ») manque." };
  if (!entry.name) return { ...entry, problem: "le nom (« nom ») manque." };
  if (entry.name.length > 300) return { ...entry, problem: "le nom dépasse 300 caractères." };
  if (entry.acronym.length > 40) return { ...entry, acronym: "", problem: "le sigle dépasse 40 caractères." };
  if (children === null) return { ...entry, problem: "la hiérarchie (« hierarchie ») est illisible : une liste de liens { type_hierarchie, service } est attendue." };
  return { ...entry, children };
}

function parseJson(text: string): ReferenceFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReferenceFileError(`Le fichier JSON est illisible (${error instanceof Error ? error.message : "erreur de syntaxe"}).`);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object"
      ? ((data as Record<string, unknown>).service ?? (data as Record<string, unknown>).results)
      : undefined;
  if (!Array.isArray(list)) {
    throw new ReferenceFileError("Le fichier JSON n’a pas la forme du référentiel : une liste d’organisations est attendue, seule ou dans « service » ({\"service\": […]}).");
  }
  return { format: "json", entries: list.map((record, index) => entryOf(record, index, `entrée n°\u00a0${index + 1}`)) };
}

function delimiterOf(headerLine: string): string {
  const counts = [";", ",", "\t"].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  return counts.sort((a, b) => b.count - a.count)[0]!.delimiter;
}

function parseCsvText(text: string): ReferenceFile {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = delimiterOf(headerLine);
  const columns = headerLine.split(delimiter).map((column) => normalizeLabel(column.replace(/^"|"$/g, "")));
  if (!columns.includes("id") || !columns.includes("nom")) {
    throw new ReferenceFileError(`${notAReferenceFile} Un CSV doit avoir les colonnes « id » et « nom » (et « sigle », « type_organisme », « siren », « siret », « hierarchie »), séparées par « ; ».`);
  }
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { delimiter, columns: (header: string[]) => header.map((column) => normalizeLabel(column)), info: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ReferenceFileError(`Le fichier CSV est illisible${line ? ` à la ligne ${line}` : ""} : guillemet non fermé ou nombre de colonnes différent de l’en-tête.`);
  }
  let previousEnd = 1;
  return {
    format: "csv",
    entries: rows.map((row, index) => {
      const entry = entryOf(row.record, index, `ligne ${previousEnd + 1}`);
      previousEnd = row.info.lines;
      return entry;
    }),
  };
}

/** Reads the file, whatever its extension: JSON when it starts with `{` or `[`, CSV otherwise. */
export function parseReferenceFile(content: Buffer | string): ReferenceFile {
  const text = (typeof content === "string" ? content : content.toString("utf8")).replace(/^\ufeff/, "");
  if (text.trim() === "") throw new ReferenceFileError("Le fichier est vide.");
  if (text.includes("\u0000")) throw new ReferenceFileError(notAReferenceFile);
  if (text.includes("\ufffd")) throw new ReferenceFileError("Le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 puis importez-le à nouveau.");
  const start = text.trimStart()[0];
  const file = start === "{" || start === "[" ? parseJson(text) : parseCsvText(text);
  if (file.entries.length === 0) throw new ReferenceFileError("Le fichier ne contient aucune organisation.");
  return file;
}
