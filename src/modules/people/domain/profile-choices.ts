/** Job families a member chooses from (wizard step 1). */
export const jobFamilies = {
  data_scientist: "Data scientist",
  data_engineer: "Data engineer",
  data_analyst: "Data analyst",
  statistician: "Statisticien·ne",
  developer: "Développeur·se",
  data_project_lead: "Chef·fe de projet data",
  other: "Autre",
} as const;
export type JobFamily = keyof typeof jobFamilies;

/** The bulloterie's three levels. */
export const SkillLevels = { curious: 1, knows: 2, expert: 3 } as const;
export type SkillLevel = (typeof SkillLevels)[keyof typeof SkillLevels];
export const skillLevelLabels: Record<SkillLevel, string> = { 1: "Curieux·se", 2: "Je connais", 3: "Expert·e" };

/** Who sees a profile: members (the directory) or only the programme team. */
export const ProfileVisibilities = { members: "members", programmeTeam: "programme_team" } as const;
export type ProfileVisibility = (typeof ProfileVisibilities)[keyof typeof ProfileVisibilities];
