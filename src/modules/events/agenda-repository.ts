import { and, asc, desc, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { eventProjects, eventRegistrations, events, organisations, profiles, projects, seasons, users } from "../../db/schema/index.ts";
import type { AttendanceMode, EventKind } from "./domain/event-kinds.ts";
import type { EventRecord } from "./repository.ts";

/** How many people hold a seat, or wait for one, per mode. */
export type SeatCounts = { confirmed: Record<AttendanceMode, number>; waitlisted: Record<AttendanceMode, number> };

/** An event in a list (agenda, trainings, administration): the event, its season and its seat counts. */
export type ListedEvent = EventRecord & { season: { slug: string; name: string } | null; counts: SeatCounts };

const emptyCounts = (): SeatCounts => ({ confirmed: { in_person: 0, remote: 0 }, waitlisted: { in_person: 0, remote: 0 } });

/** Confirmed and waitlisted registrations of these events, per mode. */
export async function countSeats(db: Executor, eventIds: string[]): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>(eventIds.map((id) => [id, emptyCounts()]));
  if (eventIds.length === 0) return counts;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, mode: eventRegistrations.mode, status: eventRegistrations.status, count: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, eventIds), inArray(eventRegistrations.status, ["confirmed", "waitlisted"])))
    .groupBy(eventRegistrations.eventId, eventRegistrations.mode, eventRegistrations.status);
  for (const row of rows) {
    const entry = counts.get(row.eventId);
    if (entry) entry[row.status as "confirmed" | "waitlisted"][row.mode as AttendanceMode] = Number(row.count);
  }
  return counts;
}

export type EventListFilter = { kind?: EventKind | undefined; seasonId?: string | undefined };

/** Events with their season and seat counts, in start order (`order`), filtered by kind and season. */
export async function listEvents(db: Executor, filter: EventListFilter = {}, order: "asc" | "desc" = "asc"): Promise<ListedEvent[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(events.kind, filter.kind));
  if (filter.seasonId) conditions.push(eq(events.seasonId, filter.seasonId));
  const rows = await db
    .select({ event: events, seasonSlug: seasons.slug, seasonName: seasons.name })
    .from(events)
    .leftJoin(seasons, eq(seasons.id, events.seasonId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(order === "asc" ? asc(events.startsAt) : desc(events.startsAt), asc(events.title));
  const counts = await countSeats(db, rows.map((row) => row.event.id));
  return rows.map((row) => ({
    ...row.event,
    season: row.seasonSlug && row.seasonName ? { slug: row.seasonSlug, name: row.seasonName } : null,
    counts: counts.get(row.event.id) ?? emptyCounts(),
  }));
}

/** The season of an event and the projects it concerns (title and address), for its page. */
export async function findEventContext(db: Executor, event: EventRecord): Promise<{ season: { slug: string; name: string } | null; projects: { id: string; slug: string; title: string }[]; audienceProject: { slug: string; title: string } | null }> {
  const [season] = event.seasonId ? await db.select({ slug: seasons.slug, name: seasons.name }).from(seasons).where(eq(seasons.id, event.seasonId)) : [];
  const concerned = await db
    .select({ id: projects.id, slug: projects.slug, title: projects.title })
    .from(eventProjects)
    .innerJoin(projects, eq(projects.id, eventProjects.projectId))
    .where(eq(eventProjects.eventId, event.id))
    .orderBy(asc(projects.title));
  const [audienceProject] = event.audienceProjectId ? await db.select({ slug: projects.slug, title: projects.title }).from(projects).where(eq(projects.id, event.audienceProjectId)) : [];
  return { season: season ?? null, projects: concerned, audienceProject: audienceProject ?? null };
}

/** The ids of the projects an event concerns. */
export async function listEventProjectIds(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db.select({ id: eventProjects.projectId }).from(eventProjects).where(eq(eventProjects.eventId, eventId));
  return rows.map((row) => row.id);
}

/** The ministry of a person's organisation (itself for a ministry), or null. */
export async function findMinistryOfUser(db: Executor, userId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ ministryId: organisations.ministryId }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, userId));
  if (!row?.ministryId) return null;
  const [named] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, row.ministryId));
  return named ?? null;
}

/** A member with a seat at an event, and what decides whether a viewer may see their profile. */
export type AttendeeOfMinistry = {
  userId: string;
  givenName: string | null;
  usualName: string | null;
  email: string;
  mode: AttendanceMode;
  profile: { slug: string; visibility: string; joined: boolean } | null;
};

/** Confirmed members of an event whose organisation belongs to `ministryId` (accounts not erased), by name. */
export async function listAttendeesOfMinistry(db: Executor, eventId: string, ministryId: string): Promise<AttendeeOfMinistry[]> {
  const rows = await db
    .select({
      userId: users.id,
      givenName: users.givenName,
      usualName: users.usualName,
      email: users.email,
      mode: eventRegistrations.mode,
      slug: profiles.slug,
      visibility: profiles.visibility,
      joinedAt: profiles.joinedAt,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed"), eq(organisations.ministryId, ministryId), isNull(users.erasedAt)))
    .orderBy(asc(users.usualName), asc(users.givenName));
  return rows.map((row) => ({
    userId: row.userId,
    givenName: row.givenName,
    usualName: row.usualName,
    email: row.email,
    mode: row.mode as AttendanceMode,
    profile: row.slug ? { slug: row.slug, visibility: row.visibility ?? "members", joined: row.joinedAt !== null } : null,
  }));
}

/** Seasons and projects to choose from in the event form. */
export async function listFormChoices(db: Executor): Promise<{ seasons: { id: string; slug: string; name: string }[]; projects: { id: string; slug: string; title: string }[] }> {
  const [seasonRows, projectRows] = [
    await db.select({ id: seasons.id, slug: seasons.slug, name: seasons.name }).from(seasons).orderBy(desc(seasons.startsOn)),
    await db.select({ id: projects.id, slug: projects.slug, title: projects.title }).from(projects).orderBy(asc(projects.title)),
  ];
  return { seasons: seasonRows, projects: projectRows };
}

/**
 * The event an old content address stands for: the one imported from its item (`source_key`
 * `content-item:<id>`, `importedEventKey`) or, before the importer made events, from its path
 * (`content:<path>`), else the one with the same address identifier.
 */
export async function findEventForContentPath(db: Executor, path: string, slug: string, itemId?: string): Promise<{ slug: string } | null> {
  const keys = [...(itemId ? [`content-item:${itemId}`] : []), `content:${path}`];
  const rows = await db
    .select({ slug: events.slug, sourceKey: events.sourceKey })
    .from(events)
    .where(or(inArray(events.sourceKey, keys), eq(events.slug, slug)));
  return keys.map((key) => rows.find((row) => row.sourceKey === key)).find(Boolean) ?? rows[0] ?? null;
}

/** The address identifiers already taken that start with `base` (to pick a free one). */
export async function listSlugsLike(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db.select({ slug: events.slug }).from(events).where(sql`${events.slug} like ${`${base}%`}`);
  return new Set(rows.map((row) => row.slug));
}

/** The events of a series from `from` on (start order), for « cette séance et les suivantes ». */
export async function listSeriesFrom(db: Executor, seriesId: string, from: Date): Promise<EventRecord[]> {
  return db.select().from(events).where(and(eq(events.seriesId, seriesId), gte(events.startsAt, from))).orderBy(asc(events.startsAt));
}

