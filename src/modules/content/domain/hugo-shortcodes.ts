import { escapeHtml } from "../../../shared/html-text.ts";

/**
 * Hugo shortcodes (`{{< ref "/projets" >}}`, `{{% callout %}}…{{% /callout %}}`) are template calls, not
 * Markdown: the importer replaces them by what they produced, and the renderer does the same for any
 * left in a body written later, so none is ever shown raw.
 */

export type ShortcodeOptions = {
  /** Turns the target of `ref`/`relref` into a public path; the default cleans the Hugo path. */
  resolveRef?: (target: string) => string;
  /** Renders the Markdown inside a callout as inline HTML. */
  renderInline: (markdown: string) => string;
};

const calloutNames = new Set(["callout", "alert", "notice", "note", "warning", "tip", "info", "encadre"]);
const paired = /\{\{([<%])\s*([\w-]+)([^}]*?)\s*\/?[%>]\}\}([\s\S]*?)\{\{[<%]\s*\/\s*\2\s*[%>]\}\}/g;
const single = /\{\{([<%])\s*([\w-]+)([^}]*?)\s*\/?[%>]\}\}/g;
const leftover = /\{\{[<%][\s\S]*?[%>]\}\}|\{\{[<%]|[%>]\}\}/g;

/** `/projets/`, `actualites/2022-05-16_atelier.md`, `/programme/_index.md` → `/projets`, `/actualites/2022-05-16_atelier`, `/programme`. */
export function cleanHugoRef(target: string): string {
  const [pathPart, anchor] = target.split("#", 2);
  let cleaned = (pathPart ?? "")
    .trim()
    .replace(/\.(md|markdown|html?)$/i, "")
    .replace(/(^|\/)_?index$/i, "")
    .replace(/\/+$/, "");
  if (!cleaned.startsWith("/")) cleaned = `/${cleaned}`;
  return anchor ? `${cleaned}#${anchor}` : cleaned;
}

/** Named (`text="…"`) and positional (`"…"`) arguments of a shortcode call. */
export function shortcodeArguments(raw: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  const pattern = /(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+))/g;
  for (const match of raw.matchAll(pattern)) {
    const value = (match[2] ?? match[3] ?? match[4] ?? "").replace(/\\"/g, '"');
    if (match[1]) named[match[1].toLowerCase()] = value;
    else positional.push(value);
  }
  return { named, positional };
}

function callout(inner: string, options: ShortcodeOptions): string {
  const html = options.renderInline(inner.trim()).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  const content = single && !single[1]!.includes("<p>") ? `<p class="fr-callout__text">${single[1]}</p>` : html;
  // An HTML block ends at a blank line: keep the whole callout on lines without blank ones.
  return `\n\n<div class="fr-callout">${content.replace(/\n{2,}/g, "\n")}</div>\n\n`;
}

function singleShortcode(name: string, rawArguments: string, options: ShortcodeOptions): string {
  const { named, positional } = shortcodeArguments(rawArguments);
  const lower = name.toLowerCase();
  if (lower === "ref" || lower === "relref") {
    const target = positional[0] ?? named.path ?? "";
    return target ? (options.resolveRef ?? cleanHugoRef)(target) : "";
  }
  const text = named.text ?? named.title ?? named.label ?? named.caption ?? named.alt;
  const href = named.href ?? named.url ?? named.link ?? (lower === "link" ? positional[0] : undefined);
  if (href && /^(https?:\/\/|\/)/.test(href)) return `[${(text ?? href).replace(/[[\]]/g, "")}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
  if (text) return escapeHtml(text);
  return "";
}

/** Replaces every shortcode by its DSFR equivalent (callouts), its path (ref) or its text; removes the rest. */
export function convertShortcodes(text: string, options: ShortcodeOptions): string {
  if (!text.includes("{{")) return text;
  let result = text;
  // Paired shortcodes may nest: convert the innermost first, a few levels deep at most.
  for (let depth = 0; depth < 5; depth += 1) {
    const next = result.replace(paired, (_whole, _delimiter: string, name: string, rawArguments: string, inner: string) => {
      if (calloutNames.has(name.toLowerCase())) return callout(inner, options);
      const text = inner.trim() ? inner : singleShortcode(name, rawArguments, options);
      return text;
    });
    if (next === result) break;
    result = next;
  }
  result = result.replace(single, (_whole, _delimiter: string, name: string, rawArguments: string) =>
    name.startsWith("/") ? "" : singleShortcode(name, rawArguments, options),
  );
  return result.replace(leftover, "");
}
