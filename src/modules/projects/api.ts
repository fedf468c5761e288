/** Projects: one identity across seasons, public page, carry-over into the next season. */
export { registerProjectRoutes } from "./routes.tsx";
export type { ProjectsDeps } from "./deps.ts";
/**
 * For the calls module, when a proposal is selected: `createProjectFromProposal(tx, { proposalId, title,
 * problem, …, seasonId, decidedBy, reason })` creates the project (unique slug from the title) and its
 * `selected` season row in the caller's transaction.
 */
export { createProjectFromProposal, type ProjectFromProposalInput } from "./use-cases/create-project-from-proposal.ts";
/**
 * `carryOverProject(db, { projectId, seasonId, decidedBy, reason })`: the same project continues in another
 * season (`carried_over` row, history kept); a season it is already in is refused (InvalidInputError, French).
 */
export { carryOverProject, type CarryOverInput } from "./use-cases/carry-over-project.ts";
/** The projects of a season (with how each entered it), and a project by its address. */
export { findProjectBySlug, listProjectsOfSeason, type Project } from "./repository.ts";
/** Demo projects from the imported site's project pages, for src/demo/seed.ts. */
export { seedDemoProjects } from "./demo-projects.ts";
export { projectsPersonalData } from "./personal-data.ts";
/** The team section's plain-data model, which the teams module builds for the project page (`ProjectsDeps.teamSection`). */
export type { TeamSectionModel } from "./views/team-section.tsx";
/** The public part of a project's workspace, which the workspace module builds for the project page (`ProjectsDeps.workspaceSection`). */
export type { WorkspacePublicSectionModel } from "./views/workspace-section.tsx";
