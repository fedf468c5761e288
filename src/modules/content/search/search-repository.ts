import { and, desc, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { contentItems } from "../../../db/schema/index.ts";
import type { BodyFormat, ContentKind } from "../domain/content-item.ts";
import { publiclyVisible } from "../repository.ts";
import { outsidePlatformAddresses } from "../site/platform-addresses.ts";

/** What the site search looks through (every public kind). */
export const searchableKinds = ["news", "page", "project", "training", "event"] as const satisfies ContentKind[];

/**
 * Marks around the matched words in highlighted text. Characters of Unicode's private use area: they are
 * removed from the text before highlighting, so only ts_headline can put them there.
 */
export const highlightStart = "\uE000";
export const highlightEnd = "\uE001";
/** ts_headline drops whatever looks like an HTML tag: angle brackets go through it disguised as these. */
const lessThan = "\uE002";
const greaterThan = "\uE003";

function disguise(text: string): string {
  return text.replace(/[\uE000-\uE003]/g, "").replace(/</g, lessThan).replace(/>/g, greaterThan);
}

function reveal(text: string): string {
  return text.replaceAll(lessThan, "<").replaceAll(greaterThan, ">");
}

export type SearchHit = {
  id: string;
  kind: ContentKind;
  path: string;
  title: string;
  summary: string | null;
  body: string;
  bodyFormat: BodyFormat;
  date: Date | null;
  details: Record<string, unknown>;
};

export type SearchPage = {
  hits: SearchHit[];
  /** Matches by kind, whatever the kind filter (for the filter's counts). */
  countsByKind: Partial<Record<ContentKind, number>>;
  /** True when nothing matched the words and the hits are titles that look like the query (typos). */
  approximate: boolean;
};

const tsQuery = (query: string) => sql`websearch_to_tsquery('fr_unaccent'::regconfig, ${query})`;

const hitColumns = {
  id: contentItems.id,
  kind: contentItems.kind,
  path: contentItems.path,
  title: contentItems.title,
  summary: contentItems.summary,
  body: contentItems.body,
  bodyFormat: contentItems.bodyFormat,
  date: contentItems.date,
  details: contentItems.details,
};

type HitRow = { id: string; kind: string; path: string; title: string; summary: string | null; body: string; bodyFormat: string; date: Date | null; details: unknown };

function toHit(row: HitRow): SearchHit {
  return { ...row, kind: row.kind as ContentKind, bodyFormat: row.bodyFormat as BodyFormat, details: (row.details ?? {}) as Record<string, unknown> };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Titles close to the query, accents and case aside: a substring, or a word a typo away. */
function looksLike(query: string): SQL {
  const title = sql`immutable_unaccent(lower(${contentItems.title}))`;
  const wanted = sql`immutable_unaccent(lower(${query}))`;
  return sql`(${title} like '%' || immutable_unaccent(lower(${escapeLike(query)})) || '%' or word_similarity(${wanted}, ${title}) >= 0.5)`;
}

/**
 * Published items matching the words of `query` (French stemming, accents and case aside), the best
 * first: title matches weigh most (weights A title, B summary, C body in the search vector). When the
 * words match nothing, titles that look like the query instead.
 */
export async function searchContent(
  db: Executor,
  options: { query: string; kinds: readonly ContentKind[]; now: Date; limit: number; offset: number; platformAddresses?: ReadonlySet<string> | undefined },
): Promise<SearchPage> {
  const { query, kinds, now, limit, offset } = options;
  const visible = and(publiclyVisible(now), inArray(contentItems.kind, [...searchableKinds]), outsidePlatformAddresses(options.platformAddresses));
  const matches = sql`${contentItems.searchVector} @@ ${tsQuery(query)}`;
  let approximate = false;
  let countsByKind = await countByKind(db, and(visible, matches)!);
  if (Object.keys(countsByKind).length === 0 && query.trim().length >= 3) {
    approximate = true;
    countsByKind = await countByKind(db, and(visible, looksLike(query))!);
  }
  const ofKinds = inArray(contentItems.kind, [...kinds]);
  const rows = approximate
    ? await db
        .select(hitColumns)
        .from(contentItems)
        .where(and(visible, ofKinds, looksLike(query)))
        .orderBy(desc(sql`word_similarity(immutable_unaccent(lower(${query})), immutable_unaccent(lower(${contentItems.title})))`), contentItems.title)
        .limit(limit)
        .offset(offset)
    : await db
        .select(hitColumns)
        .from(contentItems)
        .where(and(visible, ofKinds, matches))
        .orderBy(desc(sql`ts_rank(${contentItems.searchVector}, ${tsQuery(query)})`), sql`${contentItems.date} desc nulls last`, contentItems.title, contentItems.id)
        .limit(limit)
        .offset(offset);
  return { hits: rows.map(toHit), countsByKind, approximate };
}

async function countByKind(db: Executor, where: SQL): Promise<Partial<Record<ContentKind, number>>> {
  const rows = await db
    .select({ kind: contentItems.kind, count: sql<number>`count(*)::int` })
    .from(contentItems)
    .where(where)
    .groupBy(contentItems.kind);
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}

export type Highlighted = { title: string; excerpt: string };

const shortTextWords = 40;

/**
 * Titles and plain-text excerpts with the query's words between `highlightStart` and `highlightEnd`
 * (ts_headline with the search's own configuration, so « donnees » marks « données »). The excerpt keeps
 * the best two passages.
 */
export async function highlight(db: Executor, query: string, texts: { title: string; text: string }[]): Promise<Highlighted[]> {
  if (texts.length === 0) return [];
  const marks = `StartSel=${highlightStart}, StopSel=${highlightEnd}`;
  const values = sql.join(
    // A short text is shown whole; a long one by its two best passages.
    texts.map((entry, index) => {
      const options = entry.text.split(/\s+/).length <= shortTextWords ? `${marks}, HighlightAll=true` : `${marks}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
      return sql`(${index}::int, ${disguise(entry.title)}::text, ${disguise(entry.text)}::text, ${options}::text)`;
    }),
    sql`, `,
  );
  const rows = await db
    .select({
      ord: sql<number>`t.ord`,
      title: sql<string>`ts_headline('fr_unaccent'::regconfig, t.title, ${tsQuery(query)}, ${`${marks}, HighlightAll=true`})`,
      excerpt: sql<string>`ts_headline('fr_unaccent'::regconfig, t.body, ${tsQuery(query)}, t.options)`,
    })
    .from(sql`(values ${values}) as t(ord, title, body, options)`)
    .orderBy(sql`t.ord`);
  return rows.map((row) => ({ title: reveal(row.title), excerpt: reveal(row.excerpt) }));
}
