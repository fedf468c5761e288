import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { contentItems } from "../../../db/schema/index.ts";
import type { ContentItem } from "../domain/content-item.ts";
import { publiclyVisible, selectItems, toContentItem } from "../repository.ts";
import { outsidePlatformAddresses } from "../site/platform-addresses.ts";

/** The latest published news posts, newest first (by their date, then their last change). */
export async function listLatestNews(db: Executor, now: Date, limit: number): Promise<ContentItem[]> {
  const rows = await selectItems(db)
    .where(and(eq(contentItems.kind, "news"), publiclyVisible(now)))
    .orderBy(sql`coalesce(${contentItems.date}, ${contentItems.publishAt}, ${contentItems.createdAt}) desc`, desc(contentItems.updatedAt))
    .limit(limit);
  return rows.map(toContentItem);
}

/** When an event starts: its `details.startsAt` (validated ISO date-time), else its date. */
const eventStart = sql`coalesce((${contentItems.details}->>'startsAt')::timestamptz, ${contentItems.date}, ${contentItems.createdAt})`;

/** Published events, the latest start first. */
export async function listLatestEvents(db: Executor, now: Date, limit: number): Promise<ContentItem[]> {
  const rows = await selectItems(db)
    .where(and(eq(contentItems.kind, "event"), publiclyVisible(now)))
    .orderBy(sql`${eventStart} desc`, desc(contentItems.updatedAt))
    .limit(limit);
  return rows.map(toContentItem);
}

export type SitemapEntry = { path: string; updatedAt: Date };

/** Every published item's canonical path and last change, for sitemap.xml. */
export async function listSitemapEntries(db: Executor, now: Date, platformAddresses?: ReadonlySet<string>): Promise<SitemapEntry[]> {
  return db
    .select({ path: contentItems.path, updatedAt: contentItems.updatedAt })
    .from(contentItems)
    .where(and(publiclyVisible(now), outsidePlatformAddresses(platformAddresses)))
    .orderBy(contentItems.path);
}
