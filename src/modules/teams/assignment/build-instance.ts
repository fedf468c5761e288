import { defaultTeamSize } from "./draft.ts";
import type { AssignmentInstance, AssignmentRules, FixedPlacement, SkillLevel } from "./instance.ts";

/** What a run reads from the database, before it becomes the solver's instance. */
export type RunData = {
  /** The season's projects with what each seeks (null: the lead has not said; default sizes apply). */
  projects: { id: string; needs: { minSize: number; maxSize: number; skills: { skillId: string; level: number; required: boolean }[] } | null }[];
  /** Wish lists sent by members (drafts are not taken into account). */
  wishLists: { userId: string; anyProject: boolean; keepPreviousProject: boolean; projectIds: string[] }[];
  /** Ministry and skills of everyone involved (wishers, leads, locked members). */
  people: ReadonlyMap<string, { ministryId: string | null; skills: Record<string, SkillLevel> }>;
  leads: { userId: string; projectId: string }[];
  locks: { userId: string; projectId: string }[];
  /** Coaches of the season's projects: never placed in the project they coach. */
  coaches: { userId: string; projectId: string }[];
  /** Where each member was last season (only projects that continue this season matter). */
  previousTeams: ReadonlyMap<string, string>;
  rules: AssignmentRules;
};

const asLevel = (level: number): SkillLevel => (level >= 3 ? 3 : level <= 1 ? 1 : 2);

/**
 * The solver's instance of a run: members who sent wishes (erased accounts and unknown projects
 * dropped), each project's size and required skills, and the fixed places — a lead in their project,
 * then a lock set by the programme team, then the priority of a member carried over who asked to
 * continue on last season's project (one fixed place per person, in that order). A coach's wish for the
 * project they coach is dropped: they already follow that team.
 */
export function buildInstance(data: RunData): AssignmentInstance {
  const projectIds = new Set(data.projects.map((project) => project.id));
  const fixed: FixedPlacement[] = [];
  const placed = new Set<string>();
  const fix = (memberId: string, projectId: string, kind: FixedPlacement["kind"]) => {
    if (placed.has(memberId) || !projectIds.has(projectId) || !data.people.has(memberId)) return;
    placed.add(memberId);
    fixed.push({ memberId, projectId, kind });
  };
  for (const lead of data.leads) fix(lead.userId, lead.projectId, "lead");
  for (const lock of data.locks) fix(lock.userId, lock.projectId, "lock");
  for (const list of data.wishLists) {
    const previous = data.previousTeams.get(list.userId);
    if (list.keepPreviousProject && previous) fix(list.userId, previous, "priority");
  }

  const members = data.wishLists
    .filter((list) => data.people.has(list.userId))
    .map((list) => {
      const person = data.people.get(list.userId)!;
      const coached = new Set(data.coaches.filter((coach) => coach.userId === list.userId).map((coach) => coach.projectId));
      const wishes = [...new Set(list.projectIds.filter((id) => projectIds.has(id) && !coached.has(id)))].slice(0, 5);
      return { id: list.userId, ministryId: person.ministryId, skills: person.skills, wishes, anyProject: list.anyProject };
    });
  const memberIds = new Set(members.map((member) => member.id));
  const fixedMinistries: Record<string, string | null> = {};
  const fixedSkills: Record<string, Record<string, SkillLevel>> = {};
  for (const place of fixed) {
    if (memberIds.has(place.memberId)) continue;
    const person = data.people.get(place.memberId)!;
    fixedMinistries[place.memberId] = person.ministryId;
    fixedSkills[place.memberId] = person.skills;
  }

  const projects = data.projects.map((project) => ({
    id: project.id,
    minSize: project.needs?.minSize ?? defaultTeamSize.minSize,
    maxSize: project.needs?.maxSize ?? defaultTeamSize.maxSize,
    requiredSkills: (project.needs?.skills ?? []).filter((skill) => skill.required).map((skill) => ({ skillId: skill.skillId, level: asLevel(skill.level) })),
  }));
  return { members, projects, fixed, fixedMinistries, fixedSkills, rules: data.rules };
}
