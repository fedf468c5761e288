import { diffWordsWithSpace } from "diff";
import { type FramingContent, type FramingSectionKey, framingSections } from "./framing-sections.ts";

/** A piece of a compared text: kept, removed (only in the older version) or added (only in the newer). */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };
export type SectionDiff = { key: FramingSectionKey; label: string; changed: boolean; parts: DiffPart[] };

/** The word-by-word difference of two texts (spaces and line breaks kept). */
export function diffTexts(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  return diffWordsWithSpace(before, after).map((change) => ({ kind: change.removed ? "removed" : change.added ? "added" : "same", text: change.value }));
}

/** Two versions of a framing compared section by section, in the template's order. */
export function diffFramings(before: FramingContent, after: FramingContent): SectionDiff[] {
  return framingSections.map((section) => ({
    key: section.key,
    label: section.label,
    changed: before[section.key] !== after[section.key],
    parts: diffTexts(before[section.key], after[section.key]),
  }));
}
