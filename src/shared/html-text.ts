const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Text made safe to place in HTML, in element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Numeric entities and the few named ones HTML text commonly holds, back to characters; others are left as they are. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}

/** Elements whose text a reader never sees: dropped with their content (to the end when left open). */
const hiddenElements = /<(script|style|template|noscript|textarea|title|iframe|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const blockTags = /<\/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|td|th|tr|table|br|div|section|article|blockquote|pre|hr|img|figure|figcaption)\b[^>]*>/gi;

/**
 * HTML as the plain text a reader sees: scripts, styles and comments dropped with their content, blocks
 * separated by a space, other tags removed, entities decoded, spaces collapsed. The one way summaries,
 * excerpts and descriptions are made from content.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(hiddenElements, " ")
    .replace(blockTags, " ")
    .replace(/<\/?[a-z][^>]*>/gi, "");
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}
