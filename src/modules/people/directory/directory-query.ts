import { z } from "zod";
import { type JobFamily, jobFamilies, type SkillLevel } from "../domain/profile-choices.ts";
import { type SkillCategory, skillCategories } from "../domain/skill-vocabulary.ts";

export const maxQueryLength = 200;
export const pageSize = 20;
/** Words looked up one by one for typo tolerance; the rest of a longer query is searched as typed. */
const maxWords = 8;

/** Control characters cannot reach PostgreSQL (a NUL byte is refused) nor be shown back. */
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** A repeated parameter (`?q=a&q=b`) counts once: the first. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

const slugPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;
const jobFamilyKeys = Object.keys(jobFamilies) as [JobFamily, ...JobFamily[]];

/**
 * The directory's URL (`/annuaire?q=…&ministere=…&organisation=…&metier=…&competence=…&niveau=…&saison=…&projet=…&page=…`;
 * a broad search pages with `apres=<slug>` or `avant=<slug>` instead of `page`).
 * A filter value of the wrong shape is ignored (shared links keep working); only an over-long query is
 * refused, with a message beside the field.
 */
export const directoryQuerySchema = z.object({
  q: z
    .preprocess(first, z.string().optional())
    .catch(undefined)
    .transform((value) => (value ?? "").replace(controlCharacters, " ").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(maxQueryLength, `Votre recherche ne peut dépasser ${maxQueryLength} caractères. Raccourcissez-la.`)),
  ministere: optionalParam(z.uuid()),
  organisation: optionalParam(z.uuid()),
  metier: optionalParam(z.enum(jobFamilyKeys)),
  competence: optionalParam(z.string().regex(slugPattern)),
  niveau: optionalParam(z.coerce.number().int().min(1).max(3)),
  saison: optionalParam(z.string().trim().min(1).max(40).regex(/^[^\u0000-\u001f\u007f]+$/)),
  projet: optionalParam(z.string().regex(slugPattern)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
  apres: optionalParam(z.string().regex(slugPattern)),
  avant: optionalParam(z.string().regex(slugPattern)),
});

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

/** The filters of a search, once their values are known to exist (unknown ones are dropped). */
export type DirectoryFilters = {
  ministryId?: string | undefined;
  organisationId?: string | undefined;
  jobFamily?: JobFamily | undefined;
  skill?: { id: string; slug: string; minLevel: SkillLevel } | undefined;
  season?: string | undefined;
  projectSlug?: string | undefined;
  /** The names of the chosen ministry, organisation, skill and project, to show them even without results. */
  labels?: FilterLabels;
};

export type FilterLabels = { ministry?: string | undefined; organisation?: string | undefined; skill?: string | undefined; project?: string | undefined };

/**
 * The words of a query, lower-case, each looked up on its own for typo tolerance: runs of letters and
 * digits (« l’open-data » → l, open, data), without repeats, at most eight.
 */
export function queryWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, maxWords);
}

/** Lower case, accents and punctuation aside: « Géomatique » and « geomatique » are the same name. */
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A query that is written with the web search syntax (a "phrase", an -excluded word, or): searched as typed. */
export function usesSearchSyntax(query: string): boolean {
  return /["]|(^|\s)-\S|(^|\s)or(\s|$)/i.test(query);
}

/**
 * The skill categories a query names, accents and case aside: the whole query (« Visualisation de
 * données »), or one of its words when the category's name is one word (« géomatique », « statistique »).
 * `whole` says the query is nothing but a category's name.
 */
export function namedCategories(query: string): { whole: SkillCategory | null; byWord: Map<string, SkillCategory> } {
  const text = folded(query);
  const whole = skillCategories.find((category) => folded(category.label) === text)?.key ?? null;
  const byWord = new Map<string, SkillCategory>();
  if (!whole && !usesSearchSyntax(query)) {
    for (const word of queryWords(query)) {
      const category = skillCategories.find((entry) => folded(entry.label) === folded(word));
      if (category) byWord.set(word, category.key);
    }
  }
  return { whole, byWord };
}

/** Words short enough to be anything (« ia », « r »): never corrected. */
export function isCorrectable(word: string): boolean {
  return word.length >= 4 && /\p{L}/u.test(word);
}

/** The URL of a directory search: the query, the filters (by their URL values) and the page. */
export function directoryHref(params: DirectoryUrlParams, page = 1, base = "/annuaire"): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.ministere) search.set("ministere", params.ministere);
  if (params.organisation) search.set("organisation", params.organisation);
  if (params.metier) search.set("metier", params.metier);
  if (params.competence) {
    search.set("competence", params.competence);
    if (params.niveau && params.niveau > 1) search.set("niveau", String(params.niveau));
  }
  if (params.saison) search.set("saison", params.saison);
  if (params.projet) search.set("projet", params.projet);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}

export type DirectoryUrlParams = Omit<DirectoryQuery, "page" | "apres" | "avant">;

/** The position of a broad search's page from the URL (`apres` wins over `avant`). */
export function namePositionOf(query: Pick<DirectoryQuery, "apres" | "avant">): { after: string } | { before: string } | null {
  if (query.apres) return { after: query.apres };
  if (query.avant) return { before: query.avant };
  return null;
}

/** The URL of a broad search's page after or before the profile `slug`. */
export function directoryPositionHref(params: DirectoryUrlParams, position: { after: string } | { before: string }): string {
  const href = directoryHref(params);
  const [name, slug] = "after" in position ? ["apres", position.after] : ["avant", position.before];
  return `${href}${href.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(slug)}`;
}

/** The URL values of resolved filters. */
export function urlParamsOf(q: string, filters: DirectoryFilters): DirectoryUrlParams {
  return {
    q,
    ministere: filters.ministryId,
    organisation: filters.organisationId,
    metier: filters.jobFamily,
    competence: filters.skill?.slug,
    niveau: filters.skill?.minLevel,
    saison: filters.season,
    projet: filters.projectSlug,
  };
}
