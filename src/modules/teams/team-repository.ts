import { and, asc, count, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { joinRequests, organisations, profiles, projectNeeds, projects, projectSeasons, proposals, seasons, teamAssignments, teamMembers, users, wishes, wishLists } from "../../db/schema/index.ts";
import { displayName } from "../identity/api.ts";

/** A member's role in a team: porteur·euse, contributeur·rice, coach. */
export const TeamRoles = { lead: "lead", contributor: "contributor", coach: "coach" } as const;
export type TeamRole = (typeof TeamRoles)[keyof typeof TeamRoles];
/** How a member came into a team. */
export const TeamSources = { named: "named", assignment: "assignment", joinRequest: "join_request", import: "import" } as const;
export type TeamSource = (typeof TeamSources)[keyof typeof TeamSources];
export const Rhythms = { inPerson: "in_person", remote: "remote", both: "both" } as const;
export type Rhythm = (typeof Rhythms)[keyof typeof Rhythms];

/** A skill a team seeks: level 1 curieux, 2 connaît, 3 expert; required = « indispensable », else « bienvenue ». */
export type NeedSkill = { skillId: string; level: 1 | 2 | 3; required: boolean };
export type ProjectNeeds = { projectId: string; seasonId: string; minSize: number; maxSize: number; skills: NeedSkill[]; rhythm: Rhythm; whyJoin: string; updatedAt: Date };

/** A project's lead in a season: named in `team_members` (role `lead`), or implicitly the author of the proposal it was selected from. */
export type ProjectLead = { userId: string; implicit: boolean };

/** A member of a team, with what the project page and « Gérer l'équipe » show. */
export type TeamMember = {
  id: string;
  userId: string;
  role: TeamRole;
  source: TeamSource;
  name: string;
  email: string;
  organisationName: string | null;
  ministryName: string | null;
  /** Null when the member has no profile; `profileJoined`, `profileVisibility` and `erased` say whether a viewer may see it. */
  profileSlug: string | null;
  profileVisibility: "members" | "programme_team";
  profileJoined: boolean;
  erased: boolean;
};

/** A sent wish list, for the assignment: project ids ranked (first = rank 1). */
export type SubmittedWishList = { userId: string; anyProject: boolean; keepPreviousProject: boolean; projectIds: string[]; submittedAt: Date | null };

/**
 * The leads of a project in a season: `team_members` rows with role `lead`; when there are none, the
 * author of the proposal the project was selected from, if it entered that season as `selected`.
 */
export async function findProjectLeads(db: Executor, projectId: string, seasonId: string): Promise<ProjectLead[]> {
  const named = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.projectId, projectId), eq(teamMembers.seasonId, seasonId), eq(teamMembers.role, TeamRoles.lead)))
    .orderBy(asc(teamMembers.createdAt));
  if (named.length > 0) return named.map((row) => ({ userId: row.userId, implicit: false }));
  const [author] = await db
    .select({ userId: proposals.authorId })
    .from(projectSeasons)
    .innerJoin(projects, eq(projects.id, projectSeasons.projectId))
    .innerJoin(proposals, eq(proposals.id, projects.proposalId))
    .where(and(eq(projectSeasons.projectId, projectId), eq(projectSeasons.seasonId, seasonId), eq(projectSeasons.entry, "selected")));
  return author ? [{ userId: author.userId, implicit: true }] : [];
}

/**
 * The leads of every project of a season at once (two queries, whatever the number of projects), by the
 * rule of `findProjectLeads`: the named leads, else the author of the selected proposal.
 */
export async function listProjectLeadsOfSeason(db: Executor, seasonId: string): Promise<{ projectId: string; userId: string; implicit: boolean }[]> {
  const named = await db
    .select({ projectId: teamMembers.projectId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.seasonId, seasonId), eq(teamMembers.role, TeamRoles.lead)))
    .orderBy(asc(teamMembers.createdAt));
  const withNamed = new Set(named.map((row) => row.projectId));
  const authors = await db
    .select({ projectId: projectSeasons.projectId, userId: proposals.authorId })
    .from(projectSeasons)
    .innerJoin(projects, eq(projects.id, projectSeasons.projectId))
    .innerJoin(proposals, eq(proposals.id, projects.proposalId))
    .where(and(eq(projectSeasons.seasonId, seasonId), eq(projectSeasons.entry, "selected")));
  return [...named.map((row) => ({ ...row, implicit: false })), ...authors.filter((row) => !withNamed.has(row.projectId)).map((row) => ({ ...row, implicit: true }))];
}

