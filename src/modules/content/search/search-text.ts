import { highlightEnd, highlightStart } from "./search-repository.ts";
import { escapeHtml } from "../../../shared/html-text.ts";

/**
 * Highlighted text as safe HTML: everything is escaped first, then only the highlight marks become
 * `<mark>` (unpaired marks are dropped, so the result is always balanced).
 */
export function highlightedHtml(text: string): string {
  const escaped = escapeHtml(text);
  const pattern = new RegExp(`${highlightStart}([^${highlightStart}${highlightEnd}]*)${highlightEnd}`, "g");
  return escaped.replace(pattern, "<mark>$1</mark>").replace(new RegExp(`[${highlightStart}${highlightEnd}]`, "g"), "");
}

export function hasHighlight(text: string): boolean {
  return text.includes(highlightStart);
}

/** At most `maxLength` characters, cut between words, with an ellipsis. */
export function shorten(text: string, maxLength = 280): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}\u00a0…`;
}

/** « … » where an excerpt starts after the text's beginning or ends before its end. */
export function withEllipses(excerpt: string, text: string): string {
  const bare = excerpt.replace(new RegExp(`[${highlightStart}${highlightEnd}]`, "g"), "").trim();
  if (!bare) return excerpt;
  const head = bare.split(" … ")[0]!.trim();
  const tail = bare.split(" … ").at(-1)!.trim();
  const normalized = text.replace(/\s+/g, " ").trim();
  return `${normalized.startsWith(head) ? "" : "…\u00a0"}${excerpt.trim()}${normalized.endsWith(tail) ? "" : "\u00a0…"}`;
}
