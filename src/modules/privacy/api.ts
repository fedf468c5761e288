/** Privacy: GDPR self-service — see, download, correct and delete one's personal data. */
export { registerPrivacyRoutes } from "./routes.tsx";
