/** Events and trainings: agenda, registration with capacity and waitlist, check-in, calendars, reminders, replays. */
export { registerEventRoutes } from "./routes.tsx";
export type { EventsDeps } from "./deps.ts";
export { eventsPersonalData } from "./personal-data.ts";
/** Demo events and the real trainings of the imported site, for src/demo/seed.ts. */
export { seedDemoEvents } from "./demo-events.ts";
