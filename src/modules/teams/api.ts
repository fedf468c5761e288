/** Teams: what each project seeks, members' wishes, the optimal assignment and its publication, joining a team, the bulloterie and « café 10 % ». */
export { registerTeamRoutes } from "./routes.tsx";
export type { TeamsDeps } from "./deps.ts";
/** Demo teams (past seasons from the participations; the running season's needs, leads and wishes), for src/demo/seed.ts. */
export { seedDemoTeams } from "./demo-teams.ts";
/** The assignment's locks on a person, in the GDPR export and erasure (privacy module). */
export { assignmentPersonalData } from "./assignment/personal-data.ts";
/** The project page's team section, for the projects module's `teamSection` dependency (src/app.ts). */
export { createTeamSection } from "./team-section.ts";
/** Wishes, wish lists, join requests, team memberships and needs edited in the GDPR export and erasure (privacy module). */
export { teamsPersonalData } from "./personal-data.ts";
/** Café 10 % participation and pairings in the GDPR export and erasure (privacy module). */
export { cafePersonalData } from "./cafe/personal-data.ts";
/** The team assignment solver (pure), its LP file and a seeded synthetic season, for bench/scenarios/assignment.ts (ADR 0030). */
export { solveAssignment, type AssignmentResult } from "./assignment/solve-assignment.ts";
export { writeLpFile } from "./assignment/lp-file.ts";
export { buildSyntheticAssignmentInstance } from "./assignment/synthetic-instance.ts";
/** The project of `/projets/:slug/…` in the season asked, and a season's team: for the project workspace (issue 15). */
export { findProjectInSeason, type ProjectInSeason, seasonQuery } from "./project-in-season.ts";
export { listTeam, type TeamMember } from "./team-repository.ts";
/** How a team member's role is said (« porteur·euse »…), for the workspace's team list. */
export { roleLabels as teamRoleLabels } from "./team-labels.ts";
