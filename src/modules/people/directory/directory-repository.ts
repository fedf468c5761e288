import { type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../../../db/client.ts";
import type { JobFamily, ProfileVisibility, SkillLevel } from "../domain/profile-choices.ts";
import { type DirectoryFilters, type DirectoryQuery, isCorrectable, queryWords } from "./directory-query.ts";

/** Who is searching: the programme team also sees the profiles kept for it (`read:hidden-profile:any`). */
export type DirectoryViewer = { id: string; canSeeHiddenProfiles: boolean };

/** A query word that matched nothing, and the known words it was read as. */
export type Correction = { word: string; replacements: string[] };

/**
 * A query ready to run: the tsquery that selects profiles (every word, or its corrections), the one
 * that marks matching skills (any word), and the corrections made.
 */
export type SearchPlan = { match: SQL; anyWord: SQL; corrections: Correction[] } | null;

const config = sql`'fr_unaccent'::regconfig`;
const plain = (word: string) => sql`plainto_tsquery(${config}, ${word})`;

/**
 * Profiles listed in the directory for `viewer`, as `p` (profiles) joined to `u` (users): joined,
 * account not erased, open to members unless the viewer is the programme team or the person themself
 * (the rule of `canSeeProfile`).
 */
function listedFor(viewer: DirectoryViewer): SQL {
  const audience = viewer.canSeeHiddenProfiles ? sql`true` : sql`(p.visibility = 'members' or p.user_id = ${viewer.id})`;
  return sql`p.joined_at is not null and u.erased_at is null and ${audience}`;
}

function textArray(values: string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}::text`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Reads the query: each word is looked up on its own among the profiles the viewer may see; a word
 * found nowhere (a typo: « pyton ») is replaced by the closest known words of names, skills, job and
 * organisation (trigrams on `search_text`), at most three. Without corrections, the query keeps the web
 * search syntax of `websearch_to_tsquery` ("exact phrase", -excluded, or).
 */
export async function planSearch(db: Executor, viewer: DirectoryViewer, query: string): Promise<SearchPlan> {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const found = rowsOf<{ word: string; meaningful: boolean; found: boolean }>(
    await db.execute(sql`
      select w.word, numnode(plainto_tsquery(${config}, w.word)) > 0 as meaningful,
        exists (select 1 from profiles p join users u on u.id = p.user_id where ${listedFor(viewer)} and p.search_vector @@ plainto_tsquery(${config}, w.word)) as found
      from unnest(${textArray(words)}) as w(word)`),
  );
  const meaningful = found.filter((row) => row.meaningful);
  if (meaningful.length === 0) return { match: sql`''::tsquery`, anyWord: sql`''::tsquery`, corrections: [] };
  const missing = meaningful.filter((row) => !row.found && isCorrectable(row.word)).map((row) => row.word);
  const replacements = missing.length > 0 ? await closestKnownWords(db, viewer, missing) : new Map<string, string[]>();
  const corrections = missing.filter((word) => (replacements.get(word) ?? []).length > 0).map((word) => ({ word, replacements: replacements.get(word)! }));
  const pieces = meaningful.map((row) => {
    const replaced = replacements.get(row.word) ?? [];
    if (replaced.length === 0) return plain(row.word);
    return sql`(${sql.join(replaced.map(plain), sql` || `)})`;
  });
  const anyWord = sql`(${sql.join(pieces, sql` || `)})`;
  if (corrections.length === 0) return { match: sql`websearch_to_tsquery(${config}, ${query})`, anyWord, corrections };
  return { match: sql`(${sql.join(pieces, sql` && `)})`, anyWord, corrections };
}

/** Similarity (trigrams) a known word needs to stand in for a typo; words almost as close as the best are kept too. */
const minimumSimilarity = 0.3;
const wordSimilarityThreshold = 0.5;
const closeToBest = 0.02;

async function closestKnownWords(db: Executor, viewer: DirectoryViewer, words: string[]): Promise<Map<string, string[]>> {
  // `<%` (word similarity ≥ pg_trgm.word_similarity_threshold) goes through the trigram index; a few
  // matching documents are enough to collect the candidate words, ranked by their own similarity.
  // The default threshold (0.6) misses one-letter typos in short words (« pyton » → python: 0.5).
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local pg_trgm.word_similarity_threshold = ${sql.raw(String(wordSimilarityThreshold))}`);
    return rowsOf<{ word: string; candidate: string; score: number }>(
      await tx.execute(sql`
        select w.word, c.candidate, c.score
        from unnest(${textArray(words)}) as w(word)
        cross join lateral (
          select candidate, max(similarity(candidate, immutable_unaccent(w.word)))::float8 as score
          from (
            select p.search_text from profiles p join users u on u.id = p.user_id
            where immutable_unaccent(w.word) <% p.search_text and ${listedFor(viewer)}
            limit 40
          ) as documents
          cross join lateral regexp_split_to_table(documents.search_text, '[^[:alnum:]]+') as candidate
          where length(candidate) >= 3
          group by candidate
          order by score desc, candidate
          limit 5
        ) as c`),
    );
  });
  const result = new Map<string, string[]>();
  for (const word of words) {
    const candidates = rows.filter((row) => row.word === word && Number(row.score) >= minimumSimilarity);
    const best = Math.max(...candidates.map((row) => Number(row.score)));
    result.set(
      word,
      candidates
        .filter((row) => Number(row.score) >= best - closeToBest)
        .slice(0, 3)
        .map((row) => row.candidate),
    );
  }
  return result;
}

