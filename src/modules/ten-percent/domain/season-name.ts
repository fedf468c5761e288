/**
 * A season's name inside a sentence: seasons are named « Saison 2026-2027 », a title; mid-sentence French writes
 * « la saison 2026-2027 ». Names that do not start with « Saison » are kept as they are.
 */
export function seasonInSentence(name: string): string {
  return name.replace(/^Saison\b/, "saison");
}
