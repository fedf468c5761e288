import { and, desc, eq, gte, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventProjects, events, userRoles, users, workspaceLogEntries } from "../../../db/schema/index.ts";
import { parisDayOf } from "../../../shared/french-date.ts";
import { listAttendance } from "../../events/api.ts";
import { displayName, Roles } from "../../identity/api.ts";
import { listTeam } from "../../teams/api.ts";
import type { Weather } from "./log-labels.ts";

type Scope = { projectId: string; seasonId: string };
type SeasonDates = { id: string; startsOn: string; endsOn: string };

export type WorkshopOption = { id: string; title: string; startsAt: Date };

function dayBefore(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000);
}

function twoDaysAfter(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000);
}

/**
 * The workshops a log entry may follow, newest first: the events linked to the project (`event_projects`)
 * of this season that have begun and are not cancelled; when none is linked, the season's past « atelier »
 * events of the programme. Days are compared in Paris.
 */
export async function listWorkshopOptions(db: Executor, projectId: string, season: SeasonDates, now: Date): Promise<WorkshopOption[]> {
  const inSeason = (event: { startsAt: Date; seasonId: string | null }) => {
    const day = parisDayOf(event.startsAt);
    return event.seasonId === season.id || (day >= season.startsOn && day <= season.endsOn);
  };
  const columns = { id: events.id, title: events.title, startsAt: events.startsAt, seasonId: events.seasonId };
  const linked = await db
    .select(columns)
    .from(eventProjects)
    .innerJoin(events, eq(events.id, eventProjects.eventId))
    .where(and(eq(eventProjects.projectId, projectId), eq(events.status, "scheduled"), lte(events.startsAt, now)))
    .orderBy(desc(events.startsAt));
  const linkedInSeason = linked.filter(inSeason);
  if (linkedInSeason.length > 0) return linkedInSeason.map(({ id, title, startsAt }) => ({ id, title, startsAt }));
  const workshops = await db
    .select(columns)
    .from(events)
    .where(
      and(
        eq(events.kind, "atelier"),
        eq(events.status, "scheduled"),
        lte(events.startsAt, now),
        or(eq(events.seasonId, season.id), and(gte(events.startsAt, dayBefore(season.startsOn)), lt(events.startsAt, twoDaysAfter(season.endsOn)))),
      ),
    )
    .orderBy(desc(events.startsAt));
  return workshops.filter(inSeason).map(({ id, title, startsAt }) => ({ id, title, startsAt }));
}

export type LogEntry = {
  id: string;
  happenedOn: string;
  eventId: string | null;
  eventTitle: string | null;
  done: string;
  decisions: string;
  nextSteps: string;
  blockers: string;
  weather: Weather;
  weatherNote: string;
  authorName: string | null;
};

/** The log of a project's workspace in a season, newest workshop first. */
export async function listLogEntries(db: Executor, scope: Scope): Promise<LogEntry[]> {
  const rows = await db
    .select({
      id: workspaceLogEntries.id,
      happenedOn: workspaceLogEntries.happenedOn,
      eventId: workspaceLogEntries.eventId,
      eventTitle: events.title,
      done: workspaceLogEntries.done,
      decisions: workspaceLogEntries.decisions,
      nextSteps: workspaceLogEntries.nextSteps,
      blockers: workspaceLogEntries.blockers,
      weather: workspaceLogEntries.weather,
      weatherNote: workspaceLogEntries.weatherNote,
      email: users.email,
      givenName: users.givenName,
      usualName: users.usualName,
      erasedAt: users.erasedAt,
    })
    .from(workspaceLogEntries)
    .leftJoin(events, eq(events.id, workspaceLogEntries.eventId))
    .leftJoin(users, eq(users.id, workspaceLogEntries.authorId))
    .where(and(eq(workspaceLogEntries.projectId, scope.projectId), eq(workspaceLogEntries.seasonId, scope.seasonId)))
    .orderBy(desc(workspaceLogEntries.happenedOn), desc(workspaceLogEntries.createdAt), desc(workspaceLogEntries.id));
  return rows.map((row) => ({
    id: row.id,
    happenedOn: row.happenedOn,
    eventId: row.eventId,
    eventTitle: row.eventTitle,
    done: row.done,
    decisions: row.decisions,
    nextSteps: row.nextSteps,
    blockers: row.blockers,
    weather: row.weather as Weather,
    weatherNote: row.weatherNote,
    authorName: row.email && !row.erasedAt ? displayName({ email: row.email, givenName: row.givenName, usualName: row.usualName }) : null,
  }));
}

