/**
 * The team assignment problem as plain data, without any I/O: who wishes what, what each project
 * seeks, who is already placed, and the season's rules. The solver (`solve-assignment.ts`) turns it
 * into an integer programme; `lp-file.ts` writes the same programme in CPLEX LP format.
 */

/** Skill levels of the vocabulary: 1 curieux·se, 2 connaît, 3 expert·e. */
export type SkillLevel = 1 | 2 | 3;

export type AssignmentMember = {
  id: string;
  /** The ministry the member's organisation belongs to; null when unknown (counts as its own ministry). */
  ministryId: string | null;
  /** skillId → level. */
  skills: Record<string, SkillLevel>;
  /** Project ids, best first, at most five. */
  wishes: string[];
  /** « N'importe quel projet où je suis utile »: may be placed in any project, with a small satisfaction. */
  anyProject: boolean;
};

export type AssignmentProject = {
  id: string;
  minSize: number;
  maxSize: number;
  /** Skills that at least one member of the team must have at `level` or above. */
  requiredSkills: { skillId: string; level: SkillLevel }[];
};

/**
 * A member whose place is decided before solving: `lead` (porteur·euse of the project), `lock` (locked by
 * the programme team), `priority` (carried over from last season, who wished to stay). Fixed members
 * count in their team's size, skills and ministries. A fixed member may also appear in `members` (a lock
 * or priority on someone who made wishes): the fixed place wins.
 */
export type FixedPlacement = { memberId: string; projectId: string; kind: "lead" | "lock" | "priority" };

/** The season's rules, each of which may be switched off. */
export type AssignmentRules = {
  /** Each project within its minimum and maximum size. */
  sizes: boolean;
  /** Each required skill covered by at least one member at the level needed. */
  requiredSkills: boolean;
  /** At least this many ministries in a team (null: no such rule). Default 2. */
  minMinistries: number | null;
  /** No ministry above this share of a team (0.5 = half; null: no such rule). */
  maxMinistryShare: number | null;
};

export const defaultAssignmentRules: AssignmentRules = { sizes: true, requiredSkills: true, minMinistries: 2, maxMinistryShare: 0.5 };

export type AssignmentInstance = {
  members: AssignmentMember[];
  projects: AssignmentProject[];
  /** Fixed members (leads, locks, priorities); also those who are not in `members`. */
  fixed: FixedPlacement[];
  /** Ministry of fixed members who are not in `members` (leads without wishes), by member id. */
  fixedMinistries?: Record<string, string | null>;
  /** Skills of fixed members who are not in `members`, by member id. */
  fixedSkills?: Record<string, Record<string, SkillLevel>>;
  rules: AssignmentRules;
  /** Satisfaction weights; `defaultAssignmentWeights` when absent. */
  weights?: AssignmentWeights;
};

/**
 * Satisfaction of a placement: `ranks[r - 1]` for the r-th wish (wishes beyond `ranks.length` are ignored),
 * `anyProject` for a member placed through « n'importe quel projet » outside their wishes. Positive
 * integers, strictly decreasing, so the objective stays integral (ADR 0030).
 */
export type AssignmentWeights = { ranks: number[]; anyProject: number };

/** 36 − r²: each step down the list costs more than the one before (3, 5, 7, 9), which favours fairness (ADR 0030). */
export const defaultAssignmentWeights: AssignmentWeights = { ranks: [35, 32, 27, 20, 11], anyProject: 5 };
