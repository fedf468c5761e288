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

/** How much time a member can give (wizard step 3); the key is stored, the label shown. */
export const availabilities = {
  two_half_days_per_month: "2 demi-journées par mois (10\u00a0%)",
  one_half_day_per_month: "1 demi-journée par mois",
  occasionally: "Ponctuellement",
} as const;
export type Availability = keyof typeof availabilities;

/** Who sees a profile: members (the directory) or only the programme team. */
export const ProfileVisibilities = { members: "members", programmeTeam: "programme_team" } as const;
export type ProfileVisibility = (typeof ProfileVisibilities)[keyof typeof ProfileVisibilities];
export const profileVisibilityLabels: Record<ProfileVisibility, string> = {
  members: "Visible des membres",
  programme_team: "Visible de l’équipe du programme seulement",
};

/** The joining wizard's steps, in order; `profiles.onboarding_step` is the next one to fill (4: finished). */
export const joiningSteps = [
  { number: 1, title: "Votre organisation et votre métier" },
  { number: 2, title: "Vos compétences et envies" },
  { number: 3, title: "Vous présenter" },
] as const;
export type JoiningStep = (typeof joiningSteps)[number]["number"];
export const finishedOnboardingStep = 4;
