import { type FormValues, keepValues } from "../../../http/forms.ts";
import { type FramingContent, framingSections, maxReviewNoteLength, type PublicSectionKey, publicSectionKeys, requiredSectionKey } from "./framing-sections.ts";

export type FramingInput = { content: FramingContent; publicSections: PublicSectionKey[]; baseVersion: number };
export type FramingFormResult = { ok: true; data: FramingInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const maxVersion = 1_000_000;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.replace(/\r\n/g, "\n").trim() : "";
}

/** A version number as sent by a form or a query (`0` for « no version yet »), or null. */
export function parseVersionNumber(raw: unknown, { allowZero = false } = {}): number | null {
  if (typeof raw !== "string" || !/^\d{1,7}$/.test(raw)) return null;
  const value = Number(raw);
  if (value > maxVersion || (!allowZero && value === 0)) return null;
  return value;
}

/**
 * Reads the framing form: each section's text (trimmed, within its limit, no control characters), the
 * problem required, the public sections ticked (summary, deliverable), and the version the editor started
 * from (`baseVersion`, 0 before the first version). French messages keyed by field name.
 */
export function parseFramingForm(rawBody: unknown): FramingFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const content = {} as FramingContent;
  for (const section of framingSections) {
    const value = text(body, section.key);
    if (value.length > section.max) errors[section.key] = `Ce champ ne peut pas dépasser ${section.max.toLocaleString("fr-FR")}\u00a0caractères (il en compte ${value.length.toLocaleString("fr-FR")}).`;
    else if (controlCharacters.test(value)) errors[section.key] = "Ce champ contient des caractères non autorisés.";
    else if (section.key === requiredSectionKey && !value) errors[section.key] = "Décrivez le problème à résoudre.";
    content[section.key] = value;
  }
  const ticked = ([] as unknown[]).concat(body.publicSections ?? []);
  const unknownTicked = ticked.some((value) => typeof value !== "string" || !(publicSectionKeys as readonly string[]).includes(value));
  if (unknownTicked) errors.publicSections = "Choisissez les sections publiques dans la liste.";
  const publicSections = publicSectionKeys.filter((key) => ticked.includes(key));
  const baseVersion = parseVersionNumber(body.baseVersion, { allowZero: true });
  if (baseVersion === null) errors._form = "Le formulaire est incomplet\u00a0: rechargez la page de la fiche et recommencez.";
  if (Object.keys(errors).length > 0 || baseVersion === null) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { content, publicSections, baseVersion } };
}

export type ReviewFormResult = { ok: true; data: { version: number; note: string } } | { ok: false; errors: Record<string, string>; values: FormValues };

/** Reads the coach's « Relu » form: the version reviewed and an optional note. */
export function parseReviewForm(rawBody: unknown): ReviewFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const note = text(body, "reviewNote");
  if (note.length > maxReviewNoteLength) errors.reviewNote = `Ce champ ne peut pas dépasser ${maxReviewNoteLength.toLocaleString("fr-FR")}\u00a0caractères.`;
  else if (controlCharacters.test(note)) errors.reviewNote = "Ce champ contient des caractères non autorisés.";
  const version = parseVersionNumber(body.version);
  if (version === null) errors._form = "Le formulaire est incomplet\u00a0: rechargez la page de la fiche et recommencez.";
  if (Object.keys(errors).length > 0 || version === null) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { version, note } };
}
