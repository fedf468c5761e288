import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client.ts";
import { cafePairMembers, cafePairs, cafeParticipants, cafeRounds, organisations, profiles, profileSkills, skills, users } from "../../../db/schema/index.ts";
import { displayName, formerMemberLabel } from "../../identity/api.ts";
import { jobFamilies, type JobFamily } from "../../people/api.ts";
import type { PastMeeting } from "./domain/pairing.ts";

const ministries = alias(organisations, "ministries");

/** Whether the person takes part: `active` once opted in and until opted out. */
export type Participation = { optedInAt: Date; optedOutAt: Date | null; active: boolean };

export async function findParticipation(db: Executor, userId: string): Promise<Participation | null> {
  const [row] = await db.select({ optedInAt: cafeParticipants.optedInAt, optedOutAt: cafeParticipants.optedOutAt }).from(cafeParticipants).where(eq(cafeParticipants.userId, userId));
  return row ? { ...row, active: row.optedOutAt === null } : null;
}

/** Opts in (again): a person already in keeps the date they joined. */
export async function optIn(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .insert(cafeParticipants)
    .values({ userId, optedInAt: now, optedOutAt: null })
    .onConflictDoUpdate({
      target: cafeParticipants.userId,
      set: { optedInAt: sql`case when ${cafeParticipants.optedOutAt} is null then ${cafeParticipants.optedInAt} else excluded.opted_in_at end`, optedOutAt: null },
    });
}

/** Opts out; returns whether the person was in. */
export async function optOut(db: Executor, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(cafeParticipants)
    .set({ optedOutAt: now })
    .where(and(eq(cafeParticipants.userId, userId), isNull(cafeParticipants.optedOutAt)))
    .returning({ userId: cafeParticipants.userId });
  return rows.length > 0;
}

/** A participant as the round and the mails need them. */
export type CafePerson = {
  userId: string;
  email: string;
  name: string;
  slug: string;
  jobLabel: string | null;
  organisationName: string | null;
  ministryId: string | null;
  ministryName: string | null;
  /** The profile is open to members (else only the programme team sees it: the mail carries no link to it). */
  profileOpenToMembers: boolean;
};