/** A filter value (ministry, organisation, job, skill, season, project) with its number of profiles. */
export type FacetCount = { value: string; label: string; count: number };

export type DirectoryFacets = {
  ministries: FacetCount[];
  organisations: FacetCount[];
  jobFamilies: Partial<Record<JobFamily, number>>;
  skills: FacetCount[];
  seasons: FacetCount[];
  projects: FacetCount[];
};

export type DirectoryCardSkill = { slug: string; name: string; level: SkillLevel; matches: boolean };

export type DirectoryCard = {
  userId: string;
  slug: string;
  givenName: string | null;
  usualName: string | null;
  jobFamily: JobFamily | null;
  organisation: string | null;
  organisationAcronym: string | null;
  ministry: string | null;
  visibility: ProfileVisibility;
  skills: DirectoryCardSkill[];
};

export type DirectoryResults = { total: number; page: number; pageCount: number; cards: DirectoryCard[]; facets: DirectoryFacets };

type Flag = "in_ministry" | "in_organisation" | "in_job" | "has_skill" | "in_season" | "in_project";
const flags: Flag[] = ["in_ministry", "in_organisation", "in_job", "has_skill", "in_season", "in_project"];
/** Every filter but `except` (classic faceting: a facet's counts ignore its own filter). */
const allFlagsBut = (except?: Flag) => sql.raw(flags.filter((flag) => flag !== except).join(" and "));

/**
 * The profiles a search may return, as the CTEs `org_tree` (each organisation and its ancestors),
 * `matched` (listed for the viewer and matching the query, with their rank) and `flagged` (one boolean
 * per filter, so that each facet can leave its own filter out).
 */
function searchScope(viewer: DirectoryViewer, plan: SearchPlan, filters: DirectoryFilters): SQL {
  const rank = plan ? sql`ts_rank(p.search_vector, ${plan.match})` : sql`0`;
  const skill = filters.skill;
  return sql`
    with recursive org_tree(organisation_id, ancestor_id, depth) as (
      select id, id, 0 from organisations
      union all
      select t.organisation_id, o.parent_id, t.depth + 1 from org_tree t join organisations o on o.id = t.ancestor_id
      where o.parent_id is not null and t.depth < 20
    ),
    matched as materialized (
      select p.user_id, p.job_family, u.organisation_id, o.ministry_id, ${rank}::float4 as rank,
        immutable_unaccent(lower(concat_ws(' ', u.usual_name, u.given_name))) as sort_key
      from profiles p join users u on u.id = p.user_id left join organisations o on o.id = u.organisation_id
      where ${listedFor(viewer)} ${plan ? sql`and p.search_vector @@ ${plan.match}` : sql``}
    ),
    flagged as materialized (
      select m.*,
        ${filters.ministryId ? sql`m.ministry_id is not distinct from ${filters.ministryId}::uuid` : sql`true`} as in_ministry,
        ${filters.organisationId ? sql`m.organisation_id in (select organisation_id from org_tree where ancestor_id = ${filters.organisationId}::uuid)` : sql`true`} as in_organisation,
        ${filters.jobFamily ? sql`m.job_family is not distinct from ${filters.jobFamily}` : sql`true`} as in_job,
        ${skill ? sql`m.user_id in (select user_id from profile_skills where skill_id = ${skill.id}::uuid and level >= ${skill.minLevel})` : sql`true`} as has_skill,
        ${filters.season ? sql`m.user_id in (select user_id from participations where season = ${filters.season})` : sql`true`} as in_season,
        ${filters.projectSlug ? sql`m.user_id in (select user_id from participations where project_slug = ${filters.projectSlug})` : sql`true`} as in_project
      from matched m
    )`;
}

