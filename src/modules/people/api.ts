/** People: joining (wizard), profiles, the skills vocabulary and the expert directory « Trouver un expert ». */
export { registerPeopleRoutes } from "./routes.tsx";
export type { PeopleDeps } from "./deps.ts";
export { jobFamilies, type JobFamily, SkillLevels, type SkillLevel, skillLevelLabels } from "./domain/profile-choices.ts";
export { skillCategories, skillVocabulary } from "./domain/skill-vocabulary.ts";
export { canSeeProfile, type ProfileAudience, type Viewer } from "./domain/visibility.ts";
export { ProfileVisibilities, type ProfileVisibility } from "./domain/profile-choices.ts";
/**
 * Records that a member took part in a season (and a project): `recordParticipation(db, { userId, season,
 * projectSlug, projectTitle, role })`. Recording the same member, season and project again updates its
 * title and role. For the seasons, projects and teams modules; profiles and the directory show them.
 */
export { recordParticipation, type ParticipationInput } from "./use-cases/record-participation.ts";
/** A member's profile in a few fields (address, name, job, organisation, joined or not), or null without profile. */
export { findManagerOfMember, findProfileSummary, type ProfileSummary } from "./profile-summary.ts";
/**
 * Organisations members wrote at joining because the list lacked them (`profiles.unlisted_organisation`),
 * one row per name (accents and case ignored) with how many members wrote it and the closest
 * organisations of the list they chose, most members first: for the organisations administration to
 * show the programme team what to create.
 */
export { listUnlistedOrganisations, type UnlistedOrganisation } from "./repository.ts";
/** Where « Mon profil » leads a signed-in person: their profile, or the joining wizard until they joined. */
export { findOwnProfileLink } from "./profile-summary.ts";
/** Demo people (vocabulary, profiles, participations) for src/demo/seed.ts, and the vocabulary alone for a first start. */
export { seedDemoPeople, seedSkillVocabularyIfEmpty } from "./demo-people.ts";
/** Profile, skills, participations and proposed skills in the GDPR export and erasure (privacy module). */
export { peoplePersonalData } from "./personal-data.ts";
/**
 * How many profiles a directory search (a URL's query string, `q=python&metier=…`) finds for a viewer,
 * however many: for the benchmark, which reports it beside the time of the page (the page itself stops
 * counting at 1,000).
 */
export { countDirectoryMatches } from "./directory/directory-search.ts";
/** Names of skills by id (`skillLookup.findNames(db, ids)`), for the skills a project seeks. */
export { skillLookup } from "./skill-names.ts";
/**
 * The bulloterie's figures and « qui rencontrer » (teams module): `countSkillLevels(db)` gives, per accepted
 * skill, the members at each level (curieux·ses, connaissent, expert·es) among the profiles open to members
 * (a profile kept for the programme team is never counted); `listExpertsToMeet(db, viewer, { perSkill })`
 * gives, for each skill the member marked curieux·se, expert·es of other ministries that `viewer` may see.
 */
export { countSkillLevels, type ExpertToMeet, type ExpertsForCuriosity, listExpertsToMeet, type SkillLevelCount } from "./skill-map.ts";
