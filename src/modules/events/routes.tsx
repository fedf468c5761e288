import type { FastifyInstance } from "fastify";
import { registerEventAdminRoutes } from "./admin-routes.tsx";
import { registerAgendaRoutes } from "./agenda-routes.tsx";
import { registerCalendarRoutes } from "./calendar-routes.ts";
import type { EventsDeps } from "./deps.ts";
import { registerRegistrationRoutes } from "./registration-routes.tsx";
import { registerReminderSweeps } from "./reminders.ts";
import { registerTeamRoutes } from "./team-routes.tsx";

/**
 * Events and trainings: the agenda (`/evenements`, `/formations`), registration and its waitlist,
 * the programme team's management, check-in and attendance, calendars, and the reminder sweep.
 */
export function registerEventRoutes(app: FastifyInstance, deps: EventsDeps) {
  registerAgendaRoutes(app, deps);
  registerEventAdminRoutes(app, deps);
  registerRegistrationRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  // Not a route: the reminder sweep, every minute from the app's start to its close (safe on several
  // servers: each reminder is a row, sent once).
  registerReminderSweeps(app, deps);
}
