import { loadSolver } from "../../highs-runtime.ts";
import { maximumMatching, type MatchingResult } from "./matching.ts";
import { monthsBetween } from "./months.ts";

/**
 * « Café 10 % » pairing (ADR 0032): a maximum-cardinality, maximum-weight matching (HiGHS' LP with
 * Edmonds' blossom inequalities added as cuts, `matching.ts`, exact). Allowed pairs join two people of different ministries (an unknown ministry equals no
 * other one) who have not met within twelve months. The number of pairs comes first, then the weights:
 * people left out last month, then people who never met, then a tie-break drawn from the month.
 */

export type CafeCandidate = {
  id: string;
  /** The ministry of the person's organisation; null when unknown (never equal to another ministry). */
  ministryId: string | null;
  /** Left without a partner last month: first in line this month. */
  leftOutLastRound: boolean;
};

/** Two people who met in a round of `month` (`YYYY-MM`); a trio gives three such pairs. */
export type PastMeeting = { a: string; b: string; month: string };

export type PairingInput = {
  month: string;
  candidates: readonly CafeCandidate[];
  history: readonly PastMeeting[];
  /** How many most-preferred pairs of each person the first LP holds (all of them: `Infinity`); the others enter when they can improve it. */
  neighbours?: number;
};

type Edge = { i: number; j: number; weight: number };

const defaultNeighbours = 8;

/** Indices of the allowed pairs that are among the `count` most preferred (left-out bonuses aside) of at least one of their two people. */
function nearestEdges(people: number, edges: readonly Edge[], count: number): number[] {
  if (count >= people - 1) return edges.map((_, index) => index);
  // One sort of all pairs, most preferred first (ties: by index): a pair is among a person's `count` most
  // preferred when fewer than `count` of that person's pairs come before it.
  // Ranked without the left-out bonuses: otherwise everyone's first pairs would all go to the few people
  // left out last month, and the first LP would pair almost no one.
  const rank = (edge: Edge) => edge.weight % leftOutBonus;
  const maxRank = edges.reduce((max, edge) => Math.max(max, rank(edge)), 0);
  const order = Float64Array.from(edges, (edge, index) => (maxRank - rank(edge)) * edges.length + index).sort();
  const seen = new Int32Array(people);
  const kept: number[] = [];
  for (const key of order) {
    const index = key % edges.length;
    const { i, j } = edges[index]!;
    if (seen[i]! < count || seen[j]! < count) kept.push(index);
    seen[i]!++;
    seen[j]!++;
  }
  return kept.sort((x, y) => x - y);
}

/** Groups of two (or three, for an odd number) ids; `unpaired`: those nobody could be matched with. */
export type Pairing = {
  groups: string[][];
  unpaired: string[];
  /** The pairs' total weight (before trios): among matchings with as many pairs, the greatest. */
  weight: number;
  /** Whether the matching is proven optimal (always, unless the MIP fallback hit its time limit), and how. */
  provenOptimal: boolean;
  solver: Omit<MatchingResult, "mate" | "provenOptimal">;
};

/** A pair met in month M may meet again from month M + 12. */
export const monthsBeforeMeetingAgain = 12;

/** Each of the two's weight when left out last month: outweighs every other preference of the pair. */
export const leftOutBonus = 1_000_000;
/** Never met before: outweighs the tie-breaks of a pair. */
export const neverMetBonus = 10_000;
const tieBreakRange = 1000;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** FNV-1a on the month and the pair: the same month always breaks ties the same way. */
function tieBreak(month: string, a: string, b: string): number {
  let hash = 0x811c9dc5;
  for (const character of `${month}|${pairKey(a, b)}`) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % tieBreakRange;
}

/** Last month each pair met, by `pairKey`. */
function lastMeetings(history: readonly PastMeeting[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const meeting of history) {
    const key = pairKey(meeting.a, meeting.b);
    const known = last.get(key);
    if (!known || known < meeting.month) last.set(key, meeting.month);
  }
  return last;
}

/** Whether `a` and `b` may have a coffee in `month`, and how much it is preferred (higher is better). */
function edgeOf(month: string, a: CafeCandidate, b: CafeCandidate, met: Map<string, string>): { allowed: false } | { allowed: true; weight: number } {
  if (a.id === b.id) return { allowed: false };
  if (a.ministryId !== null && a.ministryId === b.ministryId) return { allowed: false };
  const lastMet = met.get(pairKey(a.id, b.id));
  if (lastMet && monthsBetween(lastMet, month) < monthsBeforeMeetingAgain) return { allowed: false };
  return { allowed: true, weight: (lastMet ? 0 : neverMetBonus) + tieBreak(month, a.id, b.id) };
}

