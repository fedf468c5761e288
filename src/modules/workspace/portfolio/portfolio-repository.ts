import { and, asc, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations, teamMembers, users, workspaceLogEntries, workspaceMilestones } from "../../../db/schema/index.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { listProjectsOfSeason } from "../../projects/api.ts";
import { currentPhaseOf, type SeasonWithPhases } from "../../seasons/api.ts";
import type { Weather } from "../log/log-labels.ts";
import type { PortfolioFacts } from "./portfolio-rows.ts";

/**
 * The facts of every project of a season, in a fixed number of queries whatever the number of projects
 * (projects, teams with their ministries, log entries, next milestones, attendance at logged workshops).
 * `onlyProjectIds`: an AMD's projects (those involving their ministry).
 */
export async function loadPortfolioFacts(db: Executor, season: SeasonWithPhases, now: Date, onlyProjectIds?: Set<string>): Promise<PortfolioFacts[]> {
  const projects = (await listProjectsOfSeason(db, season.id)).filter((project) => !onlyProjectIds || onlyProjectIds.has(project.id));
  if (projects.length === 0) return [];
  const ids = projects.map((project) => project.id);

  const hierarchy = await organisationLookup.listHierarchy(db);
  const byId = new Map(hierarchy.map((organisation) => [organisation.id, organisation]));
  const ministryName = (organisationId: string | null) => {
    if (!organisationId) return null;
    const organisation = byId.get(organisationId);
    const ministry = organisation?.ministryId ? byId.get(organisation.ministryId) : organisation;
    return ministry ? (ministry.acronym ?? ministry.name) : null;
  };
  const team = await db
    .select({ projectId: teamMembers.projectId, userId: teamMembers.userId, organisationId: users.organisationId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.seasonId, season.id), inArray(teamMembers.projectId, ids), ne(teamMembers.role, "coach")));

  const entries = await db
    .select({ projectId: workspaceLogEntries.projectId, happenedOn: workspaceLogEntries.happenedOn, weather: workspaceLogEntries.weather, weatherNote: workspaceLogEntries.weatherNote, eventId: workspaceLogEntries.eventId, createdAt: workspaceLogEntries.createdAt })
    .from(workspaceLogEntries)
    .where(and(eq(workspaceLogEntries.seasonId, season.id), inArray(workspaceLogEntries.projectId, ids)))
    .orderBy(desc(workspaceLogEntries.happenedOn), desc(workspaceLogEntries.createdAt));

  const milestones = await db
    .select({ projectId: workspaceMilestones.projectId, title: workspaceMilestones.title, dueOn: workspaceMilestones.dueOn })
    .from(workspaceMilestones)
    .where(and(eq(workspaceMilestones.seasonId, season.id), inArray(workspaceMilestones.projectId, ids), inArray(workspaceMilestones.state, ["todo", "doing"])))
    .orderBy(asc(workspaceMilestones.dueOn), asc(workspaceMilestones.createdAt));

  const workshopIds = [...new Set(entries.flatMap((entry) => (entry.eventId ? [entry.eventId] : [])))];
  const attendance = workshopIds.length
    ? await db
        .select({ eventId: eventRegistrations.eventId, userId: eventRegistrations.userId })
        .from(eventRegistrations)
        .where(and(inArray(eventRegistrations.eventId, workshopIds), isNotNull(eventRegistrations.attendedAt), ne(eventRegistrations.status, "cancelled")))
    : [];
  const attendeesOf = new Map<string, Set<string>>();
  for (const row of attendance) if (row.userId) (attendeesOf.get(row.eventId) ?? attendeesOf.set(row.eventId, new Set()).get(row.eventId)!).add(row.userId);

  const phase = currentPhaseOf(season, now);
  const phaseText = phase.kind === "current" ? phase.phase.name : phase.kind === "upcoming" ? `À venir : ${phase.phase.name}` : null;

  return projects.map((project) => {
    const members = team.filter((member) => member.projectId === project.id);
    const memberIds = new Set(members.map((member) => member.userId));
    const ministries = [...new Set(members.flatMap((member) => ministryName(member.organisationId) ?? []))].sort((a, b) => a.localeCompare(b, "fr"));
    const projectEntries = entries.filter((entry) => entry.projectId === project.id);
    const last = projectEntries[0];
    const next = milestones.find((milestone) => milestone.projectId === project.id);
    const lastWorkshops = projectEntries
      .filter((entry) => entry.eventId)
      .slice(0, 3)
      .map((entry) => ({ happenedOn: entry.happenedOn, attended: [...(attendeesOf.get(entry.eventId!) ?? [])].filter((id) => memberIds.has(id)).length, teamSize: members.length }));
    return {
      projectId: project.id,
      slug: project.slug,
      title: project.title,
      phase: phaseText,
      nextMilestone: next ? { title: next.title, dueOn: next.dueOn } : null,
      lastLog: last ? { happenedOn: last.happenedOn, weather: last.weather as Weather, weatherNote: last.weatherNote } : null,
      teamSize: members.length,
      ministries,
      lastWorkshops,
    };
  });
}

/** Ministries (acronym or name) of a season's teams, for the filter. */
export function ministriesOf(facts: PortfolioFacts[]): string[] {
  return [...new Set(facts.flatMap((row) => row.ministries))].sort((a, b) => a.localeCompare(b, "fr"));
}