export type LastLogEntry = { happenedOn: string; weather: Weather; weatherNote: string };

/** The latest entry of the log (by workshop date), for the overview and the portfolio; null when the log is empty. */
export async function findLastLogEntry(db: Executor, projectId: string, seasonId: string): Promise<LastLogEntry | null> {
  const [row] = await db
    .select({ happenedOn: workspaceLogEntries.happenedOn, weather: workspaceLogEntries.weather, weatherNote: workspaceLogEntries.weatherNote })
    .from(workspaceLogEntries)
    .where(and(eq(workspaceLogEntries.projectId, projectId), eq(workspaceLogEntries.seasonId, seasonId)))
    .orderBy(desc(workspaceLogEntries.happenedOn), desc(workspaceLogEntries.createdAt), desc(workspaceLogEntries.id))
    .limit(1);
  return row ? { ...row, weather: row.weather as Weather } : null;
}

export type WorkshopAttendance = { happenedOn: string; eventId: string; eventTitle: string; attended: number; teamSize: number };

/**
 * For each of the last `count` log entries that follow a workshop (newest first): how many of the
 * season's team (leads and contributors) were checked in, out of the team's size. Read from the events'
 * check-in, never typed in the log.
 */
export async function attendanceOfLastWorkshops(db: Executor, projectId: string, seasonId: string, count = 3): Promise<WorkshopAttendance[]> {
  const entries = await db
    .select({ happenedOn: workspaceLogEntries.happenedOn, eventId: workspaceLogEntries.eventId, eventTitle: events.title })
    .from(workspaceLogEntries)
    .innerJoin(events, eq(events.id, workspaceLogEntries.eventId))
    .where(and(eq(workspaceLogEntries.projectId, projectId), eq(workspaceLogEntries.seasonId, seasonId), isNotNull(workspaceLogEntries.eventId)))
    .orderBy(desc(workspaceLogEntries.happenedOn), desc(workspaceLogEntries.createdAt), desc(workspaceLogEntries.id))
    .limit(count);
  if (entries.length === 0) return [];
  const team = await teamOf(db, projectId, seasonId);
  const results: WorkshopAttendance[] = [];
  for (const entry of entries) {
    const present = await attendeeIds(db, entry.eventId!);
    results.push({ happenedOn: entry.happenedOn, eventId: entry.eventId!, eventTitle: entry.eventTitle, attended: team.filter((member) => present.has(member.userId)).length, teamSize: team.length });
  }
  return results;
}

/** The season's team counted for attendance: leads and contributors (coaches left out). */
export async function teamOf(db: Executor, projectId: string, seasonId: string) {
  return (await listTeam(db, projectId, seasonId)).filter((member) => member.role !== "coach");
}

/** The members checked in at an event. */
export async function attendeeIds(db: Executor, eventId: string): Promise<Set<string>> {
  return new Set((await listAttendance(db, { eventId })).map((record) => record.userId).filter((id): id is string => id !== null));
}

/** Addresses to tell when the team says it is blocked: the project's coaches of the season and the programme team (accounts not erased). */
export async function blockedRecipients(db: Executor, scope: Scope): Promise<string[]> {
  const coaches = (await listTeam(db, scope.projectId, scope.seasonId)).filter((member) => member.role === "coach" && !member.erased).map((member) => member.email);
  const programmeTeam = await programmeTeamEmails(db);
  const seen = new Set<string>();
  return [...coaches, ...programmeTeam].filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function programmeTeamEmails(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, Roles.programmeTeam), isNull(users.erasedAt)));
  return rows.map((row) => row.email).sort();
}
