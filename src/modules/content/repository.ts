import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { contentAssets, contentItems, contentRedirects, contentRevisions } from "../../db/schema/index.ts";
import type { BodyFormat, ContentFields, ContentItem, ContentKind, ContentStatus } from "./domain/content-item.ts";

const itemColumns = {
  id: contentItems.id,
  kind: contentItems.kind,
  slug: contentItems.slug,
  path: contentItems.path,
  title: contentItems.title,
  summary: contentItems.summary,
  body: contentItems.body,
  bodyFormat: contentItems.bodyFormat,
  coverImage: contentItems.coverImage,
  coverImageAlt: contentItems.coverImageAlt,
  tags: contentItems.tags,
  date: contentItems.date,
  status: contentItems.status,
  publishAt: contentItems.publishAt,
  details: contentItems.details,
  sourceKey: contentItems.sourceKey,
  importHash: contentItems.importHash,
  version: contentItems.version,
  createdAt: contentItems.createdAt,
  updatedAt: contentItems.updatedAt,
};

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

export function toContentItem(row: ItemRow): ContentItem {
  return {
    ...row,
    kind: row.kind as ContentKind,
    status: row.status as ContentStatus,
    bodyFormat: row.bodyFormat as BodyFormat,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

export function selectItems(db: Executor) {
  return db.select(itemColumns).from(contentItems);
}

/** SQL condition: published and its scheduled time has come (same rule as `isPubliclyVisible`). */
export function publiclyVisible(now: Date) {
  return and(eq(contentItems.status, "published"), sql`(${contentItems.publishAt} is null or ${contentItems.publishAt} <= ${now.toISOString()}::timestamptz)`);
}

export async function findItemById(db: Executor, id: string): Promise<ContentItem | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await selectItems(db).where(eq(contentItems.id, id));
  return row ? toContentItem(row) : null;
}

export async function findItemByPath(db: Executor, path: string): Promise<ContentItem | null> {
  const [row] = await selectItems(db).where(eq(contentItems.path, path));
  return row ? toContentItem(row) : null;
}

export async function findItemBySlug(db: Executor, kind: ContentKind, slug: string): Promise<ContentItem | null> {
  const [row] = await selectItems(db).where(and(eq(contentItems.kind, kind), eq(contentItems.slug, slug)));
  return row ? toContentItem(row) : null;
}

export async function findItemBySourceKey(db: Executor, sourceKey: string): Promise<ContentItem | null> {
  const [row] = await selectItems(db).where(eq(contentItems.sourceKey, sourceKey));
  return row ? toContentItem(row) : null;
}

/**
 * Where an old path now leads: the current path of its item, or a file's path. Old addresses are matched
 * whatever their case (`/projets/TrouverMonExpertData` is `/projets/trouvermonexpertdata`): the stored
 * redirect of that exact spelling first, then of another case, then a published item whose path differs only by case.
 */
export async function findRedirectTarget(db: Executor, fromPath: string, now: Date = new Date()): Promise<string | null> {
  const rows = await db
    .select({ fromPath: contentRedirects.fromPath, itemPath: contentItems.path, targetPath: contentRedirects.targetPath })
    .from(contentRedirects)
    .leftJoin(contentItems, eq(contentItems.id, contentRedirects.itemId))
    .where(sql`lower(${contentRedirects.fromPath}) = lower(${fromPath})`);
  const row = rows.find((candidate) => candidate.fromPath === fromPath) ?? rows.sort((a, b) => (a.fromPath < b.fromPath ? -1 : 1))[0];
  if (row) return row.itemPath ?? row.targetPath;
  const [item] = await db
    .select({ path: contentItems.path })
    .from(contentItems)
    .where(and(sql`lower(${contentItems.path}) = lower(${fromPath})`, publiclyVisible(now)))
    .orderBy(contentItems.path)
    .limit(1);
  return item?.path ?? null;
}

/** Points an old path at an item (or a file), unless a live item owns that path. */
export async function upsertRedirect(db: Executor, fromPath: string, target: { itemId: string } | { targetPath: string }): Promise<void> {
  const values = "itemId" in target ? { itemId: target.itemId, targetPath: null } : { itemId: null, targetPath: target.targetPath };
  await db
    .insert(contentRedirects)
    .values({ fromPath, ...values })
    .onConflictDoUpdate({ target: contentRedirects.fromPath, set: values });
}

export async function deleteRedirect(db: Executor, fromPath: string): Promise<void> {
  await db.delete(contentRedirects).where(eq(contentRedirects.fromPath, fromPath));
}

export async function listRedirectsOfItem(db: Executor, itemId: string): Promise<string[]> {
  const rows = await db.select({ fromPath: contentRedirects.fromPath }).from(contentRedirects).where(eq(contentRedirects.itemId, itemId));
  return rows.map((row) => row.fromPath).sort();
}

export function fieldsToRow(fields: ContentFields) {
  return {
    kind: fields.kind,
    slug: fields.slug,
    title: fields.title,
    summary: fields.summary,
    body: fields.body,
    bodyFormat: fields.bodyFormat,
    coverImage: fields.coverImage,
    coverImageAlt: fields.coverImageAlt,
    tags: fields.tags,
    date: fields.date,
    status: fields.status,
    publishAt: fields.publishAt,
    details: fields.details,
  };
}

export type RevisionSummary = { id: string; version: number; authorLabel: string; note: string; createdAt: Date };

export async function listRevisions(db: Executor, itemId: string): Promise<RevisionSummary[]> {
  return db
    .select({ id: contentRevisions.id, version: contentRevisions.version, authorLabel: contentRevisions.authorLabel, note: contentRevisions.note, createdAt: contentRevisions.createdAt })
    .from(contentRevisions)
    .where(eq(contentRevisions.itemId, itemId))
    .orderBy(desc(contentRevisions.version));
}

/** A revision's snapshot, with its dates turned back into `Date`s. */
export async function findRevision(db: Executor, itemId: string, version: number): Promise<(RevisionSummary & { fields: ContentFields }) | null> {
  const [row] = await db.select().from(contentRevisions).where(and(eq(contentRevisions.itemId, itemId), eq(contentRevisions.version, version)));
  if (!row) return null;
  const snapshot = row.snapshot as Record<string, unknown>;
  const asDate = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  const fields = { ...snapshot, date: asDate(snapshot.date), publishAt: asDate(snapshot.publishAt) } as ContentFields;
  return { id: row.id, version: row.version, authorLabel: row.authorLabel, note: row.note, createdAt: row.createdAt, fields };
}

export type ContentAsset = { id: string; path: string; storageKey: string; contentType: string; size: number; sha256: string; fileName: string };

export async function findAssetByPath(db: Executor, path: string): Promise<ContentAsset | null> {
  const [row] = await db
    .select({ id: contentAssets.id, path: contentAssets.path, storageKey: contentAssets.storageKey, contentType: contentAssets.contentType, size: contentAssets.size, sha256: contentAssets.sha256, fileName: contentAssets.fileName })
    .from(contentAssets)
    .where(eq(contentAssets.path, path));
  return row ?? null;
}
