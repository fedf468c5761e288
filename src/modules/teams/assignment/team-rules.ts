import type { AssignmentRules } from "./instance.ts";
import { ministryKey, type ModelMember, type ModelProject } from "./assignment-model.ts";
import type { RelaxedRule } from "./solve-assignment.ts";

/**
 * The season's rules checked on a finished team (pure): what the solver had to relax, and whether moving
 * one member in or out would break a rule (the « why » of a placement). An empty team is held only to its
 * minimum size, as in the model.
 */

/** Largest count of one ministry allowed in a team of `size` (the linear rule count ≤ share·size, on integers). */
export const maxPerMinistry = (share: number, size: number) => Math.floor(share * size + 1e-9);

export function shareHolds(team: readonly ModelMember[], rules: AssignmentRules): boolean {
  if (rules.maxMinistryShare === null) return true;
  const most = maxPerMinistry(rules.maxMinistryShare, team.length);
  return [...countByMinistry(team).values()].every((group) => group.count <= most);
}

export function minMinistriesHolds(team: readonly ModelMember[], rules: AssignmentRules): boolean {
  return rules.minMinistries === null || team.length === 0 || knownMinistries(team) >= rules.minMinistries;
}

export const mixHolds = (team: readonly ModelMember[], rules: AssignmentRules) => shareHolds(team, rules) && minMinistriesHolds(team, rules);

/** Required skills (sorted by id) that exactly one member of the team covers at the level, with that member. */
export function soleCoverers(team: readonly ModelMember[], project: ModelProject, rules: AssignmentRules): { skillId: string; memberId: string }[] {
  if (!rules.requiredSkills) return [];
  return project.requiredSkills.flatMap(({ skillId, level }) => {
    const covering = team.filter((member) => (member.skills[skillId] ?? 0) >= level);
    return covering.length === 1 ? [{ skillId, memberId: covering[0]!.id }] : [];
  });
}

/** The rules a finished team breaks, as the solver reports them (relaxed). */
export function brokenRules(team: readonly ModelMember[], project: ModelProject, rules: AssignmentRules): RelaxedRule[] {
  const broken: RelaxedRule[] = [];
  const projectId = project.id;
  if (rules.sizes && team.length < project.minSize) broken.push({ rule: "min_size", projectId, missing: project.minSize - team.length });
  if (rules.sizes && team.length > project.maxSize) broken.push({ rule: "max_size", projectId, missing: team.length - project.maxSize });
  if (team.length === 0) return broken;
  if (rules.requiredSkills) {
    for (const { skillId, level } of project.requiredSkills) {
      if (!team.some((member) => (member.skills[skillId] ?? 0) >= level)) broken.push({ rule: "required_skill", projectId, skillId, level });
    }
  }
  if (rules.minMinistries !== null && knownMinistries(team) < rules.minMinistries) {
    broken.push({ rule: "min_ministries", projectId, missing: rules.minMinistries - knownMinistries(team), minimum: rules.minMinistries });
  }
  if (rules.maxMinistryShare !== null) {
    const most = maxPerMinistry(rules.maxMinistryShare, team.length);
    for (const group of countByMinistry(team).values()) {
      if (group.count > most) broken.push({ rule: "max_ministry_share", projectId, ministryId: group.ministryId, over: group.count - most, share: rules.maxMinistryShare });
    }
  }
  return broken;
}

/** Distinct known ministries: a member whose ministry is unknown does not show that a team is interministerial. */
function knownMinistries(team: readonly ModelMember[]): number {
  return new Set(team.flatMap((member) => (member.ministryId === null ? [] : [member.ministryId]))).size;
}

/** Members per ministry, unknown ministries together, in key order. */
function countByMinistry(team: readonly ModelMember[]): Map<string, { ministryId: string | null; count: number }> {
  const groups = new Map<string, { ministryId: string | null; count: number }>();
  for (const member of team) {
    const key = ministryKey(member.ministryId);
    const group = groups.get(key) ?? { ministryId: member.ministryId, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
