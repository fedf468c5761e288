/** Projects: one identity across seasons, public page, carry-over into the next season. */
export { registerProjectRoutes } from "./routes.tsx";
export type { ProjectsDeps } from "./deps.ts";
