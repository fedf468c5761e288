import type { AttendanceMode } from "../domain/event-kinds.ts";

/** « sur place », « à distance »: the mode inside a sentence. */
export const modeInSentence: Record<AttendanceMode, string> = { in_person: "sur place", remote: "à distance" };

/** « 1 personne », « 3 personnes » (non-breaking space). */
export function countOf(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}

/** A person's name in a sentence: « Inès Benali ». */
export function fullName(person: { givenName: string; usualName: string }): string {
  return [person.givenName, person.usualName].filter(Boolean).join(" ") || "Personne sans nom";
}

// A vowel (accented or not) or an h, taken as mute: names almost always elide (« d’Hélène », « d’Hugo »).
const elidingStart = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;

/**
 * « de » before a word, elided before a vowel or a mute h: « de Thomas Leroy », « d’Inès Benali »,
 * « d’Hélène ». A « y » followed by a vowel is a consonant (« de Yasmine »).
 */
export function deBefore(word: string): string {
  const elides = elidingStart.test(word) && !/^y[aeiouàâéèêëîïôöùûü]/i.test(word);
  return elides ? `d’${word}` : `de ${word}`;
}
