import { firstFreeSlug as firstFreeSlugWhere, slugify } from "../../../shared/slug.ts";

/** A project's address from its title: lower case, no accents, words joined by « - », at most 80 characters. */
export function projectSlugOf(title: string, maxLength = 80): string {
  return slugify(title, maxLength) || "projet";
}

/** The first of `base`, `base-2`, `base-3`… that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  return firstFreeSlugWhere(base, (candidate) => taken.has(candidate));
}
