/** Administration: the programme team's hub page. */
export { registerAdministrationRoutes } from "./routes.tsx";
