/**
 * The draft of teams the programme team reviews before publishing, and the checks of each team
 * against its project's needs and the season's rules. Pure: no I/O.
 */
import type { AssignmentRules, SkillLevel } from "./instance.ts";
import type { ModelMember } from "./assignment-model.ts";
import type { Placement, RelaxedRule, UnplacedReason } from "./solve-assignment.ts";
import { brokenRules } from "./team-rules.ts";

/** A placement in the draft; `moved` when the programme team moved the member by hand after the run. */
export type DraftPlacement = Placement & { moved?: boolean };

export type StoredDraft = {
  placements: DraftPlacement[];
  unplaced: { memberId: string; reason: UnplacedReason | { kind: "moved_out" } }[];
  relaxed: RelaxedRule[];
  provenOptimal: boolean;
  status: string;
  objective: number;
  rankCounts: number[];
  anyProjectCount: number;
  solveMilliseconds: number;
  /** How many wish lists were sent (the run's members) and how many stayed drafts (not taken into account). */
  wishListCount: number;
  draftWishListCount: number;
  rules: AssignmentRules;
  /** Members whose team differs from the previous run's draft (moves by hand included), for the review. */
  changes?: { memberId: string; from: string | null; to: string | null }[];
};

/** Default needs of a project whose lead has not said what the team seeks. */
export const defaultTeamSize = { minSize: 3, maxSize: 10 } as const;

/** What a team is checked against. */
export type TeamNeeds = { projectId: string; minSize: number; maxSize: number; requiredSkills: { skillId: string; level: SkillLevel }[] };
/** What the checks need to know of a person. */
export type TeamPerson = { ministryId: string | null; skills: Record<string, SkillLevel> };

export type TeamCheck = {
  projectId: string;
  size: number;
  ministries: number;
  /** The largest share of one ministry in the team (0 for an empty team). */
  largestShare: number;
  missingSkills: { skillId: string; level: SkillLevel }[];
  problems: ("too_small" | "too_large" | "few_ministries" | "ministry_above_share")[];
};

/**
 * Checks every project's team of a draft against its needs and the rules (after a move by hand, a
 * team may break a rule the run had kept): size, required skills covered, ministries.
 */
export function checkTeams(placements: readonly { memberId: string; projectId: string }[], needs: readonly TeamNeeds[], people: ReadonlyMap<string, TeamPerson>, rules: AssignmentRules): TeamCheck[] {
  const problemOf: Partial<Record<RelaxedRule["rule"], TeamCheck["problems"][number]>> = { min_size: "too_small", max_size: "too_large", min_ministries: "few_ministries", max_ministry_share: "ministry_above_share" };
  return needs.map((need) => {
    // The solver's own rules (team-rules.ts), so the review says exactly what a run would have to relax.
    const team: ModelMember[] = placements
      .filter((placement) => placement.projectId === need.projectId)
      .map((placement) => ({ id: placement.memberId, wishes: [], anyProject: false, fixed: null, ...(people.get(placement.memberId) ?? { ministryId: null, skills: {} }) }));
    const broken = brokenRules(team, { id: need.projectId, minSize: need.minSize, maxSize: need.maxSize, requiredSkills: need.requiredSkills }, rules);
    const byMinistry = new Map<string, number>();
    for (const person of team) if (person.ministryId) byMinistry.set(person.ministryId, (byMinistry.get(person.ministryId) ?? 0) + 1);
    const largest = Math.max(0, ...byMinistry.values());
    return {
      projectId: need.projectId,
      size: team.length,
      ministries: byMinistry.size,
      largestShare: team.length === 0 ? 0 : largest / team.length,
      missingSkills: broken.flatMap((rule) => (rule.rule === "required_skill" ? [{ skillId: rule.skillId, level: rule.level as SkillLevel }] : [])),
      problems: [...new Set(broken.flatMap((rule) => problemOf[rule.rule] ?? []))],
    };
  });
}

/**
 * Moves a member in the draft: to another project (`projectId`), or out of every team (null). The
 * placement is marked as moved by hand, with the member's rank for that project (null if not wished); a
 * member moved out joins the unplaced list.
 */
export function moveInDraft(draft: StoredDraft, memberId: string, projectId: string | null, wishRank: number | null): StoredDraft {
  const placements = draft.placements.filter((placement) => placement.memberId !== memberId);
  const unplaced = draft.unplaced.filter((entry) => entry.memberId !== memberId);
  const before = draft.placements.find((placement) => placement.memberId === memberId);
  if (projectId) {
    const reason: Placement["reason"] = before?.projectId === projectId ? before.reason : wishRank ? { kind: "wish", rank: wishRank, passedOver: [] } : { kind: "any_project" };
    placements.push({ memberId, projectId, rank: wishRank, reason, moved: true });
    placements.sort((a, b) => (a.projectId === b.projectId ? (a.memberId < b.memberId ? -1 : 1) : a.projectId < b.projectId ? -1 : 1));
  } else {
    unplaced.push({ memberId, reason: { kind: "moved_out" } });
  }
  return { ...draft, placements, unplaced };
}

/** Who changes team between two drafts (a member absent from one counts as without team there). */
export function teamChanges(previous: StoredDraft | null, next: Pick<StoredDraft, "placements" | "unplaced">): NonNullable<StoredDraft["changes"]> {
  if (!previous) return [];
  const before = new Map<string, string | null>([...previous.unplaced.map((entry) => [entry.memberId, null] as const), ...previous.placements.map((placement) => [placement.memberId, placement.projectId] as const)]);
  const after = new Map<string, string | null>([...next.unplaced.map((entry) => [entry.memberId, null] as const), ...next.placements.map((placement) => [placement.memberId, placement.projectId] as const)]);
  const changes: NonNullable<StoredDraft["changes"]> = [];
  for (const [memberId, to] of after) {
    if (!before.has(memberId)) continue;
    const from = before.get(memberId)!;
    if (from !== to) changes.push({ memberId, from, to });
  }
  return changes.sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
}
