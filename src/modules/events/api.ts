/** Events and trainings: agenda, registration with capacity and waitlist, check-in, calendars, reminders, replays. */
export { registerEventRoutes } from "./routes.tsx";
export type { EventsDeps } from "./deps.ts";
/** The GDPR contribution: `createEventsPersonalData({ mailer, publicUrl })` (erasure gives seats to come back to the waitlist). */
export { createEventsPersonalData } from "./personal-data.ts";
/** Demo events (the milestones of 2022–2023 and events relative to now), for src/demo/seed.ts, after the import. */
export { seedDemoEvents } from "./demo-events.ts";
/**
 * The content importer's agenda hook, passed to `createImportContent({ …, agenda })` by the composition root
 * (app, command line, demo): an imported event page or training becomes an event of the agenda, keyed by its item.
 */
export { createImportedAgenda } from "./imported-events.ts";
/**
 * Attendance recorded by the programme team (QR check-in, search, attendance sheet), for the time ledger and
 * badges: `listAttendance(db, { userId?, eventId?, from?, to? })` returns each attended registration (not
 * cancelled, event not cancelled) with the event's kind, start, end, time spent (`durationMinutes`, nights of
 * a multi-day event excluded) and the mode, oldest event first; `from`/`to` bound the events' start.
 */
export { type AttendanceFilter, type AttendanceRecord, listAttendance } from "./attendance.ts";
/** For the home page (through the composition root): the next events and the number of events and trainings. */
export { countEventsForHome, type HomeEvent, listUpcomingEventsForHome } from "./home-agenda.ts";
