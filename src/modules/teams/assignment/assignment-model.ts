import { defaultAssignmentWeights, type AssignmentInstance, type AssignmentProject, type AssignmentWeights, type FixedPlacement, type SkillLevel } from "./instance.ts";

/**
 * The integer programme of a team assignment, as plain arrays: `solve-assignment.ts` passes it to HiGHS,
 * `lp-file.ts` writes it in CPLEX LP format, so both solve exactly the same model (ADR 0030).
 *
 * Maximise Σ weight·x − M·Σ slack, where x[m,p] = 1 places free member m in project p, and each rule of the
 * season is a row whose slack column (penalised by M, larger than any total satisfaction) is non-zero only
 * when the rule cannot hold: the model is always feasible, and the fewest violations come first.
 */

/** A member as the model sees them: ministry and skills known, wishes restricted to known projects. */
export type ModelMember = {
  id: string;
  ministryId: string | null;
  skills: Record<string, SkillLevel>;
  /** Known project ids, best first, without duplicates, at most `weights.ranks.length`. */
  wishes: string[];
  anyProject: boolean;
  fixed: FixedPlacement | null;
};

export type ModelProject = AssignmentProject & {
  /** Required skills merged by skill (highest level kept), sorted by skill id. */
  requiredSkills: { skillId: string; level: SkillLevel }[];
};

/** A rule that could not be applied before solving (a lock into an unknown project, a second lock). */
export type RejectedFixed = { memberId: string; projectId: string };

export type ColumnKind =
  | { kind: "place"; member: number; project: number; rank: number | null }
  | { kind: "open" | "size" | "under" | "over" | "minMinistries"; project: number }
  | { kind: "ministry" | "share"; project: number; ministryId: string | null }
  | { kind: "skill"; project: number; skillId: string };

export type ModelRow = { name: string; indices: number[]; values: number[]; sense: "<=" | ">=" | "="; rhs: number };

export type AssignmentModel = {
  members: ModelMember[];
  projects: ModelProject[];
  weights: AssignmentWeights;
  rules: AssignmentInstance["rules"];
  rejectedFixed: RejectedFixed[];
  /** The penalty of one unit of slack: larger than the largest possible total satisfaction. */
  bigM: number;
  columns: { name: string; cost: number; lower: number; upper: number; integer: boolean; kind: ColumnKind }[];
  rows: ModelRow[];
  /** memberRows[m]: the row « at most one team » of member m, or -1 when the member has at most one column. */
  memberRows: number[];
};

const fixedKindOrder = { lead: 0, lock: 1, priority: 2 } as const;
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A ministry group key: null (unknown ministry) is one group of its own for the share rule. */
export const ministryKey = (ministryId: string | null) => (ministryId === null ? "\u0000unknown" : `m:${ministryId}`);

/** Everything sorted by id, so that the same instance in any order gives the same model, hence the same solution. */
export function canonicalize(instance: AssignmentInstance): Pick<AssignmentModel, "members" | "projects" | "weights" | "rules" | "rejectedFixed"> {
  const weights = instance.weights ?? defaultAssignmentWeights;
  requireValidWeights(weights);
  const projectsById = new Map<string, ModelProject>();
  for (const project of [...instance.projects].sort(byId)) {
    if (projectsById.has(project.id)) continue;
    const levels = new Map<string, SkillLevel>();
    for (const { skillId, level } of project.requiredSkills) levels.set(skillId, Math.max(levels.get(skillId) ?? 0, level) as SkillLevel);
    const requiredSkills = [...levels].sort(([a], [b]) => compare(a, b)).map(([skillId, level]) => ({ skillId, level }));
    projectsById.set(project.id, { ...project, requiredSkills });
  }

  const rejectedFixed: RejectedFixed[] = [];
  const fixedByMember = new Map<string, FixedPlacement>();
  const fixedSorted = [...instance.fixed].sort(
    (a, b) => compare(a.memberId, b.memberId) || fixedKindOrder[a.kind] - fixedKindOrder[b.kind] || compare(a.projectId, b.projectId),
  );
  for (const fixed of fixedSorted) {
    const kept = fixedByMember.get(fixed.memberId);
    if (kept?.projectId === fixed.projectId) continue;
    if (!projectsById.has(fixed.projectId) || kept) rejectedFixed.push({ memberId: fixed.memberId, projectId: fixed.projectId });
    else fixedByMember.set(fixed.memberId, fixed);
  }

  const members: ModelMember[] = [];
  const seen = new Set<string>();
  for (const member of [...instance.members].sort(byId)) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    const wishes = [...new Set(member.wishes)].filter((id) => projectsById.has(id)).slice(0, weights.ranks.length);
    members.push({ id: member.id, ministryId: member.ministryId, skills: member.skills, wishes, anyProject: member.anyProject, fixed: fixedByMember.get(member.id) ?? null });
  }
  for (const [memberId, fixed] of [...fixedByMember].sort(([a], [b]) => compare(a, b))) {
    if (seen.has(memberId)) continue;
    members.push({
      id: memberId,
      ministryId: instance.fixedMinistries?.[memberId] ?? null,
      skills: instance.fixedSkills?.[memberId] ?? {},
      wishes: [],
      anyProject: false,
      fixed,
    });
  }
  members.sort(byId);
  return { members, projects: [...projectsById.values()], weights, rules: instance.rules, rejectedFixed };
}

