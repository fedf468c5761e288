import { firstFreeSlug as firstFreeSlugWhere, slugify } from "../../../shared/slug.ts";

export { slugify };

/** Words of `/annuaire/…` that are pages, never a member's address. */
export const reservedProfileSlugs: ReadonlySet<string> = new Set(["competences", "export", "export.csv", "modifier"]);

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The readable base of a member's address. Profiles are also reachable by account id, so a name that
 * would look like an id (or like a reserved page) gets a prefix.
 */
export function profileSlugBase(givenName: string, usualName: string): string {
  const base = slugify(`${givenName} ${usualName}`, 60);
  if (!base) return "membre";
  if (reservedProfileSlugs.has(base) || uuidShape.test(base)) return `membre-${base}`;
  return base;
}

/** `base`, else `base-2`, `base-3`…: the first one not taken and not reserved. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  return firstFreeSlugWhere(base, (candidate) => taken.has(candidate) || reservedProfileSlugs.has(candidate));
}

export function isUuid(value: string): boolean {
  return uuidShape.test(value);
}
