// The project workspace (issue 15): what other modules and the composition root may use.
export { registerWorkspaceRoutes } from "./routes.tsx";
export type { WorkspaceDeps } from "./deps.ts";
/** Framing versions, milestones, log entries, links, reuses and restitutions in the GDPR export and erasure (privacy module). */
export { workspacePersonalData } from "./personal-data.ts";
export { seedDemoWorkspaces } from "./demo-workspaces.ts";
/** « Mes espaces projet » on the account page (identity), given by the composition root. */
export { listWorkspacesOfPerson } from "./my-workspaces.ts";
/** What the public project page shows of the workspace (public framing sections, links, restitutions, reuses), passed to projects by the composition root. */
export { createWorkspacePublicSection } from "./public-section.ts";
/** Reuses declared by administrations (« Nous l'utilisons »), for the season's figures. */
export { countReusesOfSeason, listReuses } from "./reuses/reuses-repository.ts";
