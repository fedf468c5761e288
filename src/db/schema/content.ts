import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Everything the public site publishes: news posts, site pages, projects, events and trainings.
 * Kind-specific fields (a project's GitHub link, an event's dates…) live in `details`, validated by
 * the content module's domain schemas (ADR 0010).
 */
export const contentItems = pgTable(
  "content_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    slug: text("slug").notNull(),
    /** Canonical public path, e.g. `/actualites/saison2023` or `/programme/contribuer`. */
    path: text("path").notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    body: text("body").notNull().default(""),
    /** `markdown` (CommonMark + GFM) or `html` (imported HTML pages); both sanitised at render. */
    bodyFormat: text("body_format").notNull().default("markdown"),
    coverImage: text("cover_image"),
    coverImageAlt: text("cover_image_alt"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The date the item shows (a post's date, a project's start…). */
    date: timestamp("date", { withTimezone: true }),
    status: text("status").notNull().default("draft"),
    /** Published items are visible from this instant on (scheduling); null means at once. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
    /** Where the importer found it (path relative to the site's content folder); null when made in the editor. */
    sourceKey: text("source_key"),
    importHash: text("import_hash"),
    version: integer("version").notNull().default(1),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('fr_unaccent'::regconfig, body), 'C')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("one_item_per_path").on(table.path),
    uniqueIndex("one_item_per_kind_and_slug").on(table.kind, table.slug),
    uniqueIndex("one_item_per_source").on(table.sourceKey),
    index("content_items_listing").on(table.kind, table.status, table.date),
    index("content_items_search").using("gin", table.searchVector),
    check("content_item_kind", sql`${table.kind} in ('news', 'page', 'project', 'event', 'training')`),
    check("content_item_status", sql`${table.status} in ('draft', 'published')`),
    check("content_item_body_format", sql`${table.bodyFormat} in ('markdown', 'html')`),
  ],
);

/** Every saved state of an item: who changed what and when; any of them can be restored. */
export const contentRevisions = pgTable(
  "content_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Shown in the history: the author's name at the time, or « Import ». */
    authorLabel: text("author_label").notNull(),
    note: text("note").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_revision_per_version").on(table.itemId, table.version)],
);

/** Old public paths (previous slugs, the old site's URLs) answering 301 to an item or a file. */
export const contentRedirects = pgTable(
  "content_redirects",
  {
    fromPath: text("from_path").primaryKey(),
    itemId: uuid("item_id").references(() => contentItems.id, { onDelete: "cascade" }),
    targetPath: text("target_path"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("redirect_has_one_target", sql`(${table.itemId} is null) <> (${table.targetPath} is null)`)],
);

/** Images and files of the content, stored under the data directory (ADR 0010). */
export const contentAssets = pgTable(
  "content_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public path, `/medias/<sha256 prefix>/<file name>`. */
    path: text("path").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    fileName: text("file_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [uniqueIndex("one_asset_per_path").on(table.path)],
);