/** Who takes part this month: opted in, not opted out, with a joined profile and an account not erased. */
export async function listActiveParticipants(db: Executor): Promise<CafePerson[]> {
  const rows = await db
    .select({
      userId: cafeParticipants.userId,
      email: users.email,
      givenName: users.givenName,
      usualName: users.usualName,
      slug: profiles.slug,
      jobFamily: profiles.jobFamily,
      organisationName: organisations.name,
      unlistedOrganisation: profiles.unlistedOrganisation,
      ministryId: organisations.ministryId,
      ministryName: ministries.name,
      visibility: profiles.visibility,
    })
    .from(cafeParticipants)
    .innerJoin(users, eq(users.id, cafeParticipants.userId))
    .innerJoin(profiles, eq(profiles.userId, cafeParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(ministries, eq(ministries.id, organisations.ministryId))
    .where(and(isNull(cafeParticipants.optedOutAt), isNull(users.erasedAt), isNotNull(profiles.joinedAt)))
    .orderBy(asc(cafeParticipants.userId));
  return rows.map((row) => ({
    userId: row.userId,
    email: row.email,
    name: displayName(row),
    slug: row.slug,
    jobLabel: row.jobFamily && row.jobFamily in jobFamilies ? jobFamilies[row.jobFamily as JobFamily] : null,
    organisationName: row.organisationName ?? row.unlistedOrganisation,
    ministryId: row.ministryId,
    ministryName: row.ministryName,
    profileOpenToMembers: row.visibility === "members",
  }));
}

/** Skill names of each person, strongest level first (at most `limit` a person). */
export async function listSkillNames(db: Executor, userIds: string[], limit = 6): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (userIds.length === 0) return names;
  const rows = await db
    .select({ userId: profileSkills.userId, name: skills.name })
    .from(profileSkills)
    .innerJoin(skills, eq(skills.id, profileSkills.skillId))
    .where(and(inArray(profileSkills.userId, userIds), eq(skills.status, "accepted")))
    .orderBy(desc(profileSkills.level), asc(skills.name));
  for (const row of rows) {
    const list = names.get(row.userId) ?? [];
    if (list.length < limit) list.push(row.name);
    names.set(row.userId, list);
  }
  return names;
}

/** Every two people who met in a round from `fromMonth` on (a trio gives three meetings). */
export async function listMeetingsSince(db: Executor, fromMonth: string): Promise<PastMeeting[]> {
  const rows = await db
    .select({ pairId: cafePairMembers.pairId, userId: cafePairMembers.userId, month: cafeRounds.month })
    .from(cafePairMembers)
    .innerJoin(cafeRounds, eq(cafeRounds.id, cafePairMembers.roundId))
    .where(gte(cafeRounds.month, fromMonth));
  const byPair = new Map<string, { month: string; userIds: string[] }>();
  for (const row of rows) {
    const pair = byPair.get(row.pairId) ?? { month: row.month, userIds: [] };
    pair.userIds.push(row.userId);
    byPair.set(row.pairId, pair);
  }
  const meetings: PastMeeting[] = [];
  for (const { month, userIds } of byPair.values()) {
    for (let i = 0; i < userIds.length; i++) for (let j = i + 1; j < userIds.length; j++) meetings.push({ a: userIds[i]!, b: userIds[j]!, month });
  }
  return meetings;
}

/** Who was left without a partner in the last round before `month`. */
export async function listLeftOutBefore(db: Executor, month: string): Promise<Set<string>> {
  const [row] = await db.select({ unpaired: cafeRounds.unpairedUserIds }).from(cafeRounds).where(lt(cafeRounds.month, month)).orderBy(desc(cafeRounds.month)).limit(1);
  return new Set(row?.unpaired ?? []);
}

export async function findRound(db: Executor, month: string): Promise<{ id: string; ranAt: Date } | null> {
  const [row] = await db.select({ id: cafeRounds.id, ranAt: cafeRounds.ranAt }).from(cafeRounds).where(eq(cafeRounds.month, month));
  return row ?? null;
}

/** Inserts the month's round; null when it exists already (another process or a second click ran it). */
export async function insertRound(db: Executor, month: string, now: Date): Promise<string | null> {
  const rows = await db.insert(cafeRounds).values({ month, ranAt: now }).onConflictDoNothing({ target: cafeRounds.month }).returning({ id: cafeRounds.id });
  return rows[0]?.id ?? null;
}

export async function setUnpaired(db: Executor, roundId: string, userIds: string[]): Promise<void> {
  await db.update(cafeRounds).set({ unpairedUserIds: userIds }).where(eq(cafeRounds.id, roundId));
}

export async function insertPair(db: Executor, roundId: string, members: { userId: string; ministryId: string | null; optOutTokenHash: string }[]): Promise<void> {
  const [pair] = await db.insert(cafePairs).values({ roundId, size: members.length }).returning({ id: cafePairs.id });
  await db.insert(cafePairMembers).values(members.map((member) => ({ pairId: pair!.id, roundId, ...member })));
}

/** The participant a one-click opt-out token was mailed to, or null. */
export async function findUserByOptOutTokenHash(db: Executor, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ userId: cafePairMembers.userId }).from(cafePairMembers).where(eq(cafePairMembers.optOutTokenHash, tokenHash));
  return row?.userId ?? null;
}

/** Someone met: their name and, while their profile is in the directory for members, its slug. */
export type Partner = { name: string; slug: string | null; ministryName: string | null };

export type PastPairing = { month: string; partners: Partner[] };

