import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../../db/client.ts";
import { displayName } from "../identity/api.ts";
import { type JobFamily, jobFamilies, type ProfileVisibility } from "./domain/profile-choices.ts";
import { compareFrench } from "./domain/french-order.ts";
import { canSeeProfile, type Viewer } from "./domain/visibility.ts";
import { profilePath } from "./views/profile-page.tsx";

/** An accepted skill and how many members marked it at each level. */
export type SkillLevelCount = { slug: string; name: string; category: string; curious: number; knows: number; experts: number };

/**
 * Per accepted skill, the members who marked it curieux·se (1), je connais (2), expert·e (3). Counted
 * over the profiles every member may see (joined, account not erased, open to members): a profile kept
 * for the programme team is left out, so a public figure never hints at it (ADR 0031). Skills nobody
 * marked are returned with zeros.
 */
export async function countSkillLevels(db: Executor): Promise<SkillLevelCount[]> {
  const rows = rowsOf<{ slug: string; name: string; category: string; curious: number; knows: number; experts: number }>(
    await db.execute(sql`
      with counts as (
        select ps.skill_id,
          count(*) filter (where ps.level = 1)::int as curious,
          count(*) filter (where ps.level = 2)::int as knows,
          count(*) filter (where ps.level = 3)::int as experts
        from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id
        where p.joined_at is not null and u.erased_at is null and p.visibility = 'members'
        group by ps.skill_id
      )
      select s.slug, s.name, s.category, coalesce(c.curious, 0) as curious, coalesce(c.knows, 0) as knows, coalesce(c.experts, 0) as experts
      from skills s left join counts c on c.skill_id = s.id
      where s.status = 'accepted'`),
  );
  return rows
    .map((row) => ({ slug: row.slug, name: row.name, category: row.category, curious: Number(row.curious), knows: Number(row.knows), experts: Number(row.experts) }))
    .sort((a, b) => compareFrench(a.name, b.name));
}

/** An expert to meet: what their card shows. */
export type ExpertToMeet = { slug: string; path: string; name: string; jobLabel: string | null; organisation: string | null; ministry: string | null };

/** A skill the member is curious about and experts of other ministries in it (a few, by name), with how many there are. */
export type ExpertsForCuriosity = { skill: { slug: string; name: string; category: string }; experts: ExpertToMeet[]; total: number };

/**
 * « Qui rencontrer » for the member `viewer`: for each accepted skill they marked curieux·se, the
 * expert·es of OTHER ministries (their organisation's ministry known and not the member's), at most
 * `perSkill` of them by name, and how many in all. Only profiles `viewer` may see (`canSeeProfile`);
 * never the member themself. Skills in French order; a skill without such an expert has an empty list.
 */
export async function listExpertsToMeet(db: Executor, viewer: Viewer, options: { perSkill: number }): Promise<ExpertsForCuriosity[]> {
  const curiosities = rowsOf<{ id: string; slug: string; name: string; category: string }>(
    await db.execute(sql`
      select s.id, s.slug, s.name, s.category from profile_skills ps join skills s on s.id = ps.skill_id
      where ps.user_id = ${viewer.id}::uuid and ps.level = 1 and s.status = 'accepted'`),
  );
  if (curiosities.length === 0) return [];
  const [own] = rowsOf<{ ministry_id: string | null }>(
    await db.execute(sql`select o.ministry_id::text from users u left join organisations o on o.id = u.organisation_id where u.id = ${viewer.id}::uuid`),
  );
  const ownMinistry = own?.ministry_id ?? null;
  const experts = rowsOf<{
    skill_id: string;
    user_id: string;
    slug: string;
    email: string;
    given_name: string | null;
    usual_name: string | null;
    job_family: string | null;
    visibility: ProfileVisibility;
    joined: boolean;
    erased: boolean;
    organisation: string | null;
    ministry_id: string;
    ministry: string | null;
  }>(
    await db.execute(sql`
      select ps.skill_id::text, p.user_id::text, p.slug, u.email, u.given_name, u.usual_name, p.job_family, p.visibility,
        p.joined_at is not null as joined, u.erased_at is not null as erased,
        o.name as organisation, o.ministry_id::text, m.name as ministry
      from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id
      join organisations o on o.id = u.organisation_id left join organisations m on m.id = o.ministry_id
      where ps.level = 3 and ps.skill_id in (${sql.join(
        curiosities.map((skill) => sql`${skill.id}::uuid`),
        sql`, `,
      )})
        and p.user_id <> ${viewer.id}::uuid and o.ministry_id is not null
        ${ownMinistry ? sql`and o.ministry_id <> ${ownMinistry}::uuid` : sql``}
        and p.joined_at is not null and u.erased_at is null`),
  );
  // The one visibility rule decides who is listed, as on profile pages and in the directory.
  const visible = experts.filter((row) => canSeeProfile(viewer, { userId: row.user_id, visibility: row.visibility, joined: row.joined, erased: row.erased }));
  return curiosities
    .map((skill) => {
      const people = visible
        .filter((row) => row.skill_id === skill.id)
        .map((row) => ({
          slug: row.slug,
          path: profilePath(row.slug),
          name: displayName({ email: row.email, givenName: row.given_name, usualName: row.usual_name }),
          jobLabel: row.job_family && row.job_family in jobFamilies ? jobFamilies[row.job_family as JobFamily] : null,
          organisation: row.organisation,
          ministry: row.ministry,
          sortKey: [row.usual_name ?? "", row.given_name ?? ""].join(" "),
        }))
        .sort((a, b) => compareFrench(a.sortKey, b.sortKey) || a.slug.localeCompare(b.slug));
      return {
        skill: { slug: skill.slug, name: skill.name, category: skill.category },
        experts: people.slice(0, options.perSkill).map(({ sortKey: _sortKey, ...expert }) => expert),
        total: people.length,
      };
    })
    .sort((a, b) => compareFrench(a.skill.name, b.skill.name));
}
