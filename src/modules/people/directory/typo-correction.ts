/** Accents and case aside, as the search document's `search_text` stores words. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Edits from `a` to `b`: a letter inserted, deleted, replaced, or two neighbours swapped
 * (optimal string alignment distance).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** One typo in a short word, two in a longer one. */
function allowedEdits(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/** The candidates close enough to `word` to be what it meant (within the edits allowed), in their order. */
export function candidatesWithinReach(word: string, candidates: string[]): string[] {
  const folded = foldWord(word);
  return candidates.filter((candidate) => candidate !== folded && editDistance(folded, candidate) <= allowedEdits(folded));
}

/**
 * The known words a mistyped `word` most likely meant: the candidates (found by trigram similarity)
 * at the smallest edit distance, if it is small enough; at most `max`, in the candidates' order.
 */
export function closestWords(word: string, candidates: string[], max = 3): string[] {
  const folded = foldWord(word);
  const scored = candidates.filter((candidate) => candidate !== folded).map((candidate) => ({ candidate, distance: editDistance(folded, candidate) }));
  const best = Math.min(...scored.map((entry) => entry.distance));
  if (!(best <= allowedEdits(folded))) return [];
  return scored
    .filter((entry) => entry.distance === best)
    .slice(0, max)
    .map((entry) => entry.candidate);
}
