import type { ReactNode } from "react";
import { TagsGroup } from "../../../ui/tag.tsx";
import { formatDate } from "../../../shared/french-date.ts";
import type { ContentItem } from "../domain/content-item.ts";
import { renderContentBody, renderMarkdown } from "../domain/markdown.ts";

export { plainSummary } from "../domain/markdown.ts";

/** A summary may hold Markdown links: shown as inline HTML (sanitised), without its paragraph wrapper. */
export function summaryHtml(summary: string): { html: string; inline: boolean } {
  const html = renderMarkdown(summary).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes("<p>") ? { html: single[1]!, inline: true } : { html, inline: false };
}

/** The item's date in French, when it has one. */
export function itemDate(item: ContentItem): string | undefined {
  return item.date ? formatDate(item.date) : undefined;
}

/** The lead paragraph under an h1; left out when it only repeats the title (« Le programme 10% » twice). */
export function Lead({ summary, title }: { summary: string | null; title?: string }) {
  if (!summary?.trim()) return null;
  if (title !== undefined && summary.trim().toLocaleLowerCase("fr") === title.trim().toLocaleLowerCase("fr")) return null;
  const { html, inline } = summaryHtml(summary);
  return inline ? (
    <p className="fr-text--lead fr-mb-4w" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div className="fr-text--lead fr-mb-4w" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** An item's body, sanitised, its headings under the page's h1 (or under `topLevel - 1`). */
export function ItemBody({ item, topLevel = 2 }: { item: ContentItem; topLevel?: number }) {
  if (!item.body.trim()) return null;
  return <div className="fr-mb-4w" dangerouslySetInnerHTML={{ __html: renderContentBody(item.body, item.bodyFormat, { topLevel }) }} />;
}

/** A page with one main column (lists use the full width). */
export function ReadingColumn({ children }: { children: ReactNode }) {
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">{children}</div>
    </div>
  );
}

/** The tags of a post, each a link to the news filtered by it. */
export function NewsTags({ tags, small }: { tags: string[]; small?: boolean }) {
  if (tags.length === 0) return null;
  return <TagsGroup small={small ?? false} tags={tags.map((tag) => ({ label: tag, href: `/actualites?etiquette=${encodeURIComponent(tag)}` }))} />;
}

/** A grid of cards, three per row on large screens. */
export function CardGrid({ children }: { children: ReactNode[] }) {
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
      {children.map((child, index) => (
        <li className="fr-col-12 fr-col-md-6 fr-col-lg-4" key={index}>
          {child}
        </li>
      ))}
    </ul>
  );
}
