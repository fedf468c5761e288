import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { BodyFormat } from "./content-item.ts";
import { convertShortcodes } from "./hugo-shortcodes.ts";
import { htmlToText } from "../../../shared/html-text.ts";

/** Only DSFR classes survive (`fr-callout`, `fr-grid-row`…): no other styling can come from a body. */
const dsfrClass = /^fr-[a-z0-9_-]+$/;
const classedTags = ["div", "p", "span", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "img", "a"];

function withDsfrClasses(attributes: NonNullable<SanitizeSchema["attributes"]>): NonNullable<SanitizeSchema["attributes"]> {
  const result = { ...attributes };
  for (const tag of classedTags) {
    const existing = result[tag] ?? [];
    const classValues = existing.flatMap((definition) => (Array.isArray(definition) && definition[0] === "className" ? definition.slice(1) : []));
    const others = existing.filter((definition) => !(Array.isArray(definition) && definition[0] === "className"));
    result[tag] = [...others, ["className", dsfrClass, ...classValues]];
  }
  return result;
}

/**
 * GitHub's schema (no script, style, iframe, event handler, `javascript:` or `data:` URL) plus DSFR
 * classes. `style` elements are removed with their text rather than unwrapped into visible CSS.
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "md-",
  strip: [...(defaultSchema.strip ?? []), "style", "template", "noscript", "textarea", "title"],
  attributes: withDsfrClasses(defaultSchema.attributes ?? {}),
};

/** Headings of an embedded text start at `topLevel`, under the page's own h1/h2. */
function rehypeShiftHeadings(options: { topLevel: number }) {
  return (tree: Root) => {
    let minimum = 7;
    visit(tree, "element", (node: Element) => {
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) minimum = Math.min(minimum, Number(level));
    });
    if (minimum === 7) return;
    const shift = options.topLevel - minimum;
    visit(tree, "element", (node: Element) => {
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${Math.min(6, Math.max(1, Number(level) + shift))}`;
    });
  };
}

/**
 * After sanitising: images only from http(s) or our own `/medias/`, links leaving the site opened
 * without giving the new page a handle on ours.
 */
/** A list holds only list items (imported HTML put `<br>` inside `<ul>`, which assistive technologies misread). */
function rehypeValidLists() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "ul" && node.tagName !== "ol") return;
      node.children = node.children.filter((child) => (child.type === "element" && child.tagName === "li") || (child.type === "text" && !child.value.trim()));
    });
  };
}

/** Tables get the DSFR table frame (borders, padding, horizontal scrolling on small screens). */
function rehypeDsfrTables() {
  const frame = (className: string, children: Element["children"]): Element => ({ type: "element", tagName: "div", properties: { className: [className] }, children });
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "table" || !parent || index === undefined) return;
      parent.children[index] = frame("fr-table", [frame("fr-table__wrapper", [frame("fr-table__container", [frame("fr-table__content", [node])])])]);
      return "skip";
    });
  };
}

function rehypeHardenLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName === "img") {
        const src = typeof node.properties.src === "string" ? node.properties.src : "";
        if (!/^https?:\/\//i.test(src) && !src.startsWith("/medias/")) {
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return index;
        }
      }
      if (node.tagName === "a") {
        const href = typeof node.properties.href === "string" ? node.properties.href : "";
        if (/^https?:\/\//i.test(href)) node.properties.rel = ["noopener", "noreferrer"];
      }
      return undefined;
    });
  };
}

const markdownProcessor = (topLevel: number) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Hugo rendered raw HTML (`unsafe: true`) and the imported pages use it: parse it, then sanitise.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHardenLinks)
    .use(rehypeValidLists)
    .use(rehypeDsfrTables)
    .use(rehypeShiftHeadings, { topLevel })
    .use(rehypeStringify);

const htmlProcessor = (topLevel: number) =>
  unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHardenLinks)
    .use(rehypeValidLists)
    .use(rehypeDsfrTables)
    .use(rehypeShiftHeadings, { topLevel })
    .use(rehypeStringify);

const plainMarkdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

/** Markdown to sanitised HTML without moving headings (the inside of a callout). */
function renderInline(markdown: string): string {
  return String(plainMarkdownProcessor.processSync(markdown));
}

/** Replaces Hugo shortcodes by their DSFR equivalent or their text (the importer does it once for good). */
export function neutraliseShortcodes(text: string, resolveRef?: (target: string) => string): string {
  return convertShortcodes(text, { renderInline, ...(resolveRef ? { resolveRef } : {}) });
}

/** CommonMark + GFM (raw HTML allowed) to sanitised HTML: no script, no event handler, no javascript: URL can pass. */
export function renderMarkdown(markdown: string, options: { topLevel?: number } = {}): string {
  return String(markdownProcessor(options.topLevel ?? 2).processSync(neutraliseShortcodes(markdown)));
}

/** An item's body, summary or description (Markdown or imported HTML) as the plain text a reader sees: rendered and sanitised first, so nothing the sanitiser strips (a script, a style) shows. */
export function plainTextOf(text: string, format: BodyFormat): string {
  return htmlToText(renderContentBody(text, format));
}

/**
 * A summary as plain text, for meta descriptions, cards, feeds and search: rendered and sanitised like the
 * page shows it, then read as text (links and emphasis reduced to their words, no script or style text).
 */
export function plainSummary(summary: string | null, maxLength = 300): string | undefined {
  if (!summary) return undefined;
  const text = plainTextOf(summary, "markdown");
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).replace(/\s+\S*$/, "")}…` : text;
}

/** An item's body (Markdown or imported HTML) as sanitised HTML, headings starting at `topLevel`. */
export function renderContentBody(body: string, format: BodyFormat, options: { topLevel?: number } = {}): string {
  if (format === "markdown") return renderMarkdown(body, options);
  return String(htmlProcessor(options.topLevel ?? 2).processSync(neutraliseShortcodes(body)));
}
