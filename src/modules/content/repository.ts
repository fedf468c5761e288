import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { sitePages } from "../../db/schema/index.ts";

export type SitePage = { slug: string; title: string; summary: string | null; bodyMarkdown: string; updatedAt: Date };

export async function findSitePage(db: Executor, slug: string): Promise<SitePage | null> {
  const [row] = await db
    .select({ slug: sitePages.slug, title: sitePages.title, summary: sitePages.summary, bodyMarkdown: sitePages.bodyMarkdown, updatedAt: sitePages.updatedAt })
    .from(sitePages)
    .where(eq(sitePages.slug, slug));
  return row ?? null;
}