/** The person's pairings, latest first; a partner who deleted their account shows as « Ancien membre ». */
export async function listPairingsOf(db: Executor, userId: string): Promise<PastPairing[]> {
  const own = await db
    .select({ pairId: cafePairMembers.pairId, month: cafeRounds.month, size: cafePairs.size })
    .from(cafePairMembers)
    .innerJoin(cafePairs, eq(cafePairs.id, cafePairMembers.pairId))
    .innerJoin(cafeRounds, eq(cafeRounds.id, cafePairMembers.roundId))
    .where(eq(cafePairMembers.userId, userId))
    .orderBy(desc(cafeRounds.month));
  if (own.length === 0) return [];
  const others = await partnersOfPairs(
    db,
    own.map((row) => row.pairId),
  );
  return own.map((row) => {
    const partners = (others.get(row.pairId) ?? []).filter((partner) => partner.userId !== userId).map(({ userId: _, ...partner }) => partner);
    while (partners.length < row.size - 1) partners.push({ name: formerMemberLabel, slug: null, ministryName: null });
    return { month: row.month, partners };
  });
}

async function partnersOfPairs(db: Executor, pairIds: string[]): Promise<Map<string, (Partner & { userId: string })[]>> {
  const rows = await db
    .select({
      pairId: cafePairMembers.pairId,
      userId: cafePairMembers.userId,
      email: users.email,
      givenName: users.givenName,
      usualName: users.usualName,
      erasedAt: users.erasedAt,
      slug: profiles.slug,
      joinedAt: profiles.joinedAt,
      visibility: profiles.visibility,
      ministryName: organisations.name,
    })
    .from(cafePairMembers)
    .innerJoin(users, eq(users.id, cafePairMembers.userId))
    .leftJoin(profiles, eq(profiles.userId, cafePairMembers.userId))
    .leftJoin(organisations, eq(organisations.id, cafePairMembers.ministryId))
    .where(inArray(cafePairMembers.pairId, pairIds))
    .orderBy(asc(users.usualName), asc(users.givenName));
  const byPair = new Map<string, (Partner & { userId: string })[]>();
  for (const row of rows) {
    const list = byPair.get(row.pairId) ?? [];
    const erased = row.erasedAt !== null;
    list.push({ userId: row.userId, name: erased ? formerMemberLabel : displayName(row), slug: !erased && row.joinedAt && row.visibility === "members" ? row.slug : null, ministryName: erased ? null : row.ministryName });
    byPair.set(row.pairId, list);
  }
  return byPair;
}

/** For the programme team: active participants counted by ministry (« Ministère non renseigné » last). */
export async function countParticipantsByMinistry(db: Executor): Promise<{ ministryName: string | null; count: number }[]> {
  const people = await listActiveParticipants(db);
  const counts = new Map<string | null, number>();
  for (const person of people) counts.set(person.ministryName, (counts.get(person.ministryName) ?? 0) + 1);
  return [...counts.entries()]
    .map(([ministryName, count]) => ({ ministryName, count }))
    .sort((a, b) => (a.ministryName === null ? 1 : b.ministryName === null ? -1 : b.count - a.count || a.ministryName.localeCompare(b.ministryName, "fr")));
}

export type RoundSummary = { month: string; ranAt: Date; pairs: Partner[][]; unpairedCount: number };

/** For the programme team: the rounds, latest first, each with its pairs. */
export async function listRounds(db: Executor, limit = 12): Promise<RoundSummary[]> {
  const rounds = await db.select().from(cafeRounds).orderBy(desc(cafeRounds.month)).limit(limit);
  if (rounds.length === 0) return [];
  const pairs = await db
    .select({ id: cafePairs.id, roundId: cafePairs.roundId, size: cafePairs.size })
    .from(cafePairs)
    .where(
      inArray(
        cafePairs.roundId,
        rounds.map((round) => round.id),
      ),
    );
  const partners = pairs.length > 0 ? await partnersOfPairs(db, pairs.map((pair) => pair.id)) : new Map<string, (Partner & { userId: string })[]>();
  return rounds.map((round) => ({
    month: round.month,
    ranAt: round.ranAt,
    unpairedCount: round.unpairedUserIds.length,
    pairs: pairs
      .filter((pair) => pair.roundId === round.id)
      .map((pair) => {
        const members: Partner[] = (partners.get(pair.id) ?? []).map(({ userId: _, ...partner }) => partner);
        while (members.length < pair.size) members.push({ name: formerMemberLabel, slug: null, ministryName: null });
        return members;
      }),
  }));
}
