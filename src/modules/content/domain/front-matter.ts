import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

export type FrontMatterDocument = { data: Record<string, unknown>; body: string };

/** Splits Hugo/Jekyll front matter: YAML between `---` or TOML between `+++`. Never evaluates code. */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const text = source.replace(/^\uFEFF/, "");
  const match = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  const raw = match[2] ?? "";
  const parsed = match[1] === "+++" ? parseToml(raw) : parseYaml(raw, { schema: "core" });
  const data = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, body: text.slice(match[0].length) };
}
