import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { participations, profileSkills, profiles, skills, users } from "../../db/schema/index.ts";
import { displayName } from "../identity/api.ts";
import { compareFrench, sortFrench } from "./domain/french-order.ts";
import type { ProfileVisibility, SkillLevel } from "./domain/profile-choices.ts";
import type { SkillCategory } from "./domain/skill-vocabulary.ts";

/** A profile with what it shows of its account. */
export type Profile = {
  userId: string;
  slug: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  organisationId: string | null;
  /** The organisation as the member wrote it, when it is not in the list. */
  unlistedOrganisation: string | null;
  erased: boolean;
  jobFamily: string | null;
  bio: string | null;
  learningWishes: string | null;
  availability: string | null;
  forgeUrl: string | null;
  tchapId: string | null;
  managerName: string | null;
  managerEmail: string | null;
  visibility: ProfileVisibility;
  charterAcceptedAt: Date | null;
  onboardingStep: number;
  joinedAt: Date | null;
};

export type Skill = { id: string; slug: string; name: string; category: SkillCategory; synonyms: string[]; status: "accepted" | "proposed"; proposedBy: string | null };
export type ProfileSkill = Skill & { level: SkillLevel };
export type Participation = { season: string; projectSlug: string | null; projectTitle: string | null; role: string | null };

const profileColumns = {
  userId: profiles.userId,
  slug: profiles.slug,
  email: users.email,
  givenName: users.givenName,
  usualName: users.usualName,
  organisationId: users.organisationId,
  unlistedOrganisation: profiles.unlistedOrganisation,
  erased: sql<boolean>`${users.erasedAt} is not null`,
  jobFamily: profiles.jobFamily,
  bio: profiles.bio,
  learningWishes: profiles.learningWishes,
  availability: profiles.availability,
  forgeUrl: profiles.forgeUrl,
  tchapId: profiles.tchapId,
  managerName: profiles.managerName,
  managerEmail: profiles.managerEmail,
  visibility: sql<ProfileVisibility>`${profiles.visibility}`,
  charterAcceptedAt: profiles.charterAcceptedAt,
  onboardingStep: profiles.onboardingStep,
  joinedAt: profiles.joinedAt,
};

const skillColumns = {
  id: skills.id,
  slug: skills.slug,
  name: skills.name,
  category: sql<SkillCategory>`${skills.category}`,
  synonyms: skills.synonyms,
  status: sql<Skill["status"]>`${skills.status}`,
  proposedBy: skills.proposedBy,
};

export async function findProfileByUserId(db: Executor, userId: string): Promise<Profile | null> {
  const [row] = await db.select(profileColumns).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(profiles.userId, userId));
  return row ?? null;
}

export async function findProfileBySlug(db: Executor, slug: string): Promise<Profile | null> {
  const [row] = await db.select(profileColumns).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(profiles.slug, slug));
  return row ?? null;
}

/** The slugs already taken among `base` and `base-<n>`. */
export async function listTakenProfileSlugs(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: profiles.slug })
    .from(profiles)
    .where(or(eq(profiles.slug, base), sql`${profiles.slug} ~ ${`^${escapeRegex(base)}-[0-9]+$`}`));
  return new Set(rows.map((row) => row.slug));
}

export async function listTakenSkillSlugs(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: skills.slug })
    .from(skills)
    .where(or(eq(skills.slug, base), sql`${skills.slug} ~ ${`^${escapeRegex(base)}-[0-9]+$`}`));
  return new Set(rows.map((row) => row.slug));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A member's skills with their level, in French alphabetical order. */
export async function listProfileSkills(db: Executor, userId: string): Promise<ProfileSkill[]> {
  const rows = await db
    .select({ ...skillColumns, level: profileSkills.level })
    .from(profileSkills)
    .innerJoin(skills, eq(skills.id, profileSkills.skillId))
    .where(eq(profileSkills.userId, userId));
  return sortFrench(rows, (row) => row.name).map((row) => ({ ...row, level: row.level as SkillLevel }));
}

/** A member's participations, the latest season first, then by project title in French order. */
export async function listParticipations(db: Executor, userId: string): Promise<Participation[]> {
  const rows = await db
    .select({ season: participations.season, projectSlug: participations.projectSlug, projectTitle: participations.projectTitle, role: participations.role })
    .from(participations)
    .where(eq(participations.userId, userId));
  return rows.sort((a, b) => compareFrench(b.season, a.season) || compareFrench(a.projectTitle ?? "", b.projectTitle ?? ""));
}

