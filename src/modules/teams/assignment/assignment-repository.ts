import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { assignmentLocks, profiles, profileSkills, teamAssignments, teamMembers, users } from "../../../db/schema/index.ts";
import { displayName } from "../../identity/api.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { type AssignmentRules, defaultAssignmentRules, type SkillLevel } from "./instance.ts";
import type { StoredDraft } from "./draft.ts";

export type AssignmentRecord = {
  seasonId: string;
  rules: AssignmentRules;
  draft: StoredDraft | null;
  computedAt: Date | null;
  publishedAt: Date | null;
  version: number;
};

/** Reads the stored rules, keeping the defaults for what is missing (an older row, a new rule). */
function rulesOf(settings: unknown): AssignmentRules {
  const stored = (settings && typeof settings === "object" ? settings : {}) as Partial<AssignmentRules>;
  return { ...defaultAssignmentRules, ...stored };
}

/** The season's assignment (rules, draft, publication), or null before the first run or rules saved. */
export async function findAssignment(db: Executor, seasonId: string, options: { forUpdate?: boolean } = {}): Promise<AssignmentRecord | null> {
  const query = db.select().from(teamAssignments).where(eq(teamAssignments.seasonId, seasonId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) return null;
  return { seasonId: row.seasonId, rules: rulesOf(row.settings), draft: (row.draft as StoredDraft | null) ?? null, computedAt: row.computedAt, publishedAt: row.publishedAt, version: row.version };
}

/** Creates the season's row with the default rules when missing; returns it locked for the transaction. */
export async function lockAssignment(tx: Executor, seasonId: string, now: Date): Promise<AssignmentRecord> {
  await tx.insert(teamAssignments).values({ seasonId, settings: defaultAssignmentRules, updatedAt: now }).onConflictDoNothing();
  const record = await findAssignment(tx, seasonId, { forUpdate: true });
  if (!record) throw new Error(`team assignment of season ${seasonId} vanished`);
  return record;
}

export async function saveRules(tx: Executor, seasonId: string, rules: AssignmentRules, now: Date): Promise<void> {
  await tx
    .update(teamAssignments)
    .set({ settings: rules, version: sql`${teamAssignments.version} + 1`, updatedAt: now })
    .where(eq(teamAssignments.seasonId, seasonId));
}

export async function saveDraft(tx: Executor, seasonId: string, draft: StoredDraft, now: Date, computed: boolean): Promise<void> {
  await tx
    .update(teamAssignments)
    .set({
      draft,
      ...(computed ? { computedAt: now, objective: draft.objective, provenOptimal: draft.provenOptimal } : {}),
      version: sql`${teamAssignments.version} + 1`,
      updatedAt: now,
    })
    .where(eq(teamAssignments.seasonId, seasonId));
}

/**
 * Marks the season's assignment published, once: only the first of two concurrent publications finds
 * `published_at` still empty (the row lock orders them); returns false for the second.
 */
export async function markPublished(tx: Executor, seasonId: string, by: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(teamAssignments)
    .set({ publishedAt: now, publishedBy: by, version: sql`${teamAssignments.version} + 1`, updatedAt: now })
    .where(and(eq(teamAssignments.seasonId, seasonId), isNull(teamAssignments.publishedAt)))
    .returning({ seasonId: teamAssignments.seasonId });
  return rows.length === 1;
}

export type AssignmentLock = { userId: string; projectId: string };

export async function listLocks(db: Executor, seasonId: string): Promise<AssignmentLock[]> {
  return db.select({ userId: assignmentLocks.userId, projectId: assignmentLocks.projectId }).from(assignmentLocks).where(eq(assignmentLocks.seasonId, seasonId));
}

export async function setLock(tx: Executor, input: { seasonId: string; userId: string; projectId: string; lockedBy: string; now: Date }): Promise<void> {
  await tx
    .insert(assignmentLocks)
    .values({ seasonId: input.seasonId, userId: input.userId, projectId: input.projectId, lockedBy: input.lockedBy, createdAt: input.now })
    .onConflictDoUpdate({ target: [assignmentLocks.seasonId, assignmentLocks.userId], set: { projectId: input.projectId, lockedBy: input.lockedBy, createdAt: input.now } });
}

export async function removeLock(tx: Executor, seasonId: string, userId: string): Promise<void> {
  await tx.delete(assignmentLocks).where(and(eq(assignmentLocks.seasonId, seasonId), eq(assignmentLocks.userId, userId)));
}

/** A person as the assignment sees them: name, address, ministry, skills, profile. */
export type AssignmentPerson = {
  id: string;
  name: string;
  email: string;
  organisationName: string | null;
  ministryId: string | null;
  ministryName: string | null;
  profileSlug: string | null;
  skills: Record<string, SkillLevel>;
};

/** The people of a run (members who made wishes, leads, locked members), erased accounts left out. */
export async function listAssignmentPeople(db: Executor, userIds: readonly string[]): Promise<Map<string, AssignmentPerson>> {
  const people = new Map<string, AssignmentPerson>();
  if (userIds.length === 0) return people;
  const ids = [...new Set(userIds)];
  const hierarchy = await organisationLookup.listHierarchy(db);
  const organisations = new Map(hierarchy.map((organisation) => [organisation.id, organisation]));
  const rows = await db
    .select({ id: users.id, email: users.email, givenName: users.givenName, usualName: users.usualName, organisationId: users.organisationId, slug: profiles.slug })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(inArray(users.id, ids), isNull(users.erasedAt)));
  for (const row of rows) {
    const organisation = row.organisationId ? organisations.get(row.organisationId) : undefined;
    const ministry = organisation?.ministryId ? organisations.get(organisation.ministryId) : undefined;
    const name = displayName(row);
    people.set(row.id, {
      id: row.id,
      name,
      email: row.email,
      organisationName: organisation?.name ?? null,
      ministryId: organisation?.ministryId ?? null,
      ministryName: ministry?.name ?? null,
      profileSlug: row.slug,
      skills: {},
    });
  }
  const skills = await db.select().from(profileSkills).where(inArray(profileSkills.userId, ids));
  for (const skill of skills) {
    const person = people.get(skill.userId);
    if (person) person.skills[skill.skillId] = skill.level as SkillLevel;
  }
  return people;
}

/** Team memberships of a season (coaches left out): who was in which project. */
export async function listTeamPlaces(db: Executor, seasonId: string): Promise<{ userId: string; projectId: string; role: string }[]> {
  return db
    .select({ userId: teamMembers.userId, projectId: teamMembers.projectId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.seasonId, seasonId), ne(teamMembers.role, "coach")));
}

/** The coaches of the season's projects: a coach is not placed in the team they coach. */
export async function listCoaches(db: Executor, seasonId: string): Promise<{ userId: string; projectId: string }[]> {
  return db
    .select({ userId: teamMembers.userId, projectId: teamMembers.projectId })
    .from(teamMembers)
    .where(and(eq(teamMembers.seasonId, seasonId), eq(teamMembers.role, "coach")));
}

/** Adds the published placements as team members (a member already in a team this season is kept where they are). */
export async function addTeamMembers(tx: Executor, rows: { seasonId: string; projectId: string; userId: string; role: "lead" | "contributor"; now: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(teamMembers)
    .values(rows.map((row) => ({ seasonId: row.seasonId, projectId: row.projectId, userId: row.userId, role: row.role, source: "assignment", createdAt: row.now })))
    .onConflictDoNothing();
}
