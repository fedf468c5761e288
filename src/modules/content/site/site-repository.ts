import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { contentItems } from "../../../db/schema/index.ts";
import type { ContentItem, ContentKind } from "../domain/content-item.ts";
import { publiclyVisible, selectItems, toContentItem } from "../repository.ts";
import { outsidePlatformAddresses } from "./platform-addresses.ts";

/** The date a visitor sees an item by: its own date, else when it was created. */
const shownDate = sql`coalesce(${contentItems.date}, ${contentItems.createdAt})`;
/** Years are those of Paris: a post of 31 December 23:30 Paris time belongs to that year. */
const parisYear = sql<number>`extract(year from (${shownDate} at time zone 'Europe/Paris'))::int`;

/** A published, due item at this path (pages, sections, posts alike), or null. */
export async function findPublicItemByPath(db: Executor, path: string, now: Date): Promise<ContentItem | null> {
  const [row] = await selectItems(db).where(and(eq(contentItems.path, path), publiclyVisible(now)));
  return row ? toContentItem(row) : null;
}

export async function findPublicItem(db: Executor, kind: ContentKind, slug: string, now: Date): Promise<ContentItem | null> {
  const [row] = await selectItems(db).where(and(eq(contentItems.kind, kind), eq(contentItems.slug, slug), publiclyVisible(now)));
  return row ? toContentItem(row) : null;
}

/** Every public item of a kind, newest first (projects, trainings and events are a few dozens). */
export async function listPublicItems(db: Executor, kind: ContentKind, now: Date): Promise<ContentItem[]> {
  const rows = await selectItems(db)
    .where(and(eq(contentItems.kind, kind), publiclyVisible(now)))
    .orderBy(desc(shownDate), asc(contentItems.title));
  return rows.map(toContentItem);
}

/** The public pages below a path (`/programme/…`), the most recent date first (the old site's order), then by title. */
export async function listPublicPagesUnder(db: Executor, parentPath: string, now: Date, platformAddresses?: ReadonlySet<string>): Promise<ContentItem[]> {
  const escaped = parentPath.replace(/[\\%_]/g, (character) => `\\${character}`);
  const rows = await selectItems(db)
    .where(and(eq(contentItems.kind, "page"), like(contentItems.path, `${escaped}/%`), publiclyVisible(now), outsidePlatformAddresses(platformAddresses)))
    .orderBy(sql`${contentItems.date} desc nulls last`, asc(contentItems.title));
  return rows.map(toContentItem);
}

export type NewsFilter = { tag?: string | undefined; year?: number | undefined };

function newsConditions(now: Date, filter: NewsFilter) {
  return and(
    eq(contentItems.kind, "news"),
    publiclyVisible(now),
    filter.tag === undefined ? undefined : sql`${filter.tag} = any(${contentItems.tags})`,
    filter.year === undefined ? undefined : sql`${parisYear} = ${filter.year}`,
  );
}

/** One page of the public news matching the filter, newest first, and how many match in all. */
export async function listPublicNews(db: Executor, now: Date, filter: NewsFilter, page: { limit: number; offset: number }): Promise<{ items: ContentItem[]; total: number }> {
  const where = newsConditions(now, filter);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(contentItems).where(where);
  const rows = await selectItems(db).where(where).orderBy(desc(shownDate), desc(contentItems.id)).limit(page.limit).offset(page.offset);
  return { items: rows.map(toContentItem), total: count?.total ?? 0 };
}

/** The tags and years of the public news, for the list's filters. */
export async function listNewsFacets(db: Executor, now: Date): Promise<{ tags: string[]; years: number[] }> {
  const where = newsConditions(now, {});
  const tagRows = await db.selectDistinct({ tag: sql<string>`unnest(${contentItems.tags})` }).from(contentItems).where(where);
  const yearRows = await db.selectDistinct({ year: parisYear }).from(contentItems).where(where);
  return {
    tags: tagRows.map((row) => row.tag).sort((a, b) => a.localeCompare(b, "fr")),
    years: yearRows.map((row) => Number(row.year)).sort((a, b) => b - a),
  };
}

export type NewsLink = { title: string; path: string };

/** The public posts just before (older) and just after (newer) a post, by date. */
export async function findAdjacentNews(db: Executor, item: ContentItem, now: Date): Promise<{ previous: NewsLink | null; next: NewsLink | null }> {
  const itemDate = (item.date ?? item.createdAt).toISOString();
  const position = sql`(${shownDate}, ${contentItems.id})`;
  const current = sql`(${itemDate}::timestamptz, ${item.id}::uuid)`;
  const columns = { title: contentItems.title, path: contentItems.path };
  const base = newsConditions(now, {});
  const [previous] = await db.select(columns).from(contentItems).where(and(base, sql`${position} < ${current}`)).orderBy(desc(shownDate), desc(contentItems.id)).limit(1);
  const [next] = await db.select(columns).from(contentItems).where(and(base, sql`${position} > ${current}`)).orderBy(asc(shownDate), asc(contentItems.id)).limit(1);
  return { previous: previous ?? null, next: next ?? null };
}

/** How many public items of each kind: the home page's key figures. */
export async function countPublicItemsByKind(db: Executor, now: Date): Promise<Record<ContentKind, number>> {
  const rows = await db
    .select({ kind: contentItems.kind, count: sql<number>`count(*)::int` })
    .from(contentItems)
    .where(publiclyVisible(now))
    .groupBy(contentItems.kind);
  const counts: Record<ContentKind, number> = { news: 0, page: 0, project: 0, event: 0, training: 0 };
  for (const row of rows) counts[row.kind as ContentKind] = Number(row.count);
  return counts;
}