type FacetRow = { value: string; label: string | null; count: number };
const pairs = (rows: unknown): FacetRow[] => ((rows ?? []) as FacetRow[]).map((row) => ({ value: String(row.value), label: row.label, count: Number(row.count) }));

/**
 * One page of the directory for `viewer`: the profiles matching the query and every filter, by relevance
 * (then name) with a query, by name without; their total; and for each filter the number of profiles per
 * value, counted with the query and the other filters.
 */
export async function searchDirectory(
  db: Executor,
  options: { viewer: DirectoryViewer; plan: SearchPlan; filters: DirectoryFilters; page: number; pageSize: number },
): Promise<DirectoryResults> {
  const { viewer, plan, filters, pageSize } = options;
  const run = async (page: number) => {
    const minLevel = filters.skill?.minLevel ?? 1;
    const [row] = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        ${searchScope(viewer, plan, filters)}
        select
          (select count(*)::int from flagged where ${allFlagsBut()}) as total,
          (select coalesce(json_agg(r.user_id order by r.rank desc, r.sort_key, r.user_id), '[]') from (
            select user_id, rank, sort_key from flagged where ${allFlagsBut()}
            order by rank desc, sort_key, user_id limit ${pageSize} offset ${(page - 1) * pageSize}
          ) as r) as page_ids,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', x.label, 'count', x.count)), '[]') from (
            select f.ministry_id as value, min(o.name) as label, count(*)::int as count
            from flagged f join organisations o on o.id = f.ministry_id
            where ${allFlagsBut("in_ministry")} group by f.ministry_id
          ) as x) as ministries,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', x.label, 'count', x.count)), '[]') from (
            select t.ancestor_id as value, min(case when o.acronym is null then o.name else o.name || ' (' || o.acronym || ')' end) as label, count(*)::int as count
            from flagged f join org_tree t on t.organisation_id = f.organisation_id join organisations o on o.id = t.ancestor_id
            where o.kind <> 'ministry' and ${allFlagsBut("in_organisation")} group by t.ancestor_id
          ) as x) as organisations,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', null, 'count', x.count)), '[]') from (
            select job_family as value, count(*)::int as count from flagged
            where job_family is not null and ${allFlagsBut("in_job")} group by job_family
          ) as x) as job_families,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', x.label, 'count', x.count)), '[]') from (
            select s.slug as value, min(s.name) as label, count(*)::int as count
            from flagged f join profile_skills ps on ps.user_id = f.user_id and ps.level >= ${minLevel} join skills s on s.id = ps.skill_id
            where s.status = 'accepted' and ${allFlagsBut("has_skill")} group by s.slug
          ) as x) as skills,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', x.value, 'count', x.count)), '[]') from (
            select pa.season as value, count(distinct f.user_id)::int as count
            from flagged f join participations pa on pa.user_id = f.user_id
            where ${allFlagsBut("in_season")} group by pa.season
          ) as x) as seasons,
          (select coalesce(json_agg(json_build_object('value', x.value, 'label', x.label, 'count', x.count)), '[]') from (
            select pa.project_slug as value, max(coalesce(pa.project_title, pa.project_slug)) as label, count(distinct f.user_id)::int as count
            from flagged f join participations pa on pa.user_id = f.user_id
            where pa.project_slug is not null and ${allFlagsBut("in_project")} group by pa.project_slug
          ) as x) as projects`),
    );
    return row ?? {};
  };

  let page = options.page;
  let row = await run(page);
  const total = Number(row.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (an old link) shows the last one.
  if (page > pageCount) {
    page = pageCount;
    row = await run(page);
  }
  const ids = (row.page_ids ?? []) as string[];
  const jobFamilies = Object.fromEntries(pairs(row.job_families).map((facet) => [facet.value, facet.count])) as Partial<Record<JobFamily, number>>;
  const labelled = (rows: unknown) => pairs(rows).map((facet) => ({ value: facet.value, label: facet.label ?? facet.value, count: facet.count }));
  return {
    total,
    page,
    pageCount,
    cards: await describeProfiles(db, ids, plan),
    facets: {
      ministries: labelled(row.ministries),
      organisations: labelled(row.organisations),
      jobFamilies,
      skills: labelled(row.skills),
      seasons: labelled(row.seasons),
      projects: labelled(row.projects),
    },
  };
}

type CardRow = {
  user_id: string;
  slug: string;
  given_name: string | null;
  usual_name: string | null;
  job_family: string | null;
  organisation: string | null;
  organisation_acronym: string | null;
  ministry: string | null;
  visibility: string;
  skills: { slug: string; name: string; level: number; matches: boolean }[] | null;
};

/** What a result card shows, in the order of `ids`; skills matching any query word are flagged. */
async function describeProfiles(db: Executor, ids: string[], plan: SearchPlan): Promise<DirectoryCard[]> {
  if (ids.length === 0) return [];
  const matches = plan ? sql`to_tsvector(${config}, s.name || ' ' || array_to_string(s.synonyms, ' ')) @@ ${plan.anyWord}` : sql`false`;
  const rows = rowsOf<CardRow>(
    await db.execute(sql`
      select p.user_id, p.slug, u.given_name, u.usual_name, p.job_family, o.name as organisation, o.acronym as organisation_acronym,
        m.name as ministry, p.visibility,
        (select json_agg(json_build_object('slug', s.slug, 'name', s.name, 'level', ps.level, 'matches', ${matches}))
          from profile_skills ps join skills s on s.id = ps.skill_id where ps.user_id = p.user_id and s.status = 'accepted') as skills
      from profiles p join users u on u.id = p.user_id
      left join organisations o on o.id = u.organisation_id left join organisations m on m.id = o.ministry_id
      where p.user_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
  const byId = new Map(rows.map((row) => [row.user_id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const skills = (row.skills ?? [])
      .map((skill) => ({ slug: skill.slug, name: skill.name, level: Number(skill.level) as SkillLevel, matches: Boolean(skill.matches) }))
      .sort((a, b) => Number(b.matches) - Number(a.matches) || b.level - a.level || a.name.localeCompare(b.name, "fr"));
    return [
      {
        userId: row.user_id,
        slug: row.slug,
        givenName: row.given_name,
        usualName: row.usual_name,
        jobFamily: row.job_family as JobFamily | null,
        organisation: row.organisation,
        organisationAcronym: row.organisation_acronym,
        ministry: row.ministry,
        visibility: row.visibility as ProfileVisibility,
        skills,
      },
    ];
  });
}

