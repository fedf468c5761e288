import assert from "node:assert/strict";

// French typography checked by the tests: one place for the HTTP tests of every module.

/** The text a reader sees: no tags, scripts or styles, entities decoded, lines joined. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<wbr\/?>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;|&#xa0;/gi, "\u00a0")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ");
}

const months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
/** « 1 mars » (French writes « 1er mars »), not « 21 mars » nor « 1,5 mars ». */
const firstOfMonthAsNumber = new RegExp(`(?<![\\p{L}\\d,.\\u202f])1[\\s\\u00a0\\u202f]+(?:${months})\\b`, "giu");
/** Words ending in s or x after a number that are no plural: nouns the same in the singular (« 0 fois », « 1 mois »), and little words (« étape 1 dans »). */
const sameInSingular = new Set(
  "mars fois mois temps prix choix voix cas pas corps poids pays avis accès succès progrès cours parcours concours discours repas relais français anglais dans sans sous vers après très dès plus moins puis mais depuis jamais toujours alors lors hors aux des les ses mes tes nos vos ces leurs".split(" "),
);
/** « 0 projets », « 1 membres »: French keeps the singular below 2 (« 0 projet », « Aucun projet »). */
const pluralBelowTwo = /(?<![\p{L}\d,.\u202f])[01][\s\u00a0\u202f]+(\p{L}+[sx])(?![\p{L}\d])/gu;

/** French number agreement and ordinals: « 1 janvier » and « 0 projets » (or « 1 projets »). */
export function numberMistakes(text: string): string[] {
  const firsts = [...text.matchAll(firstOfMonthAsNumber)].map((match) => match[0]);
  const plurals = [...text.matchAll(pluralBelowTwo)].filter((match) => !sameInSingular.has(match[1]!.toLowerCase())).map((match) => match[0]);
  return [...firsts, ...plurals];
}

/**
 * French typography: a non-breaking space before « : ; ? ! » and inside « », never a plain space or none;
 * « 1er » for the first day of a month; the singular for 0 and 1 (« 0 projet »).
 */
export function typographyMistakes(text: string): string[] {
  // Addresses (https://, mailto:) and times (14:30) carry colons that are not punctuation.
  const prose = text.replace(/\b(https?|mailto):\S*/g, " ").replace(/\d:\d/g, " ");
  const rules = [/.{0,30} [:;?!](?=\s|$)/g, /.{0,30}[^\s\u00a0\u202f:;?!][:;?!](?=\s|$)/g, /.{0,30}«(?![\u00a0\u202f]).{0,10}/g, /.{0,30}(?<![\u00a0\u202f])»/g];
  return [...rules.flatMap((rule) => [...prose.matchAll(rule)].map((match) => match[0])), ...numberMistakes(prose)];
}

/**
 * French typography of what a page's <main> says (and its <title>): a non-breaking space (U+00A0 or
 * U+202F), never a plain one or none, before « : ; ? ! % » and inside « ». Attributes are not read, nor
 * the `data` strings (what people typed or imported, shown as it is: a project's title…).
 */
export function assertFrenchSpacing(html: string, data: string[] = []) {
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
  const text = `${title}\n${main}`
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
  const checked = data.reduce((remaining, text) => remaining.split(text).join(" "), text);
  const faults = [
    { rule: "espace ordinaire avant : ; ? ! % »", pattern: / [:;?!%»]/g },
    { rule: "pas d’espace avant ; ? ! ou « : » suivi d’un espace", pattern: /[\p{L}\d)»][;?!](?=\s|$)|[\p{L}\d)»]:(?=\s|$)/gu },
    { rule: "« sans espace insécable après", pattern: /«[^\u00a0\u202f]/g },
    { rule: "» sans espace insécable avant", pattern: /[^\u00a0\u202f]»/g },
  ].flatMap(({ rule, pattern }) => [...checked.matchAll(pattern)].map((match) => `${rule} : « ${checked.slice(Math.max(0, match.index - 30), match.index + 10).replace(/\s+/g, " ")} »`));
  const numbers = numberMistakes(checked.replace(/[ \t\r\n]+/g, " ")).map((mistake) => `« 1er » ou singulier sous 2 : « ${mistake} »`);
  assert.deepEqual([...faults, ...numbers], [], "typographie française");
}
