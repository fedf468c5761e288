/**
 * French alphabetical order (« Économétrie » between « Données » and « Fouille », not after « Z »), in
 * JavaScript rather than SQL: PGlite has no ICU « fr » collation, and a PostgreSQL server may lack ICU.
 */
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

export function compareFrench(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of `items` in French order of `key`. */
export function sortFrench<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareFrench(key(a), key(b)));
}