export type ExportRow = {
  usualName: string | null;
  givenName: string | null;
  email: string;
  organisation: string | null;
  ministry: string | null;
  jobFamily: JobFamily | null;
  skills: { name: string; level: SkillLevel }[];
  visibility: ProfileVisibility;
};

/** Every profile of the search (all pages), in the directory's order, with what the CSV export shows. */
export async function listDirectoryForExport(db: Executor, options: { viewer: DirectoryViewer; plan: SearchPlan; filters: DirectoryFilters }): Promise<ExportRow[]> {
  const rows = rowsOf<{
    usual_name: string | null;
    given_name: string | null;
    email: string;
    organisation: string | null;
    ministry: string | null;
    job_family: string | null;
    visibility: string;
    skills: { name: string; level: number }[] | null;
  }>(
    await db.execute(sql`
      ${searchScope(options.viewer, options.plan, options.filters)}
      select u.usual_name, u.given_name, u.email, o.name as organisation, m.name as ministry, p.job_family, p.visibility,
        (select json_agg(json_build_object('name', s.name, 'level', ps.level) order by ps.level desc, s.name)
          from profile_skills ps join skills s on s.id = ps.skill_id where ps.user_id = p.user_id and s.status = 'accepted') as skills
      from flagged f join profiles p on p.user_id = f.user_id join users u on u.id = f.user_id
      left join organisations o on o.id = u.organisation_id left join organisations m on m.id = o.ministry_id
      where ${allFlagsBut()}
      order by f.rank desc, f.sort_key, f.user_id`),
  );
  return rows.map((row) => ({
    usualName: row.usual_name,
    givenName: row.given_name,
    email: row.email,
    organisation: row.organisation,
    ministry: row.ministry,
    jobFamily: row.job_family as JobFamily | null,
    skills: (row.skills ?? []).map((skill) => ({ name: skill.name, level: Number(skill.level) as SkillLevel })),
    visibility: row.visibility as ProfileVisibility,
  }));
}

/**
 * The filter values of a URL that exist (a ministry that is a ministry, an accepted skill, a season or
 * project someone the viewer may see took part in); others are dropped, so an old or edited link still answers.
 */
