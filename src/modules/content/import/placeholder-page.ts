import { htmlToText } from "../../../shared/html-text.ts";

const englishWords = new Set(["the", "and", "of", "to", "is", "this", "for", "with", "that", "are", "be", "it", "on", "by", "from", "page", "use", "in"]);
const frenchWords = new Set(["le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "pour", "dans", "en", "que", "qui", "sur", "au", "aux", "par", "nous", "vous"]);

/** « en », « en-US » → « en »; null when the value says nothing. */
function languageCode(value: unknown): string | null {
  return typeof value === "string" && /^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/i.test(value.trim()) ? value.trim().slice(0, 2).toLowerCase() : null;
}

/** The language a text is written in, when its common words say so clearly: « en » or « fr »; null if too short or mixed. */
export function detectLanguage(text: string): "en" | "fr" | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return null;
  let english = 0;
  let french = 0;
  for (const word of words) {
    if (englishWords.has(word)) english += 1;
    if (frenchWords.has(word)) french += 1;
  }
  if (english >= 8 && english > 3 * french) return "en";
  if (french >= 8 && french > 3 * english) return "fr";
  return null;
}

/**
 * Why an imported file is a placeholder rather than a page of the programme's site, or null: a whole HTML
 * document with its own `<html>` and `<head>` (another site's page dropped in the content folder, which the
 * site's layouts never wrapped), a page declared in another language than French (front matter `lang`,
 * `language` or `languageCode`, or `<html lang>`), or a text clearly written in English. Such a page is
 * imported as a draft, never published, and reported.
 */
export function placeholderReason(input: { text: string; body: string; data: Record<string, unknown>; hasFrontMatter: boolean; isHtml: boolean }): string | null {
  const { text, body, data, hasFrontMatter, isHtml } = input;
  if (isHtml && !hasFrontMatter && /<!doctype\s+html|<html[\s>]/i.test(text) && /<head[\s>]/i.test(text)) {
    return "document HTML complet (avec ses propres <html> et <head>)\u00a0: la page d’un autre site, pas une page de ce site";
  }
  const htmlLang = isHtml ? /<html\b[^>]*\slang\s*=\s*["']?([^"'\s>]+)/i.exec(text)?.[1] : undefined;
  const declared = languageCode(data.lang) ?? languageCode(data.language) ?? languageCode(data.languageCode) ?? languageCode(htmlLang);
  if (declared && declared !== "fr") return `page déclarée en langue «\u00a0${declared}\u00a0», pas en français`;
  if (detectLanguage(isHtml ? htmlToText(body) : body) === "en") return "texte en anglais, pas en français";
  return null;
}