export async function isProjectLead(db: Executor, userId: string, projectId: string, seasonId: string): Promise<boolean> {
  const leads = await findProjectLeads(db, projectId, seasonId);
  return leads.some((lead) => lead.userId === userId);
}

/** The coaches of a project in a season (`team_members` rows with role `coach`), first named first. */
export async function findProjectCoaches(db: Executor, projectId: string, seasonId: string): Promise<{ userId: string }[]> {
  return db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.projectId, projectId), eq(teamMembers.seasonId, seasonId), eq(teamMembers.role, TeamRoles.coach)))
    .orderBy(asc(teamMembers.createdAt));
}

export async function isProjectCoach(db: Executor, userId: string, projectId: string, seasonId: string): Promise<boolean> {
  const coaches = await findProjectCoaches(db, projectId, seasonId);
  return coaches.some((coach) => coach.userId === userId);
}

const ministries = alias(organisations, "ministries");

/** The team of a project in a season: leads first, then contributors, then coaches, by name. */
export async function listTeam(db: Executor, projectId: string, seasonId: string): Promise<TeamMember[]> {
  const rows = await db
    .select({
      id: teamMembers.id,
      userId: teamMembers.userId,
      role: teamMembers.role,
      source: teamMembers.source,
      email: users.email,
      givenName: users.givenName,
      usualName: users.usualName,
      erasedAt: users.erasedAt,
      organisationName: organisations.name,
      ministryName: ministries.name,
      profileSlug: profiles.slug,
      profileVisibility: profiles.visibility,
      profileJoinedAt: profiles.joinedAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .leftJoin(profiles, eq(profiles.userId, teamMembers.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(ministries, eq(ministries.id, organisations.ministryId))
    .where(and(eq(teamMembers.projectId, projectId), eq(teamMembers.seasonId, seasonId)));
  const order: Record<string, number> = { lead: 0, contributor: 1, coach: 2 };
  return rows
    .map((row) => ({
      id: row.id,
      userId: row.userId,
      role: row.role as TeamRole,
      source: row.source as TeamSource,
      name: displayName(row),
      email: row.email,
      organisationName: row.organisationName,
      ministryName: row.ministryName,
      profileSlug: row.profileSlug,
      profileVisibility: (row.profileVisibility ?? "members") as "members" | "programme_team",
      profileJoined: row.profileJoinedAt !== null,
      erased: row.erasedAt !== null,
    }))
    .sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3) || a.name.localeCompare(b.name, "fr"));
}

/** How many members a team counts, coaches left out (the size rules count contributors and leads). */
export async function countTeamMembers(db: Executor, projectId: string, seasonId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(teamMembers)
    .where(and(eq(teamMembers.projectId, projectId), eq(teamMembers.seasonId, seasonId), ne(teamMembers.role, TeamRoles.coach)));
  return row?.value ?? 0;
}

/** The team a member is in this season (coaching left out), or null. */
export async function findTeamOf(db: Executor, userId: string, seasonId: string): Promise<{ projectId: string; role: TeamRole } | null> {
  const [row] = await db
    .select({ projectId: teamMembers.projectId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, seasonId), ne(teamMembers.role, TeamRoles.coach)));
  return row ? { projectId: row.projectId, role: row.role as TeamRole } : null;
}

/** The season's assignment is published (teams are known). */
export async function isAssignmentPublished(db: Executor, seasonId: string): Promise<boolean> {
  const [row] = await db
    .select({ seasonId: teamAssignments.seasonId })
    .from(teamAssignments)
    .where(and(eq(teamAssignments.seasonId, seasonId), isNotNull(teamAssignments.publishedAt)));
  return row !== undefined;
}

function toNeeds(row: typeof projectNeeds.$inferSelect): ProjectNeeds {
  return {
    projectId: row.projectId,
    seasonId: row.seasonId,
    minSize: row.minSize,
    maxSize: row.maxSize,
    skills: Array.isArray(row.skills) ? (row.skills as NeedSkill[]) : [],
    rhythm: row.rhythm as Rhythm,
    whyJoin: row.whyJoin,
    updatedAt: row.updatedAt,
  };
}

/** What a project's team seeks in a season, or null when nobody set it yet. */
export async function findProjectNeeds(db: Executor, projectId: string, seasonId: string): Promise<ProjectNeeds | null> {
  const [row] = await db
    .select()
    .from(projectNeeds)
    .where(and(eq(projectNeeds.projectId, projectId), eq(projectNeeds.seasonId, seasonId)));
  return row ? toNeeds(row) : null;
}

/** Every project's needs set for a season. */
export async function listNeedsOfSeason(db: Executor, seasonId: string): Promise<ProjectNeeds[]> {
  const rows = await db.select().from(projectNeeds).where(eq(projectNeeds.seasonId, seasonId));
  return rows.map(toNeeds);
}

/** The sent wish lists of a season, each with its project ids by rank (drafts left out). */
export async function listSubmittedWishLists(db: Executor, seasonId: string): Promise<SubmittedWishList[]> {
  const lists = await db
    .select()
    .from(wishLists)
    .where(and(eq(wishLists.seasonId, seasonId), eq(wishLists.state, "submitted")))
    .orderBy(asc(wishLists.submittedAt));
  if (lists.length === 0) return [];
  const rows = await db
    .select({ userId: wishes.userId, projectId: wishes.projectId })
    .from(wishes)
    .where(
      and(
        eq(wishes.seasonId, seasonId),
        inArray(
          wishes.userId,
          lists.map((list) => list.userId),
        ),
      ),
    )
    .orderBy(asc(wishes.userId), asc(wishes.rank));
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.projectId]);
  return lists.map((list) => ({
    userId: list.userId,
    anyProject: list.anyProject,
    keepPreviousProject: list.keepPreviousProject,
    projectIds: byUser.get(list.userId) ?? [],
    submittedAt: list.submittedAt,
  }));
}

