import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Site pages whose text comes from the programme's published content (Markdown, sanitised at render). */
export const sitePages = pgTable("site_pages", {
  slug: text("slug").primaryKey(),
  title: text("title").notNull(),
  summary: text("summary"),
  bodyMarkdown: text("body_markdown").notNull(),
  sourcePath: text("source_path"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