export async function resolveFilters(db: Executor, viewer: DirectoryViewer, query: DirectoryQuery): Promise<DirectoryFilters> {
  // A season or project counts only through the profiles the viewer may see (no hint of hidden ones).
  const takenPart = (condition: SQL) =>
    sql`exists (select 1 from participations pa join profiles p on p.user_id = pa.user_id join users u on u.id = p.user_id where ${condition} and ${listedFor(viewer)})`;
  const [row] = rowsOf<{ ministry: string | null; organisation: string | null; skill: string | null; season: string | null; project: string | null }>(
    await db.execute(sql`
      select
        ${query.ministere ? sql`(select id::text from organisations where id = ${query.ministere}::uuid and kind = 'ministry')` : sql`null`} as ministry,
        ${query.organisation ? sql`(select id::text from organisations where id = ${query.organisation}::uuid and kind <> 'ministry')` : sql`null`} as organisation,
        ${query.competence ? sql`(select id::text from skills where slug = ${query.competence} and status = 'accepted')` : sql`null`} as skill,
        ${query.saison ? sql`case when ${takenPart(sql`pa.season = ${query.saison}`)} then ${query.saison}::text end` : sql`null`} as season,
        ${query.projet ? sql`case when ${takenPart(sql`pa.project_slug = ${query.projet}`)} then ${query.projet}::text end` : sql`null`} as project`),
  );
  return {
    ministryId: row?.ministry ?? undefined,
    organisationId: row?.organisation ?? undefined,
    jobFamily: query.metier,
    skill: row?.skill && query.competence ? { id: row.skill, slug: query.competence, minLevel: (query.niveau ?? 1) as SkillLevel } : undefined,
    season: row?.season ?? undefined,
    projectSlug: row?.project ?? undefined,
  };
}

export type SkillSummary = { slug: string; name: string; category: string; synonyms: string[]; members: number };

/** The accepted vocabulary with, for each skill, the number of profiles `viewer` may see that hold it. */
export async function listSkillsWithMembers(db: Executor, viewer: DirectoryViewer): Promise<SkillSummary[]> {
  const rows = rowsOf<{ slug: string; name: string; category: string; synonyms: string[]; members: number }>(
    await db.execute(sql`
      with counts as (
        select ps.skill_id, count(*)::int as members
        from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id
        where ${listedFor(viewer)} group by ps.skill_id
      )
      select s.slug, s.name, s.category, s.synonyms, coalesce(c.members, 0) as members
      from skills s left join counts c on c.skill_id = s.id
      where s.status = 'accepted'`),
  );
  return rows.map((row) => ({ ...row, members: Number(row.members) })).sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export type SkillExpert = {
  slug: string;
  givenName: string | null;
  usualName: string | null;
  jobFamily: JobFamily | null;
  organisation: string | null;
  organisationAcronym: string | null;
  visibility: ProfileVisibility;
};

export type SkillExperts = { skill: Omit<SkillSummary, "members">; levels: Record<SkillLevel, { total: number; people: SkillExpert[] }> };

/** An accepted skill and, per level, the profiles `viewer` may see that hold it (by name, at most `limit` per level). */
export async function findSkillExperts(db: Executor, viewer: DirectoryViewer, slug: string, limit: number): Promise<SkillExperts | null> {
  const [skill] = rowsOf<{ id: string; slug: string; name: string; category: string; synonyms: string[] }>(
    await db.execute(sql`select id, slug, name, category, synonyms from skills where slug = ${slug} and status = 'accepted'`),
  );
  if (!skill) return null;
  const rows = rowsOf<{ level: number; total: number; slug: string; given_name: string | null; usual_name: string | null; job_family: string | null; organisation: string | null; organisation_acronym: string | null; visibility: string }>(
    await db.execute(sql`
      with holders as (
        select ps.level, p.slug, u.given_name, u.usual_name, p.job_family, o.name as organisation, o.acronym as organisation_acronym, p.visibility,
          count(*) over (partition by ps.level)::int as total,
          row_number() over (partition by ps.level order by immutable_unaccent(lower(concat_ws(' ', u.usual_name, u.given_name))), p.user_id) as position
        from profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id
        left join organisations o on o.id = u.organisation_id
        where ps.skill_id = ${skill.id}::uuid and ${listedFor(viewer)}
      )
      select * from holders where position <= ${limit} order by level desc, position`),
  );
  const levels: SkillExperts["levels"] = { 1: { total: 0, people: [] }, 2: { total: 0, people: [] }, 3: { total: 0, people: [] } };
  for (const row of rows) {
    const level = levels[Number(row.level) as SkillLevel];
    level.total = Number(row.total);
    level.people.push({
      slug: row.slug,
      givenName: row.given_name,
      usualName: row.usual_name,
      jobFamily: row.job_family as JobFamily | null,
      organisation: row.organisation,
      organisationAcronym: row.organisation_acronym,
      visibility: row.visibility as ProfileVisibility,
    });
  }
  return { skill: { slug: skill.slug, name: skill.name, category: skill.category, synonyms: skill.synonyms }, levels };
}
