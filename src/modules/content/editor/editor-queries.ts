import { and, count, desc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { contentItems } from "../../../db/schema/index.ts";
import type { ContentKind, ContentStatus } from "../domain/content-item.ts";
import { publiclyVisible } from "../repository.ts";

/** What the list of the editor filters on: « Programmé » is a published item whose time has not come. */
export const listStatuses = ["draft", "published", "scheduled"] as const;
export type ListStatus = (typeof listStatuses)[number];

export type EditorListRow = {
  id: string;
  kind: ContentKind;
  title: string;
  path: string;
  status: ContentStatus;
  publishAt: Date | null;
  version: number;
  updatedAt: Date;
};

export const editorPageSize = 30;

/** Items newest change first, filtered by kind and status, one page at a time. */
export async function listEditorItems(db: Executor, filter: { kind: ContentKind | null; status: ListStatus | null; page: number; now: Date }): Promise<{ rows: EditorListRow[]; total: number }> {
  const conditions = [
    filter.kind ? eq(contentItems.kind, filter.kind) : undefined,
    filter.status === "draft" ? eq(contentItems.status, "draft") : undefined,
    filter.status === "published" ? publiclyVisible(filter.now) : undefined,
    filter.status === "scheduled" ? and(eq(contentItems.status, "published"), gt(contentItems.publishAt, sql`${filter.now.toISOString()}::timestamptz`)) : undefined,
  ].filter((condition) => condition !== undefined);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ total: count() }).from(contentItems).where(where);
  const rows = await db
    .select({
      id: contentItems.id,
      kind: contentItems.kind,
      title: contentItems.title,
      path: contentItems.path,
      status: contentItems.status,
      publishAt: contentItems.publishAt,
      version: contentItems.version,
      updatedAt: contentItems.updatedAt,
    })
    .from(contentItems)
    .where(where)
    .orderBy(desc(contentItems.updatedAt), contentItems.title)
    .limit(editorPageSize)
    .offset((filter.page - 1) * editorPageSize);
  return { rows: rows.map((row) => ({ ...row, kind: row.kind as ContentKind, status: row.status as ContentStatus })), total: totalRow?.total ?? 0 };
}
