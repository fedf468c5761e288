/** Contact: the form to the programme team at `/contact` and the team's inbox at `/admin/messages`. */
export { registerContactRoutes } from "./routes.tsx";
export type { ContactDeps } from "./deps.ts";
/** Messages written from `/contact` and the answers written as a team member, in the GDPR export and erasure (privacy module). */
export { contactPersonalData } from "./personal-data.ts";
/** Deletes the messages past their retention period (one year after the last activity, ADR 0024); the module's sweep runs it every hour. */
export { deleteExpiredMessages } from "./retention.ts";
/** Two demo messages in the team's inbox, for src/demo/seed.ts. */
export { seedDemoMessages } from "./demo-messages.ts";
