import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { DomainError } from "../../../shared/domain-error.ts";

export type FrontMatterDocument = { data: Record<string, unknown>; body: string; hasFrontMatter: boolean };

/** A front matter that cannot be read: its message says why, in French. */
export class FrontMatterError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid_front_matter", message, options);
  }
}

/**
 * Splits Hugo/Jekyll front matter: YAML between `---` or TOML between `+++`. Never evaluates code.
 * A byte order mark and blank lines before the opening fence are tolerated (Hugo does).
 */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const text = source.replace(/^\uFEFF/, "").replace(/^(?:[ \t]*\r?\n)+(?=(?:---|\+\+\+)[ \t]*\r?\n)/, "");
  const opening = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!opening) return { data: {}, body: text, hasFrontMatter: false };
  const fence = opening[1]!;
  const match = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n?\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) throw new FrontMatterError(`L’en-tête ouvert par « ${fence} » n’est jamais fermé.`);
  const raw = match[2] ?? "";
  const format = fence === "+++" ? "TOML" : "YAML";
  let parsed: unknown;
  try {
    parsed = fence === "+++" ? parseToml(raw) : parseLenientYaml(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new FrontMatterError(`En-tête ${format} illisible : ${detail}`, { cause: error });
  }
  if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
    throw new FrontMatterError(`L’en-tête ${format} doit être une liste de champs « nom : valeur ».`);
  }
  return { data: (parsed ?? {}) as Record<string, unknown>, body: text.slice(match[0].length), hasFrontMatter: true };
}

/** Where a quoted scalar opened on this line closes, or -1 if it goes on to the next line. */
function closingQuote(text: string, quote: string): number {
  for (let index = 0; index < text.length; index += 1) {
    if (quote === '"' && text[index] === "\\") index += 1;
    else if (text[index] === quote) {
      if (quote === "'" && text[index + 1] === "'") index += 1;
      else return index;
    }
  }
  return -1;
}

/**
 * Hugo's YAML parser accepts a quoted value continued on unindented lines (the old site's projects do);
 * the YAML specification does not. Those lines are indented before a second attempt.
 */
function indentQuotedContinuations(raw: string): string {
  let open: string | null = null;
  return raw
    .split(/\r?\n/)
    .map((line) => {
      if (open) {
        const quote = open;
        const closing = closingQuote(line, quote);
        if (closing >= 0) open = null;
        return /^\s/.test(line) ? line : `  ${line}`;
      }
      const start = /^\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?(["'])(.*)$/.exec(line);
      if (start && closingQuote(start[2]!, start[1]!) < 0) open = start[1]!;
      return line;
    })
    .join("\n");
}

function parseLenientYaml(raw: string): unknown {
  try {
    return parseYaml(raw, { schema: "core" });
  } catch (error) {
    const repaired = indentQuotedContinuations(raw);
    if (repaired === raw) throw error;
    try {
      return parseYaml(repaired, { schema: "core" });
    } catch {
      throw error;
    }
  }
}
