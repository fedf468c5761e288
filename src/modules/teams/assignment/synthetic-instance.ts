import { defaultAssignmentRules, type AssignmentInstance, type AssignmentMember, type AssignmentProject, type FixedPlacement, type SkillLevel } from "./instance.ts";

/**
 * A seeded pseudo-random season, realistic in shape, for the benchmark and the solver's tests: project
 * popularity and ministry sizes skewed (a few much larger than the rest), a few skills per member, one
 * lead per project (fixed, without wishes), 1–3 required skills per project, the mix rule on. `tight`
 * leaves fewer places than members and asks for more expertise, so more rules bind.
 */
export type SyntheticOptions = { members: number; projects: number; seed: number; tight?: boolean; ministries?: number; skills?: number };

export function buildSyntheticAssignmentInstance(options: SyntheticOptions): AssignmentInstance {
  const random = mulberry32(options.seed);
  const ministryCount = options.ministries ?? 15;
  const skillCount = options.skills ?? 40;
  const pad = (prefix: string, index: number, width: number) => `${prefix}${String(index).padStart(width, "0")}`;
  const ministries = Array.from({ length: ministryCount }, (_, index) => pad("ministere-", index + 1, 2));
  const skills = Array.from({ length: skillCount }, (_, index) => pad("competence-", index + 1, 2));
  const ministryWeights = ministries.map((_, index) => 1 / (index + 1) ** 0.9);
  const skillWeights = skills.map((_, index) => 1 / (index + 1) ** 0.7);
  const projectWeights = Array.from({ length: options.projects }, (_, index) => 1 / (index + 4));
  const pickMinistry = () => (random() < 0.01 ? null : ministries[weightedIndex(ministryWeights, random)]!);
  const pickSkills = (count: number): Record<string, SkillLevel> => {
    const chosen: Record<string, SkillLevel> = {};
    for (const index of sampleWithoutReplacement(skillWeights, count, random)) chosen[skills[index]!] = levelOf(random());
    return chosen;
  };

  const projects: AssignmentProject[] = Array.from({ length: options.projects }, (_, index) => {
    const maxSize = options.tight ? 20 + Math.floor(random() * 6) : 25 + Math.floor(random() * 6);
    const required = sampleWithoutReplacement(skillWeights, 1 + Math.floor(random() * 3), random).map((skill) => ({
      skillId: skills[skill]!,
      level: (options.tight ? 3 : random() < 0.6 ? 2 : random() < 0.5 ? 1 : 3) as SkillLevel,
    }));
    return { id: pad("projet-", index + 1, 3), minSize: 3, maxSize, requiredSkills: required };
  });

  const members: AssignmentMember[] = Array.from({ length: options.members }, (_, index) => ({
    id: pad("membre-", index + 1, 5),
    ministryId: pickMinistry(),
    skills: pickSkills(1 + Math.floor(random() * 4)),
    wishes: sampleWithoutReplacement(projectWeights, Math.min(5, options.projects), random).map((project) => projects[project]!.id),
    anyProject: random() < 0.01,
  }));

  const fixed: FixedPlacement[] = [];
  const fixedMinistries: Record<string, string | null> = {};
  const fixedSkills: Record<string, Record<string, SkillLevel>> = {};
  for (const project of projects) {
    const lead = `porteur-${project.id}`;
    fixed.push({ memberId: lead, projectId: project.id, kind: "lead" });
    fixedMinistries[lead] = pickMinistry();
    fixedSkills[lead] = pickSkills(2);
  }
  return { members, projects, fixed, fixedMinistries, fixedSkills, rules: { ...defaultAssignmentRules, ...(options.tight ? { minMinistries: 3 } : {}) } };
}

function levelOf(draw: number): SkillLevel {
  return draw < 0.4 ? 1 : draw < 0.8 ? 2 : 3;
}

function weightedIndex(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let draw = random() * total;
  for (let index = 0; index < weights.length; index++) {
    draw -= weights[index]!;
    if (draw < 0 && weights[index]! > 0) return index;
  }
  return weights.findLastIndex((weight) => weight > 0);
}

function sampleWithoutReplacement(weights: readonly number[], count: number, random: () => number): number[] {
  const remaining = [...weights];
  const chosen: number[] = [];
  while (chosen.length < Math.min(count, weights.length)) {
    const index = weightedIndex(remaining, random);
    chosen.push(index);
    remaining[index] = 0;
  }
  return chosen;
}

/** A small, well-known 32-bit generator: the same seed gives the same season on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
