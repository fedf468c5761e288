import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../db/client.ts";
import { sitePages } from "../../db/schema/index.ts";
import { parseFrontMatter } from "./domain/front-matter.ts";

/** Pages of the programme's published site that the home page presents (../shared/content). */
const sources = [
  { slug: "presentation", file: "site-2022/content/programme/presentation.md" },
  { slug: "contribuer", file: "site-2022/content/programme/contribuer.md" },
] as const;

/** Loads the presentation texts from the content folder; a missing folder leaves the home page's fallback. */
export async function seedSitePages(db: Database, contentDir: string): Promise<number> {
  let count = 0;
  for (const source of sources) {
    const file = path.join(contentDir, source.file);
    if (!fs.existsSync(file)) continue;
    const { data, body } = parseFrontMatter(fs.readFileSync(file, "utf8"));
    const title = typeof data.title === "string" ? data.title : source.slug;
    const summary = typeof data.summary === "string" ? data.summary.trim() : null;
    await db
      .insert(sitePages)
      .values({ slug: source.slug, title, summary, bodyMarkdown: body, sourcePath: source.file })
      .onConflictDoUpdate({ target: sitePages.slug, set: { title, summary, bodyMarkdown: body, sourcePath: source.file, updatedAt: new Date() } });
    count++;
  }
  return count;
}