/** The vocabulary a member picks from, in French order: accepted skills, and the ones this member proposed. */
export async function listSkillsOffered(db: Executor, userId: string): Promise<Skill[]> {
  const rows = await db
    .select(skillColumns)
    .from(skills)
    .where(or(eq(skills.status, "accepted"), and(eq(skills.status, "proposed"), eq(skills.proposedBy, userId))));
  return sortFrench(rows, (row) => row.name);
}

export async function findSkillById(db: Executor, id: string): Promise<Skill | null> {
  const [row] = await db.select(skillColumns).from(skills).where(eq(skills.id, id));
  return row ?? null;
}

export async function findSkillBySlug(db: Executor, slug: string): Promise<Skill | null> {
  const [row] = await db.select(skillColumns).from(skills).where(eq(skills.slug, slug));
  return row ?? null;
}

export async function listSkillsByIds(db: Executor, ids: string[]): Promise<Skill[]> {
  if (ids.length === 0) return [];
  return db.select(skillColumns).from(skills).where(inArray(skills.id, ids));
}

/** A skill whose name or one of its synonyms is `name`, whatever the case and accents. */
export async function findSkillByNameOrSynonym(db: Executor, name: string): Promise<Skill | null> {
  const [row] = await db
    .select(skillColumns)
    .from(skills)
    .where(
      sql`immutable_unaccent(lower(${skills.name})) = immutable_unaccent(lower(${name}))
        or exists (select 1 from unnest(${skills.synonyms}) as synonym where immutable_unaccent(lower(synonym)) = immutable_unaccent(lower(${name})))`,
    )
    .orderBy(sql`${skills.status} = 'accepted' desc`)
    .limit(1);
  return row ?? null;
}

export async function countPendingProposals(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(skills)
    .where(and(eq(skills.status, "proposed"), eq(skills.proposedBy, userId)));
  return row?.count ?? 0;
}

export type SkillWithUsage = Skill & { memberCount: number; proposerName: string | null; proposerSlug: string | null };

/** The whole vocabulary for the programme team: joined members per skill, and who proposed a pending one. */
export async function listSkillsWithUsage(db: Executor): Promise<SkillWithUsage[]> {
  const rows = await db
    .select({
      ...skillColumns,
      // Members as the directory counts them: joined (wizard finished), account not erased.
      memberCount: sql<number>`(
        select count(*)::int from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = ps.user_id
        where ps.skill_id = ${skills.id} and p.joined_at is not null and u.erased_at is null)`,
      proposerGivenName: users.givenName,
      proposerUsualName: users.usualName,
      proposerEmail: users.email,
      proposerSlug: profiles.slug,
    })
    .from(skills)
    .leftJoin(users, eq(users.id, skills.proposedBy))
    .leftJoin(profiles, eq(profiles.userId, skills.proposedBy));
  return sortFrench(rows, (row) => row.name).map(({ proposerGivenName, proposerUsualName, proposerEmail, ...row }) => ({
    ...row,
    // identity's one way to name an account: « Ancien membre » once it is erased, never its placeholder address.
    proposerName: proposerEmail === null ? null : displayName({ givenName: proposerGivenName, usualName: proposerUsualName, email: proposerEmail }),
  }));
}

export async function countSkills(db: Executor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(skills);
  return row?.count ?? 0;
}

export type UnlistedOrganisation = { name: string; memberCount: number; listedOrganisationIds: string[] };

/**
 * Organisations members wrote because the list lacked them, one row per name (accents, case and outer
 * spaces ignored), most members first: what the programme team should create. `listedOrganisationIds`
 * are the closest organisations of the list these members chose alongside, if any.
 */
export async function listUnlistedOrganisations(db: Executor): Promise<UnlistedOrganisation[]> {
  const rows = await db
    .select({
      name: sql<string>`min(btrim(${profiles.unlistedOrganisation}))`,
      memberCount: sql<number>`count(*)::int`,
      listedOrganisationIds: sql<string[] | null>`array_agg(distinct ${users.organisationId}::text) filter (where ${users.organisationId} is not null)`,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(isNotNull(profiles.unlistedOrganisation), isNull(users.erasedAt)))
    .groupBy(sql`immutable_unaccent(lower(btrim(${profiles.unlistedOrganisation})))`);
  return rows
    .map((row) => ({ ...row, listedOrganisationIds: row.listedOrganisationIds ?? [] }))
    .sort((a, b) => b.memberCount - a.memberCount || compareFrench(a.name, b.name));
}
