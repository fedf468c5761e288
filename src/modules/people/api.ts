/** People: joining (wizard), profiles, the skills vocabulary and the expert directory « Trouver un expert ». */
export { registerPeopleRoutes } from "./routes.tsx";
export type { PeopleDeps } from "./deps.ts";
export { jobFamilies, type JobFamily, SkillLevels, type SkillLevel, skillLevelLabels } from "./domain/profile-choices.ts";
export { skillCategories, skillVocabulary } from "./domain/skill-vocabulary.ts";
export { canSeeProfile, type ProfileAudience, type Viewer } from "./domain/visibility.ts";
export { ProfileVisibilities, type ProfileVisibility } from "./domain/profile-choices.ts";
/** Profile, skills, participations and proposed skills in the GDPR export and erasure (privacy module). */
export { peoplePersonalData } from "./personal-data.ts";
