import type { AssignmentRules } from "./instance.ts";
import type { ModelMember, ModelProject } from "./assignment-model.ts";
import type { PassedOverReason, Placement, PlacementReason, UnplacedReason } from "./solve-assignment.ts";
import { mixHolds, shareHolds, soleCoverers } from "./team-rules.ts";

/**
 * Why each member is where the solver put them, computed from the finished teams (pure). A better-ranked
 * wish q was passed over because q was at its maximum size (« full »), because moving the member would
 * break the interministerial mix of q or of their team (« mix »), because their team needs them for a
 * required skill (« skills »), or otherwise because the whole was better served (« balance »: e.g. their
 * team would fall under its minimum size, or someone else gained more from the place).
 */
export function explainPlacements(
  members: readonly ModelMember[],
  projects: readonly ModelProject[],
  rules: AssignmentRules,
  projectOf: ReadonlyMap<string, string>,
): { placements: Placement[]; unplaced: { memberId: string; reason: UnplacedReason }[] } {
  const projectById = new Map(projects.map((project) => [project.id, project]));
  const teams = new Map<string, ModelMember[]>(projects.map((project) => [project.id, []]));
  for (const member of members) {
    const projectId = projectOf.get(member.id);
    if (projectId !== undefined) teams.get(projectId)!.push(member);
  }
  const soleCover = new Map<string, string>();
  for (const project of projects) {
    for (const { skillId, memberId } of soleCoverers(teams.get(project.id)!, project, rules)) if (!soleCover.has(memberId)) soleCover.set(memberId, skillId);
  }

  const whyNot = (member: ModelMember, wishedId: string, currentId: string | null): PassedOverReason => {
    const wished = projectById.get(wishedId)!;
    const wishedTeam = teams.get(wishedId)!;
    if (rules.sizes && wishedTeam.length >= wished.maxSize) return "full";
    const joined = [...wishedTeam, member];
    if (shareHolds(wishedTeam, rules) && !shareHolds(joined, rules)) return "mix";
    if (currentId !== null) {
      const team = teams.get(currentId)!;
      const left = team.filter((other) => other.id !== member.id);
      if (mixHolds(team, rules) && !mixHolds(left, rules)) return "mix";
      if (soleCover.has(member.id)) return "skills";
    }
    return "balance";
  };

  const placements: Placement[] = [];
  const unplaced: { memberId: string; reason: UnplacedReason }[] = [];
  for (const member of members) {
    const projectId = projectOf.get(member.id);
    if (projectId === undefined) {
      if (member.wishes.length === 0 && !member.anyProject) unplaced.push({ memberId: member.id, reason: { kind: "no_wish" } });
      else unplaced.push({ memberId: member.id, reason: { kind: "wishes_unavailable", passedOver: member.wishes.map((id) => ({ projectId: id, why: whyNot(member, id, null) })) } });
      continue;
    }
    const index = member.wishes.indexOf(projectId);
    const rank = index === -1 ? null : index + 1;
    let reason: PlacementReason;
    if (member.fixed) reason = { kind: "fixed", fixedKind: member.fixed.kind };
    else if (rank === 1) reason = { kind: "wish", rank, passedOver: [] };
    else if (soleCover.has(member.id)) reason = { kind: "skill", skillId: soleCover.get(member.id)!, rank };
    else if (rank === null) reason = { kind: "any_project" };
    else reason = { kind: "wish", rank, passedOver: member.wishes.slice(0, rank - 1).map((id) => ({ projectId: id, why: whyNot(member, id, projectId) })) };
    placements.push({ memberId: member.id, projectId, rank, reason });
  }
  placements.sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { placements, unplaced };
}
