// Test support: a small deterministic builder of directory rows (organisations, accounts, profiles,
// skills and levels, participations), inserted straight into the test database. Each person gets the
// defaults below unless the test says otherwise; slugs and addresses follow the order of creation.
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { organisations, participations, profileSkills, profiles, skills, userRoles, users } from "../../../db/schema/index.ts";
import type { JobFamily, ProfileVisibility, SkillLevel } from "../domain/profile-choices.ts";
import { skillVocabulary } from "../domain/skill-vocabulary.ts";
import { slugify } from "../../../shared/slug.ts";

export type FixturePerson = {
  givenName: string;
  usualName: string;
  email?: string;
  organisationId?: string | null;
  jobFamily?: JobFamily | null;
  bio?: string | null;
  learningWishes?: string | null;
  /** Skill slug → level. */
  skills?: Record<string, SkillLevel>;
  visibility?: ProfileVisibility;
  /** false: still in the joining wizard (not listed). */
  joined?: boolean;
  /** true: the account was deleted (« ancien membre »). */
  erased?: boolean;
  participations?: { season: string; projectSlug?: string; projectTitle?: string }[];
  /** Also a member of the programme team. */
  programmeTeam?: boolean;
};

const joinedAt = new Date("2026-01-15T09:00:00Z");


export function createDirectoryFixtures(db: Database) {
  let created = 0;
  const skillIds = new Map<string, string>();

  /** The seeded vocabulary (kept if already there); returns each slug's id. */
  async function vocabulary(): Promise<Map<string, string>> {
    if (skillIds.size > 0) return skillIds;
    await db
      .insert(skills)
      .values(skillVocabulary.map((skill) => ({ slug: skill.slug, name: skill.name, category: skill.category, synonyms: skill.synonyms })))
      .onConflictDoNothing();
    for (const row of await db.select({ id: skills.id, slug: skills.slug }).from(skills)) skillIds.set(row.slug, row.id);
    return skillIds;
  }

  /** An organisation; its ministry is itself for a ministry, else its parent's. */
  async function organisation(input: { name: string; acronym?: string; kind: "ministry" | "body" | "service"; parentId?: string }): Promise<string> {
    let ministryId: string | null = null;
    if (input.parentId) {
      const [parent] = await db.select({ kind: organisations.kind, ministryId: organisations.ministryId, id: organisations.id }).from(organisations).where(eq(organisations.id, input.parentId));
      ministryId = parent?.kind === "ministry" ? parent.id : (parent?.ministryId ?? null);
    }
    const [row] = await db
      .insert(organisations)
      .values({ name: input.name, acronym: input.acronym ?? null, kind: input.kind, parentId: input.parentId ?? null, ministryId })
      .returning({ id: organisations.id });
    if (input.kind === "ministry") await db.update(organisations).set({ ministryId: row!.id }).where(eq(organisations.id, row!.id));
    return row!.id;
  }

  /** An account with its profile (levels first: the profile's search document is then computed once, on insert). */
  async function person(input: FixturePerson): Promise<{ userId: string; slug: string; email: string }> {
    created += 1;
    const ids = await vocabulary();
    const base = slugify(`${input.givenName} ${input.usualName}`);
    const email = input.email ?? `${base.replace(/-/g, ".")}.${created}@insee.fr`;
    const [user] = await db
      .insert(users)
      .values({ email, givenName: input.givenName, usualName: input.usualName, organisationId: input.organisationId ?? null, erasedAt: input.erased ? joinedAt : null })
      .returning({ id: users.id });
    const userId = user!.id;
    if (input.programmeTeam) await db.insert(userRoles).values([{ userId, role: "member" }, { userId, role: "programme_team" }]);
    const levels = Object.entries(input.skills ?? {}).map(([slug, level]) => {
      const skillId = ids.get(slug);
      if (!skillId) throw new Error(`Compétence inconnue dans le jeu de test : ${slug}`);
      return { userId, skillId, level };
    });
    if (levels.length > 0) await db.insert(profileSkills).values(levels);
    const joined = input.joined ?? true;
    const slug = `${base}-${created}`;
    await db.insert(profiles).values({
      userId,
      slug,
      jobFamily: input.jobFamily === undefined ? "data_scientist" : input.jobFamily,
      bio: input.bio ?? null,
      learningWishes: input.learningWishes ?? null,
      visibility: input.visibility ?? "members",
      onboardingStep: joined ? 4 : 2,
      joinedAt: joined ? joinedAt : null,
      charterAcceptedAt: joined ? joinedAt : null,
    });
    if (input.participations?.length) {
      await db.insert(participations).values(input.participations.map((entry) => ({ userId, season: entry.season, projectSlug: entry.projectSlug ?? null, projectTitle: entry.projectTitle ?? null })));
    }
    return { userId, slug, email };
  }

  /** An account without a profile (someone who only searches), in the programme team if asked. */
  async function account(input: { email: string; givenName: string; usualName: string; programmeTeam?: boolean }): Promise<string> {
    const [user] = await db.insert(users).values({ email: input.email, givenName: input.givenName, usualName: input.usualName }).returning({ id: users.id });
    await db.insert(userRoles).values([{ userId: user!.id, role: "member" }, ...(input.programmeTeam ? [{ userId: user!.id, role: "programme_team" }] : [])]);
    return user!.id;
  }

  return { vocabulary, organisation, person, account };
}
