// The project workspace (issue 15): what other modules and the composition root may use.
export { registerWorkspaceRoutes } from "./routes.tsx";
export type { WorkspaceDeps } from "./deps.ts";
