const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const monthPattern = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
const frenchDate = new RegExp(
  `\\b(?:le|du|au)\\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?(1er|\\d{1,2})\\s+(${monthPattern})(?:\\s+(\\d{4}))?`,
  "i",
);

const normalise = (text: string) => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** « le mardi 8 novembre 2022 », « du 13 avril » (the year defaults to `defaultYear`) → that day at 00:00 UTC. */
export function findFrenchDate(text: string, defaultYear?: number): Date | null {
  const match = frenchDate.exec(text);
  if (!match) return null;
  const day = match[1] === "1er" ? 1 : Number(match[1]);
  const month = months.findIndex((name) => normalise(name) === normalise(match[2]!));
  const year = match[3] ? Number(match[3]) : defaultYear;
  if (month < 0 || !year || day < 1 || day > 31) return null;
  return new Date(Date.UTC(year, month, day));
}

/** A front matter date: a TOML date, or a string such as `2023-11-23 16:02:00 +01:00` or `2023-04-17`. */
export function parseFrontMatterDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (typeof value !== "string" || !value.trim()) return null;
  const text = value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i, (_all, date: string, time: string, zone?: string) => `${date}T${time}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "Z"}`);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}
