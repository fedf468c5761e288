import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { eventRegistrations, events, participations, projects, users } from "../../db/schema/index.ts";
import type { AttendanceMode } from "./domain/event-kinds.ts";
import type { EventRecord, RegistrationRecord } from "./repository.ts";

/** Who a registration's mails go to and how they are greeted. */
export type Registrant = { email: string; givenName: string | null; usualName: string | null };

/** Confirmed and waiting registrations per mode. */
export type ModeCounts = Record<AttendanceMode, { confirmed: number; waitlisted: number }>;

export async function countRegistrations(db: Executor, eventId: string): Promise<ModeCounts> {
  const rows = await db
    .select({ mode: eventRegistrations.mode, status: eventRegistrations.status, count: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["confirmed", "waitlisted"])))
    .groupBy(eventRegistrations.mode, eventRegistrations.status);
  const counts: ModeCounts = { in_person: { confirmed: 0, waitlisted: 0 }, remote: { confirmed: 0, waitlisted: 0 } };
  for (const row of rows) counts[row.mode as AttendanceMode][row.status as "confirmed" | "waitlisted"] = Number(row.count);
  return counts;
}

/** A waiting registration's rank in its mode's waitlist (1 = next to get a seat); null when it is not waiting. */
export async function waitlistRank(db: Executor, registration: Pick<RegistrationRecord, "eventId" | "mode" | "status" | "queuePosition">): Promise<number | null> {
  if (registration.status !== "waitlisted") return null;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, registration.eventId),
        eq(eventRegistrations.mode, registration.mode),
        eq(eventRegistrations.status, "waitlisted"),
        lte(eventRegistrations.queuePosition, registration.queuePosition),
      ),
    );
  return Number(row?.count ?? 1);
}

/** The member's address and names (the account), or the visitor's own. */
export async function findRegistrant(db: Executor, registration: Pick<RegistrationRecord, "userId" | "email" | "givenName" | "usualName">): Promise<Registrant | null> {
  if (!registration.userId) return registration.email ? { email: registration.email, givenName: registration.givenName, usualName: registration.usualName } : null;
  const [account] = await db.select({ email: users.email, givenName: users.givenName, usualName: users.usualName, erasedAt: users.erasedAt }).from(users).where(eq(users.id, registration.userId)).limit(1);
  return account && !account.erasedAt ? { email: account.email, givenName: account.givenName, usualName: account.usualName } : null;
}

/** A visitor's live (not cancelled) registration for an event, by address (case ignored). */
export async function findLiveVisitorRegistration(db: Executor, eventId: string, email: string): Promise<RegistrationRecord | null> {
  const [registration] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        sql`${eventRegistrations.userId} is null`,
        sql`lower(${eventRegistrations.email}) = ${email.toLowerCase()}`,
        sql`${eventRegistrations.status} <> 'cancelled'`,
      ),
    )
    .limit(1);
  return registration ?? null;
}

/** The registration a visitor's confirmation link (its sha256) points to, with its event. */
export async function findByConfirmationHash(db: Executor, tokenHash: string): Promise<{ registration: RegistrationRecord; event: EventRecord } | null> {
  const [row] = await db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.confirmationTokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export type MemberRegistration = { registration: RegistrationRecord; event: EventRecord };

/** Every registration of a member (cancelled ones included), the latest of each event first, by event start. */
export async function listRegistrationsOfMember(db: Executor, userId: string): Promise<MemberRegistration[]> {
  return db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(events.startsAt), desc(eventRegistrations.createdAt));
}

/** A project's title, for « réservé à l’équipe du projet … ». */
export async function findProjectTitle(db: Executor, projectId: string): Promise<{ title: string; slug: string } | null> {
  const [project] = await db.select({ title: projects.title, slug: projects.slug }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return project ?? null;
}

/**
 * Whether the member is on the project's team: the people module records who took part in which project
 * (`participations`, by the project's slug, any season; coaches included), which is the platform's only
 * record of project teams so far.
 */
export async function isOnProjectTeam(db: Executor, userId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(participations)
    .innerJoin(projects, eq(projects.slug, participations.projectSlug))
    .where(and(eq(participations.userId, userId), eq(projects.id, projectId)))
    .limit(1);
  return row !== undefined;
}
