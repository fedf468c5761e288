/** Words of `/annuaire/…` that are pages, never a member's address. */
export const reservedProfileSlugs: ReadonlySet<string> = new Set(["competences", "export", "export.csv", "modifier"]);

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lower-case ASCII words joined by hyphens: « Inès Benali » → `ines-benali`. */
export function slugify(text: string, maxLength = 60): string {
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

/**
 * The readable base of a member's address. Profiles are also reachable by account id, so a name that
 * would look like an id (or like a reserved page) gets a prefix.
 */
export function profileSlugBase(givenName: string, usualName: string): string {
  const base = slugify(`${givenName} ${usualName}`);
  if (!base) return "membre";
  if (reservedProfileSlugs.has(base) || uuidShape.test(base)) return `membre-${base}`;
  return base;
}

/** `base`, else `base-2`, `base-3`…: the first one not taken and not reserved. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !reservedProfileSlugs.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate) && !reservedProfileSlugs.has(candidate)) return candidate;
  }
}

export function isUuid(value: string): boolean {
  return uuidShape.test(value);
}
