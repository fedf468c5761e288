import { and, asc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { eventRegistrations, organisations, users } from "../../db/schema/index.ts";
import type { AttendanceMode, RegistrationStatus } from "./domain/event-kinds.ts";

/** A registration as the programme team sees it: the person (member or visitor) with their organisation. */
export type TeamRegistration = {
  id: string;
  eventId: string;
  userId: string | null;
  mode: AttendanceMode;
  status: RegistrationStatus;
  queuePosition: number;
  answers: Record<string, string>;
  checkInToken: string;
  attendedAt: Date | null;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  /** Where mail reaches the person: the member's account address, or the visitor's. */
  email: string | null;
  givenName: string;
  usualName: string;
  organisation: string | null;
  /** The member's ministry (derived from their organisation); null for a visitor. */
  ministry: string | null;
  isVisitor: boolean;
  /** The member deleted their account: shown as « Ancien membre », never mailed. */
  isErased: boolean;
};

const ministries = alias(organisations, "ministries");

const columns = {
  id: eventRegistrations.id,
  eventId: eventRegistrations.eventId,
  userId: eventRegistrations.userId,
  mode: eventRegistrations.mode,
  status: eventRegistrations.status,
  queuePosition: eventRegistrations.queuePosition,
  answers: eventRegistrations.answers,
  checkInToken: eventRegistrations.checkInToken,
  attendedAt: eventRegistrations.attendedAt,
  createdAt: eventRegistrations.createdAt,
  confirmedAt: eventRegistrations.confirmedAt,
  cancelledAt: eventRegistrations.cancelledAt,
  visitorEmail: eventRegistrations.email,
  visitorGivenName: eventRegistrations.givenName,
  visitorUsualName: eventRegistrations.usualName,
  visitorOrganisation: eventRegistrations.organisationName,
  memberEmail: users.email,
  memberGivenName: users.givenName,
  memberUsualName: users.usualName,
  memberErasedAt: users.erasedAt,
  organisation: organisations.name,
  ministry: ministries.name,
};

function toTeamRegistration(row: Row): TeamRegistration {
  const isVisitor = row.userId === null;
  const isErased = !isVisitor && row.memberErasedAt !== null;
  return {
    id: row.id!,
    eventId: row.eventId!,
    userId: row.userId,
    mode: row.mode as AttendanceMode,
    status: row.status as RegistrationStatus,
    queuePosition: Number(row.queuePosition),
    answers: (row.answers ?? {}) as Record<string, string>,
    checkInToken: row.checkInToken!,
    attendedAt: row.attendedAt,
    createdAt: row.createdAt!,
    confirmedAt: row.confirmedAt,
    cancelledAt: row.cancelledAt,
    email: isErased ? null : isVisitor ? row.visitorEmail : row.memberEmail,
    givenName: isErased ? "" : ((isVisitor ? row.visitorGivenName : row.memberGivenName) ?? ""),
    usualName: isErased ? "Ancien membre" : ((isVisitor ? row.visitorUsualName : row.memberUsualName) ?? ""),
    organisation: isErased ? null : isVisitor ? row.visitorOrganisation : row.organisation,
    ministry: isErased || isVisitor ? null : row.ministry !== row.organisation ? row.ministry : null,
    isVisitor,
    isErased,
  };
}

type Row = Awaited<ReturnType<typeof selectRegistrations>>[number];

function selectRegistrations(db: Executor, where: SQL | undefined) {
  return db
    .select(columns)
    .from(eventRegistrations)
    .leftJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(ministries, eq(ministries.id, organisations.ministryId))
    .where(where);
}

/** Family name, then given name, in French alphabetical order (accents and case ignored). */
const collator = new Intl.Collator("fr", { sensitivity: "base" });
export function byName(a: Pick<TeamRegistration, "usualName" | "givenName">, b: Pick<TeamRegistration, "usualName" | "givenName">): number {
  return collator.compare(a.usualName, b.usualName) || collator.compare(a.givenName, b.givenName);
}

/** Every registration of an event, cancelled ones included, in queue order (the order they reached the database). */
export async function listRegistrationsOfEvent(db: Executor, eventId: string): Promise<TeamRegistration[]> {
  const rows = await selectRegistrations(db, eq(eventRegistrations.eventId, eventId)).orderBy(asc(eventRegistrations.queuePosition));
  return rows.map(toTeamRegistration);
}

/** One registration of an event with its person, or null (also when it belongs to another event). */
export async function findTeamRegistration(db: Executor, eventId: string, registrationId: string): Promise<TeamRegistration | null> {
  const [row] = await selectRegistrations(db, and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, registrationId))).limit(1);
  return row ? toTeamRegistration(row) : null;
}

/** The registration a QR code's secret names, with its person. */
export async function findRegistrationByCheckInToken(db: Executor, token: string): Promise<TeamRegistration | null> {
  const [row] = await selectRegistrations(db, eq(eventRegistrations.checkInToken, token)).limit(1);
  return row ? toTeamRegistration(row) : null;
}
