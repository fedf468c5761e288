/**
 * The one way to make an address segment from a text: lower-case ASCII words joined by hyphens, cut
 * between words at `maxLength` (« Données 2023 : l'été ! » → `donnees-2023-l-ete`). Empty when the text
 * has no letter or digit: callers choose their fallback.
 */
export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, maxLength) ?? "");
}

/** `base`, else `base-2`, `base-3`…: the first that `isTaken` refuses. */
export function firstFreeSlug(base: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