function requireValidWeights(weights: AssignmentWeights): void {
  const all = [...weights.ranks, weights.anyProject];
  if (weights.ranks.length === 0 || !all.every((weight) => Number.isSafeInteger(weight) && weight > 0)) {
    throw new RangeError("Assignment weights must be positive integers.");
  }
  if (weights.ranks.some((weight, index) => index > 0 && weight >= weights.ranks[index - 1]!)) {
    throw new RangeError("Assignment rank weights must decrease strictly: a better wish weighs more.");
  }
}

/** Builds the integer programme (see the module comment). */
export function buildAssignmentModel(instance: AssignmentInstance): AssignmentModel {
  const base = canonicalize(instance);
  const { members, projects, weights, rules } = base;
  const projectIndex = new Map(projects.map((project, index) => [project.id, index]));
  const freeCount = members.filter((member) => !member.fixed).length;
  const bigM = Math.max(...weights.ranks, weights.anyProject) * freeCount + 1;
  const columns: AssignmentModel["columns"] = [];
  const rows: ModelRow[] = [];
  const addColumn = (name: string, cost: number, upper: number, integer: boolean, kind: ColumnKind) => {
    columns.push({ name, cost, lower: 0, upper, integer, kind });
    return columns.length - 1;
  };
  const addSlack = (name: string, upper: number, kind: ColumnKind) => addColumn(name, -bigM, upper, true, kind);

  // Placement columns, grouped by project for the project rows.
  const candidates: { column: number; member: ModelMember }[][] = projects.map(() => []);
  const memberRows = members.map(() => -1);
  members.forEach((member, memberIndex) => {
    if (member.fixed) return;
    const indices: number[] = [];
    const add = (projectId: string, rank: number | null) => {
      const project = projectIndex.get(projectId)!;
      const cost = rank === null ? weights.anyProject : weights.ranks[rank - 1]!;
      const column = addColumn(`x_${memberIndex}_${project}`, cost, 1, true, { kind: "place", member: memberIndex, project, rank });
      candidates[project]!.push({ column, member });
      indices.push(column);
    };
    member.wishes.forEach((projectId, index) => add(projectId, index + 1));
    if (member.anyProject) for (const project of projects) if (!member.wishes.includes(project.id)) add(project.id, null);
    if (indices.length > 1) memberRows[memberIndex] = rows.push({ name: `one_${memberIndex}`, indices, values: indices.map(() => 1), sense: "<=", rhs: 1 }) - 1;
  });
  // Candidates in column order, so each row lists its columns in ascending order.
  for (const list of candidates) list.sort((a, b) => a.column - b.column);

  const fixedByProject = projects.map(() => [] as ModelMember[]);
  for (const member of members) if (member.fixed) fixedByProject[projectIndex.get(member.fixed.projectId)!]!.push(member);

  projects.forEach((project, p) => {
    const fixed = fixedByProject[p]!;
    const placed = candidates[p]!;
    const placeColumns = placed.map((candidate) => candidate.column);
    const ones = placeColumns.map(() => 1);
    const knownFixedMinistries = new Set(fixed.flatMap((member) => (member.ministryId === null ? [] : [member.ministryId])));
    const uncoveredSkills = rules.requiredSkills && fixed.length + placed.length > 0
      ? project.requiredSkills.filter(({ skillId, level }) => !fixed.some((member) => (member.skills[skillId] ?? 0) >= level))
      : [];
    const ministriesNeeded = rules.minMinistries === null ? 0 : Math.max(0, rules.minMinistries - knownFixedMinistries.size);

    // « open »: a team nobody joins is not held to the skill and mix rules (only to its minimum size).
    // With a fixed member the team is open; otherwise z_p ≥ (team size)/(cap) links it to the placements.
    const needsOpen = fixed.length === 0 && placed.length > 0 && (uncoveredSkills.length > 0 || ministriesNeeded > 0);
    const open = needsOpen ? addColumn(`z_${p}`, 0, 1, true, { kind: "open", project: p }) : null;

    if (rules.sizes) {
      const underBy = Math.max(0, project.minSize - fixed.length);
      if (underBy > 0) {
        const under = addSlack(`su_${p}`, underBy, { kind: "under", project: p });
        rows.push({ name: `min_${p}`, indices: [...placeColumns, under], values: [...ones, 1], sense: ">=", rhs: underBy });
      }
      const overBy = Math.max(0, placed.length + fixed.length - project.maxSize);
      const over = overBy > 0 ? [addSlack(`so_${p}`, overBy, { kind: "over", project: p })] : [];
      if (open !== null) {
        rows.push({ name: `max_${p}`, indices: [...placeColumns, open, ...over], values: [...ones, -project.maxSize, ...over.map(() => -1)], sense: "<=", rhs: 0 });
      } else if (overBy > 0) {
        rows.push({ name: `max_${p}`, indices: [...placeColumns, ...over], values: [...ones, -1], sense: "<=", rhs: project.maxSize - fixed.length });
      }
    } else if (open !== null) {
      rows.push({ name: `open_${p}`, indices: [...placeColumns, open], values: [...ones, -placed.length], sense: "<=", rhs: 0 });
    }

    for (const [s, { skillId, level }] of uncoveredSkills.entries()) {
      const qualified = placed.filter((candidate) => (candidate.member.skills[skillId] ?? 0) >= level).map((candidate) => candidate.column);
      const slack = addSlack(`ss_${p}_${s}`, 1, { kind: "skill", project: p, skillId });
      if (open === null) rows.push({ name: `skill_${p}_${s}`, indices: [...qualified, slack], values: [...qualified.map(() => 1), 1], sense: ">=", rhs: 1 });
      else rows.push({ name: `skill_${p}_${s}`, indices: [...qualified, open, slack], values: [...qualified.map(() => 1), -1, 1], sense: ">=", rhs: 0 });
    }

    const groups = new Map<string, { ministryId: string | null; columns: number[]; fixed: number }>();
    for (const member of fixed) groupOf(groups, member.ministryId).fixed++;
    for (const candidate of placed) groupOf(groups, candidate.member.ministryId).columns.push(candidate.column);
    const sortedGroups = [...groups].sort(([a], [b]) => compare(a, b)).map(([, group]) => group);

    if (ministriesNeeded > 0 && (open !== null || fixed.length > 0)) {
      const others = sortedGroups.filter((group) => group.ministryId !== null && !knownFixedMinistries.has(group.ministryId) && group.columns.length > 0);
      // One more ministry needed (a fixed lead's team, at least two ministries): anyone of another known
      // ministry gives it, so the row sums the placements directly, without indicator columns.
      const present =
        ministriesNeeded === 1
          ? others.flatMap((group) => group.columns)
          : others.map((group) => {
              const g = sortedGroups.indexOf(group);
              const y = addColumn(`y_${p}_${g}`, 0, 1, true, { kind: "ministry", project: p, ministryId: group.ministryId });
              rows.push({ name: `ministry_${p}_${g}`, indices: [...group.columns, y], values: [...group.columns.map(() => -1), 1], sense: "<=", rhs: 0 });
              return y;
            });
      present.sort((a, b) => a - b);
      const slack = addSlack(`sm_${p}`, ministriesNeeded, { kind: "minMinistries", project: p });
      if (open === null) rows.push({ name: `mix_${p}`, indices: [...present, slack], values: [...present.map(() => 1), 1], sense: ">=", rhs: ministriesNeeded });
      else rows.push({ name: `mix_${p}`, indices: [...present, open, slack], values: [...present.map(() => 1), -ministriesNeeded, 1], sense: ">=", rhs: 0 });
    }

    const share = rules.maxMinistryShare;
    if (share !== null && share < 1 && fixed.length + placed.length > 0) {
      // count(g) ≤ share·size, with size = fixed + n_p: the linear form is the floor since counts are integers.
      const size = addColumn(`n_${p}`, 0, placed.length, false, { kind: "size", project: p });
      rows.push({ name: `size_${p}`, indices: [...placeColumns, size], values: [...ones, -1], sense: "=", rhs: 0 });
      sortedGroups.forEach((group, g) => {
        const most = group.fixed + group.columns.length;
        const slack = addSlack(`sh_${p}_${g}`, most, { kind: "share", project: p, ministryId: group.ministryId });
        rows.push({
          name: `share_${p}_${g}`,
          indices: [...group.columns, size, slack],
          values: [...group.columns.map(() => 1), -share, -1],
          sense: "<=",
          rhs: share * fixed.length - group.fixed,
        });
      });
    }
  });

  return { ...base, bigM, columns, rows, memberRows };
}

function groupOf(groups: Map<string, { ministryId: string | null; columns: number[]; fixed: number }>, ministryId: string | null) {
  const key = ministryKey(ministryId);
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { ministryId, columns: [], fixed: 0 }));
  return group;
}
