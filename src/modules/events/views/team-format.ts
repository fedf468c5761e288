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