/** Whether `a` and `b` may meet in `month` (different ministries, not met within twelve months). */
export function mayMeet(month: string, a: CafeCandidate, b: CafeCandidate, history: readonly PastMeeting[]): boolean {
  return edgeOf(month, a, b, lastMeetings(history)).allowed;
}

/** The FNV-1a state after `text`, from `state` (each code point counted by its first unit, as `tieBreak`). */
function fnvAfter(state: number, codes: readonly number[]): number {
  let hash = state;
  for (const code of codes) {
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function codesOf(text: string): number[] {
  return Array.from(text, (character) => character.charCodeAt(0));
}

/**
 * The allowed pairs of `month` with their weights, over `candidates` sorted by id (also for an independent
 * check in tests). The same weights as `edgeOf`, computed without a string per pair: the tie-break's hash
 * of `month|a|` is kept per person, and past meetings are looked up by index.
 */
export function allowedPairs(input: PairingInput): { candidates: CafeCandidate[]; edges: Edge[] } {
  const { month } = input;
  const candidates = [...new Map(input.candidates.map((candidate) => [candidate.id, candidate])).values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const indexOf = new Map(candidates.map((candidate, index) => [candidate.id, index]));
  const lastMet: Map<number, string>[] = candidates.map(() => new Map());
  for (const meeting of input.history) {
    const a = indexOf.get(meeting.a);
    const b = indexOf.get(meeting.b);
    if (a === undefined || b === undefined || a === b) continue;
    const [i, j] = a < b ? [a, b] : [b, a];
    const known = lastMet[i]!.get(j);
    if (!known || known < meeting.month) lastMet[i]!.set(j, meeting.month);
  }
  const idCodes = candidates.map((candidate) => codesOf(candidate.id));
  const separator = codesOf("|");
  const monthState = fnvAfter(0x811c9dc5, codesOf(`${month}|`));
  const edges: Edge[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    // Sorted ids: the pair's key is `a|b`, so the hash of `month|a|` is shared by all of a's pairs.
    const prefix = fnvAfter(fnvAfter(monthState, idCodes[i]!), separator);
    for (let j = i + 1; j < candidates.length; j++) {
      const b = candidates[j]!;
      if (a.ministryId !== null && a.ministryId === b.ministryId) continue;
      const met = lastMet[i]!.get(j);
      if (met && monthsBetween(met, month) < monthsBeforeMeetingAgain) continue;
      const bonus = (a.leftOutLastRound ? leftOutBonus : 0) + (b.leftOutLastRound ? leftOutBonus : 0);
      edges.push({ i, j, weight: bonus + (met ? 0 : neverMetBonus) + (fnvAfter(prefix, idCodes[j]!) % tieBreakRange) });
    }
  }
  return { candidates, edges };
}

/** Pairs the candidates of `month`; see the module comment for the rules and their order. */
export async function computePairing(input: PairingInput): Promise<Pairing> {
  const { month } = input;
  const { candidates, edges } = allowedPairs(input);
  const met = lastMeetings(input.history);
  // The first LP holds each person's most preferred pairs; pricing brings in any other pair that could
  // improve it, so the result is the optimum over all allowed pairs (ADR 0032).
  const highs = await loadSolver();
  const { mate, provenOptimal, ...solver } = maximumMatching(highs, candidates.length, edges, {
    initialEdges: nearestEdges(candidates.length, edges, input.neighbours ?? defaultNeighbours),
    // A pair's weight is its two people's left-out bonuses plus less than neverMetBonus + tieBreakRange;
    // each person is in one pair at most.
    weightBound: candidates.filter((candidate) => candidate.leftOutLastRound).length * leftOutBonus + Math.floor(candidates.length / 2) * (neverMetBonus + tieBreakRange),
  });
  const groups: string[][] = [];
  mate.forEach((other, index) => {
    if (other > index) groups.push([candidates[index]!.id, candidates[other]!.id]);
  });
  const weight = edges.reduce((total, edge) => total + (mate[edge.i] === edge.j ? edge.weight : 0), 0);
  const unpaired: string[] = [];
  const trios = new Set<number>();
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  for (const candidate of candidates.filter((_, index) => mate[index] === -1)) {
    // One left over joins the pair where the trio breaks no rule and is most preferred.
    let best: { index: number; weight: number } | null = null;
    for (const [index, group] of groups.entries()) {
      if (trios.has(index)) continue;
      const links = group.map((memberId) => edgeOf(month, candidate, byId.get(memberId)!, met));
      if (links.some((link) => !link.allowed)) continue;
      const total = links.reduce((sum, link) => sum + (link.allowed ? link.weight : 0), 0);
      if (!best || total > best.weight) best = { index, weight: total };
    }
    if (best) {
      groups[best.index]!.push(candidate.id);
      trios.add(best.index);
    } else unpaired.push(candidate.id);
  }
  return { groups, unpaired, weight, provenOptimal, solver };
}