/** How many members kept a draft without sending it (for the programme team's reminder). */
export async function countDraftWishLists(db: Executor, seasonId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(wishLists)
    .where(and(eq(wishLists.seasonId, seasonId), eq(wishLists.state, "draft")));
  return row?.value ?? 0;
}

/** The pending join requests of a project in a season, oldest first. */
export async function listPendingJoinRequests(db: Executor, projectId: string, seasonId: string) {
  return db
    .select({ id: joinRequests.id, userId: joinRequests.userId, message: joinRequests.message, createdAt: joinRequests.createdAt, email: users.email, givenName: users.givenName, usualName: users.usualName })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.projectId, projectId), eq(joinRequests.seasonId, seasonId), eq(joinRequests.state, "pending")))
    .orderBy(asc(joinRequests.createdAt));
}

/** A member's pending join request in a season, or null. */
export async function findPendingJoinRequestOf(db: Executor, userId: string, seasonId: string): Promise<{ id: string; projectId: string } | null> {
  const [row] = await db
    .select({ id: joinRequests.id, projectId: joinRequests.projectId })
    .from(joinRequests)
    .where(and(eq(joinRequests.userId, userId), eq(joinRequests.seasonId, seasonId), eq(joinRequests.state, "pending")));
  return row ?? null;
}

/** The seasons a project ran in, latest start first (read from `project_seasons`, owned by the projects module). */
export async function listSeasonIdsOfProject(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ seasonId: projectSeasons.seasonId })
    .from(projectSeasons)
    .innerJoin(seasons, eq(seasons.id, projectSeasons.seasonId))
    .where(eq(projectSeasons.projectId, projectId))
    .orderBy(desc(seasons.startsOn));
  return rows.map((row) => row.seasonId);
}
