import { Feed, type Item } from "feed";
import { formatDate, formatDateTime } from "../../../shared/french-date.ts";
import { serviceName } from "../../../ui/layout.tsx";
import { type ContentItem, eventDetailsSchema } from "../domain/content-item.ts";
import { plainSummary, renderContentBody } from "../domain/markdown.ts";
import type { SitemapEntry } from "./feed-repository.ts";
import { escapeHtml } from "../../../shared/html-text.ts";

export type FeedFormat = "atom" | "rss";

export const feedContentTypes: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
};

/** The library escapes only `&` in attributes (Atom `term`): keep tags from breaking the XML. */
function attributeSafe(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›").replace(/"/g, "”");
}

/** Feed readers resolve nothing against the site: links and images of a body must be absolute. */
function absoluteUrls(html: string, publicUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${publicUrl}/`);
}

type FeedSection = { path: string; title: string; description: string };

export const newsSection: FeedSection = { path: "/actualites", title: `Actualités — ${serviceName}`, description: `Les dernières actualités du ${serviceName}.` };
export const eventsSection: FeedSection = { path: "/evenements", title: `Événements — ${serviceName}`, description: `Les événements du ${serviceName} : ateliers, formations, rencontres.` };

/** « Le 14 février 2023 à 14 h 30, Paris » for an event's entry. */
function eventWhenAndWhere(item: ContentItem): string | null {
  const details = eventDetailsSchema.safeParse(item.details);
  if (!details.success) return null;
  const { startsAt, allDay, location } = details.data;
  const when = startsAt ? `Le ${allDay ? formatDate(new Date(startsAt)) : formatDateTime(new Date(startsAt))}` : null;
  return [when, location].filter(Boolean).join(", ") || null;
}

/**
 * An Atom or RSS feed of a section. Escaping is the library's (text in CDATA or entities); titles and
 * summaries are plain text, so they are HTML-escaped where the feed declares HTML.
 */
export function buildFeed(section: FeedSection, items: ContentItem[], options: { publicUrl: string; format: FeedFormat; now: Date }): string {
  const { publicUrl, format } = options;
  const sectionUrl = `${publicUrl}${section.path}`;
  // An entry's date is the item's own date (an import or a typo fix does not resurface old posts).
  const entryDate = (item: ContentItem) => item.date ?? item.updatedAt;
  const updated = items.reduce<Date | null>((latest, item) => (latest && latest > entryDate(item) ? latest : entryDate(item)), null) ?? options.now;
  const feed = new Feed({
    id: sectionUrl,
    title: section.title,
    description: section.description,
    link: sectionUrl,
    language: "fr",
    updated,
    generator: false,
    copyright: `${serviceName}, Licence Ouverte 2.0`,
    author: { name: serviceName, link: publicUrl },
    feedLinks: { atom: `${sectionUrl}/flux.atom`, rss: `${sectionUrl}/flux.rss` },
  });
  for (const item of items) {
    const link = `${publicUrl}${item.path}`;
    const when = item.kind === "event" ? eventWhenAndWhere(item) : null;
    const summary = [when, plainSummary(item.summary, Number.MAX_SAFE_INTEGER)].filter(Boolean).join(". ");
    const body = absoluteUrls(renderContentBody(item.body, item.bodyFormat, { topLevel: 2 }), publicUrl);
    const entry: Item = {
      title: format === "atom" ? escapeHtml(item.title) : item.title,
      id: link,
      link,
      date: entryDate(item),
      content: when ? `<p>${escapeHtml(when)}</p>${body}` : body,
      category: item.tags.map((tag) => (format === "atom" ? { term: attributeSafe(tag) } : { name: tag })),
    };
    if (item.date) entry.published = item.date;
    if (summary) entry.description = escapeHtml(summary);
    feed.addItem(entry);
  }
  return format === "atom" ? feed.atom1() : feed.rss2();
}

/** Public pages that are not content items (or may not be yet); search results are left out. */
export const staticSitemapPaths = [
  "/",
  "/programme",
  "/programme/charte",
  "/actualites",
  "/projets",
  "/formations",
  "/evenements",
  "/rejoindre",
  "/contact",
  "/ressources",
  "/plan-du-site",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
] as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** sitemap.xml (sitemaps.org 0.9): the static pages, then every published item once, with its last change. */
export function buildSitemap(entries: SitemapEntry[], publicUrl: string): string {
  const byPath = new Map<string, Date | null>(staticSitemapPaths.map((path) => [path, null]));
  for (const entry of entries) byPath.set(entry.path, entry.updatedAt);
  const urls = [...byPath].map(([path, updatedAt]) => {
    const lastmod = updatedAt ? `<lastmod>${updatedAt.toISOString().slice(0, 10)}</lastmod>` : "";
    return `  <url><loc>${escapeXml(`${publicUrl}${encodeURI(path)}`)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/** Private areas are not for crawlers (they answer 303/403 anyway). */
export function buildRobotsTxt(publicUrl: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /compte", "Disallow: /connexion", "Disallow: /_dev", "", `Sitemap: ${publicUrl}/sitemap.xml`, ""].join("\n");
}
