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
