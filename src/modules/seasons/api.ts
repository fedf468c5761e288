/** Seasons: the programme's seasons and their dated phases (appel à projets → … → restitution). */
export { registerSeasonRoutes } from "./routes.tsx";
export type { SeasonsDeps } from "./deps.ts";
