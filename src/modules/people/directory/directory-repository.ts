import { type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../../../db/client.ts";
import type { JobFamily, ProfileVisibility, SkillLevel } from "../domain/profile-choices.ts";
import type { SkillCategory } from "../domain/skill-vocabulary.ts";
import { type DirectoryFilters, type DirectoryQuery, isCorrectable, namedCategories, queryWords } from "./directory-query.ts";
import { candidatesWithinReach, closestWords, foldWord } from "./typo-correction.ts";

/** Who is searching: the programme team also sees the profiles kept for it (`read:hidden-profile:any`). */
export type DirectoryViewer = { id: string; canSeeHiddenProfiles: boolean };

/** A query word that matched nothing, and the known words it was read as. */
export type Correction = { word: string; replacements: string[] };

/**
 * A query ready to run: the tsquery that selects profiles (every word, or its corrections), the one
 * that marks matching skills (any word), and the corrections made.
 */
export type SearchPlan = { match: SQL; anyWord: SQL; corrections: Correction[] } | null;

/** The French text search configuration of the search document (accents aside). */
export const textSearchConfig = sql`'fr_unaccent'::regconfig`;
const config = textSearchConfig;
const plain = (word: string) => sql`plainto_tsquery(${config}, ${word})`;

/**
 * Profiles listed in the directory for `viewer`, as `p` (profiles) joined to `u` (users): joined,
 * account not erased, open to members unless the viewer is the programme team or the person themself
 * (the rule of `canSeeProfile`).
 */
export function listedFor(viewer: DirectoryViewer, users: "joined" | "lookup" | "later" = "joined"): SQL {
  // A CASE rather than `p.visibility = 'members' or p.user_id = …`: that OR makes the planner try bitmap-OR
  // paths for every `profiles` of a statement (on PGlite, 6 of the 8 ms planning the filters' values).
  const audience = viewer.canSeeHiddenProfiles ? sql`true` : sql`(case when p.user_id = ${viewer.id}::uuid then true else p.visibility = 'members' end)`;
  // "lookup" (without `u`): the account is read by its key, row by row, for queries that stop early (LIMIT);
  // "later": the caller checks `u.erased_at` itself.
  const notErased = users === "joined" ? sql`u.erased_at is null and ` : users === "lookup" ? sql`(select u.erased_at is null from users u where u.id = p.user_id) and ` : sql``;
  return sql`p.joined_at is not null and ${notErased}${audience}`;
}

/**
 * The query as typed, with the web search syntax of `websearch_to_tsquery` ("exact phrase", -excluded,
 * or); null without a word. Skills are marked (and profiles ranked by their level in them) when they
 * match any of its words. A skill category's name, the whole query or one of its words, also matches the
 * category's skills (ADR 0028).
 */
export function planSearch(query: string): SearchPlan {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const anyWord = sql.join(words.map(plain), sql` || `);
  // A category's name is not in the search document: it is read as its skills' names too.
  const categories = namedCategories(query);
  if (categories.whole) {
    const skillsOf = categorySkillNames(categories.whole);
    return { match: sql`(websearch_to_tsquery(${config}, ${query}) || ${skillsOf})`, anyWord: sql`(${anyWord} || ${skillsOf})`, corrections: [] };
  }
  if (categories.byWord.size > 0) {
    const pieces = words.map((word) => {
      const category = categories.byWord.get(word);
      return category ? sql`(${plain(word)} || ${categorySkillNames(category)})` : plain(word);
    });
    return { match: sql`(${sql.join(pieces, sql` && `)})`, anyWord: sql`(${sql.join(pieces, sql` || `)})`, corrections: [] };
  }
  return { match: sql`websearch_to_tsquery(${config}, ${query})`, anyWord: sql`(${anyWord})`, corrections: [] };
}

/**
 * The names of a category's accepted skills as one tsquery (any of them), computed once per statement (an
 * InitPlan): `search_vector @@` it still goes through the GIN index. `::tsquery` reads the lexemes back as
 * they are, without stemming them again.
 */
function categorySkillNames(category: SkillCategory): SQL {
  return sql`coalesce((
    select string_agg('(' || q::text || ')', ' | ')::tsquery from skills s cross join lateral plainto_tsquery(${config}, s.name) as q
    where s.category = ${category} and s.status = 'accepted' and numnode(q) > 0
  ), ''::tsquery)`;
}

/** The accepted skills the query's words name (by name or synonym, or through their category): those marked on the cards and ranked by. */
export function matchingSkills(plan: NonNullable<SearchPlan>): SQL {
  return sql`select id from skills where status = 'accepted' and to_tsvector(${config}, name || ' ' || array_to_string(synonyms, ' ')) @@ ${plan.anyWord}`;
}

/**
 * A profile's level in the skills the query names (`matching_skills`, see `matchingSkills`): its best one,
 * 0 without any. For the primary key of the profile's levels: a few rows per profile.
 */
export function levelInMatchingSkills(userId: SQL, skillIds: SQL = sql`select id from matching_skills`): SQL {
  // The EXISTS is computed once (an InitPlan): a query naming no skill reads no level.
  return sql`(case when exists (${skillIds}) then coalesce((select max(ps.level) from profile_skills ps where ps.user_id = ${userId} and ps.skill_id in (${skillIds})), 0) else 0 end)`;
}

/**
 * For a query that found nothing: each word is looked up on its own among the profiles the viewer may
 * see; a word found nowhere (a typo: « pyton ») is replaced by the closest known words of names, skills,
 * job and organisation (trigrams on `search_text`, then the edit distance), at most three. Null when no
 * word could be corrected.
 */
export async function correctSearch(db: Executor, viewer: DirectoryViewer, query: string): Promise<SearchPlan> {
  const words = queryWords(query).filter(isCorrectable);
  if (words.length === 0) return null;
  const missing = await db.transaction(async (tx) => {
    // An EXISTS on a word found nowhere is planned as a sequential scan stopping at the first match,
    // which then reads every profile: the GIN index answers at once instead.
    await tx.execute(sql`set local enable_seqscan = off`);
    const [row] = rowsOf<Record<string, boolean>>(
      await tx.execute(sql`select ${sql.join(
        words.map(
          (word, index) =>
            sql`numnode(${plain(word)}) > 0 and not exists (select 1 from profiles p where p.search_vector @@ ${plain(word)} and ${listedFor(viewer, "lookup")}) as ${sql.raw(`missing_${index}`)}`,
        ),
        sql`, `,
      )}`),
    );
    return words.filter((_, index) => row?.[`missing_${index}`] === true);
  });
  if (missing.length === 0) return null;
  const replacements = await closestKnownWords(db, viewer, missing);
  const corrections = missing.filter((word) => (replacements.get(word) ?? []).length > 0).map((word) => ({ word, replacements: replacements.get(word)! }));
  if (corrections.length === 0) return null;
  const pieces = queryWords(query).map((word) => {
    const replaced = replacements.get(word) ?? [];
    return replaced.length === 0 ? plain(word) : sql`(${sql.join(replaced.map(plain), sql` || `)})`;
  });
  return { match: sql`(${sql.join(pieces, sql` && `)})`, anyWord: sql`(${sql.join(pieces, sql` || `)})`, corrections };
}

/** Word similarity (trigrams) a document needs to be read for candidates, and a candidate to be kept. */
const wordSimilarityThreshold = 0.45;
const minimumSimilarity = 0.3;

async function closestKnownWords(db: Executor, viewer: DirectoryViewer, words: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  // Most typos are in a skill, a synonym or an organisation: their words are few and public. Only those a
  // profile the viewer may see contains are kept: an organisation or a skill whose only member deleted
  // their account (or hid their profile) must not be suggested, nor lead to nobody.
  const vocabulary = await vocabularyCandidates(db, words);
  const fromVocabulary = await keepListedWords(db, viewer, new Map([...vocabulary].map(([word, candidates]) => [word, candidatesWithinReach(word, candidates)])));
  for (const word of words) found.set(word, closestWords(word, fromVocabulary.get(word) ?? []));
  // Names (and job words) are read from the documents of the profiles the viewer may see.
  const rest = words.filter((word) => found.get(word)!.length === 0);
  if (rest.length > 0) {
    const fromDocuments = await documentCandidates(db, viewer, rest);
    for (const word of rest) found.set(word, closestWords(word, fromDocuments.get(word) ?? []));
  }
  return found;
}

function candidatesByWord(rows: { word: string; candidate: string }[]): Map<string, string[]> {
  const byWord = new Map<string, string[]>();
  for (const row of rows) byWord.set(row.word, [...(byWord.get(row.word) ?? []), row.candidate.replace(/[^\p{L}\p{N}]/gu, "")]);
  return byWord;
}

/**
 * The candidates that a profile `viewer` may see contains: a word of an accepted skill held by such a
 * profile, or of an organisation such a profile belongs to (directly, or as its ministry) — where the
 * search document takes them from. Each EXISTS goes through an index and stops at the first profile
 * (`offset 0` keeps it a subplan); asking the document's GIN index instead builds the bitmap of every
 * profile holding the word (8 ms for « python » at 100,000 profiles).
 */
async function keepListedWords(db: Executor, viewer: DirectoryViewer, candidates: Map<string, string[]>): Promise<Map<string, string[]>> {
  const distinct = [...new Set([...candidates.values()].flat())];
  if (distinct.length === 0) return candidates;
  const wordsOf = (text: SQL) => sql`regexp_split_to_array(immutable_unaccent(lower(${text})), '[^[:alnum:]]+')`;
  const member = (condition: SQL) => sql`exists (select 1 from users u join profiles p on p.user_id = u.id where ${condition} and ${listedFor(viewer)} offset 0)`;
  const rows = rowsOf<{ candidate: string }>(
    await db.execute(sql`
      select c.candidate from unnest(${`{${distinct.map((word) => `"${word}"`).join(",")}}`}::text[]) as c(candidate)
      where exists (
        select 1 from skills s
        where s.status = 'accepted' and c.candidate = any(${wordsOf(sql`s.name || ' ' || array_to_string(s.synonyms, ' ')`)})
          and exists (select 1 from profile_skills ps join profiles p on p.user_id = ps.user_id where ps.skill_id = s.id and ${listedFor(viewer, "lookup")} offset 0)
      ) or exists (
        select 1 from organisations o
        where c.candidate = any(${wordsOf(sql`concat_ws(' ', o.name, o.acronym)`)})
          and (${member(sql`u.organisation_id = o.id`)} or (o.kind = 'ministry' and ${member(sql`u.organisation_id in (select so.id from organisations so where so.ministry_id = o.id)`)}))
      )`),
  );
  const listed = new Set(rows.map((row) => row.candidate));
  return new Map([...candidates].map(([word, found]) => [word, found.filter((candidate) => listed.has(candidate))]));
}

/** The words of accepted skills (names, synonyms) and organisations (names, acronyms) closest to each word by trigrams. */
async function vocabularyCandidates(db: Executor, words: string[]): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ word: string; candidate: string }>(
    await db.execute(sql`
      with vocabulary as materialized (
        select distinct candidate from (
          select immutable_unaccent(lower(name || ' ' || array_to_string(synonyms, ' '))) as text from skills where status = 'accepted'
          union all
          select immutable_unaccent(lower(concat_ws(' ', name, acronym))) from organisations
        ) as texts
        cross join lateral unnest(regexp_split_to_array(texts.text, '[^[:alnum:]]+')) as candidate
        where length(candidate) >= 3
      )
      ${sql.join(
        words.map(
          (word) => sql`(
            select ${word}::text as word, candidate from vocabulary
            where similarity(candidate, ${foldWord(word)}::text) >= ${minimumSimilarity}
            order by similarity(candidate, ${foldWord(word)}::text) desc, candidate
            limit 10
          )`,
        ),
        sql` union all `,
      )}`),
  );
  return candidatesByWord(rows);
}

/**
 * Words of a few documents close to each word: `<%` (word similarity ≥ pg_trgm.word_similarity_threshold)
 * goes through the trigram index for a rare word. The default threshold (0.6) misses one-letter typos in
 * short words (« pyton » → python: 0.5, which float rounding may put just under). Word similarity costs a
 * whole document's trigrams: few documents.
 */
async function documentCandidates(db: Executor, viewer: DirectoryViewer, words: string[]): Promise<Map<string, string[]>> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local pg_trgm.word_similarity_threshold = ${sql.raw(String(wordSimilarityThreshold))}`);
    return rowsOf<{ word: string; candidate: string }>(
      await tx.execute(
        sql.join(
          words.map(
            (word) => sql`(
              select ${word}::text as word, candidate from (
                select distinct candidate from (
                  select p.search_text from profiles p
                  where ${foldWord(word)}::text <% p.search_text and ${listedFor(viewer, "lookup")}
                  limit 8
                ) as documents
                cross join lateral unnest(string_to_array(documents.search_text, ' ')) as candidate
                where length(candidate) >= 3
              ) as words
              where similarity(candidate, ${foldWord(word)}::text) >= ${minimumSimilarity}
              order by similarity(candidate, ${foldWord(word)}::text) desc, candidate
              limit 10
            )`,
          ),
          sql` union all `,
        ),
      ),
    );
  });
  return candidatesByWord(rows);
}

type Flag = "in_ministry" | "in_organisation" | "in_job" | "has_skill" | "in_season" | "in_project";

/** The flags of the filters in use (a flag of an unused filter is always true: left out of conditions). */
function activeFlags(filters: DirectoryFilters): Flag[] {
  const active: [Flag, unknown][] = [
    ["in_ministry", filters.ministryId],
    ["in_organisation", filters.organisationId],
    ["in_job", filters.jobFamily],
    ["has_skill", filters.skill],
    ["in_season", filters.season],
    ["in_project", filters.projectSlug],
  ];
  return active.filter(([, value]) => value !== undefined).map(([flag]) => flag);
}

/** Every filter in use but `except` (classic faceting: a facet's counts ignore its own filter). */
function flagsBut(active: Flag[], except?: Flag): SQL {
  const kept = active.filter((flag) => flag !== except);
  return sql.raw(kept.length > 0 ? kept.join(" and ") : "true");
}

/**
 * The profiles a search may return, as the CTEs `org_tree` (each organisation and its ancestors),
 * `matched` (profiles matching the query, with their rank: narrow, so that the search document is not
 * carried through the joins) and `flagged` (those listed for the viewer, with one boolean per filter, so
 * that each facet can leave its own filter out). A profile failing two filters or more counts for no
 * facet: it is left out at once.
 */
function searchScope(viewer: DirectoryViewer, plan: SearchPlan, filters: DirectoryFilters): SQL {
  const rank = plan ? sql`ts_rank(p.search_vector, ${plan.match})` : sql`0`;
  const skill = filters.skill;
  const conditions: SQL[] = [];
  const flag = (condition: SQL | null) => {
    if (!condition) return sql`true`;
    conditions.push(condition);
    return condition;
  };
  const columns = sql`
    ${flag(filters.ministryId ? sql`o.ministry_id is not distinct from ${filters.ministryId}::uuid` : null)} as in_ministry,
    ${flag(filters.organisationId ? sql`u.organisation_id in (select organisation_id from org_tree where ancestor_id = ${filters.organisationId}::uuid)` : null)} as in_organisation,
    ${flag(filters.jobFamily ? sql`p.job_family is not distinct from ${filters.jobFamily}` : null)} as in_job,
    ${flag(skill ? sql`p.user_id in (select user_id from profile_skills where skill_id = ${skill.id}::uuid and level >= ${skill.minLevel})` : null)} as has_skill,
    ${flag(filters.season ? sql`p.user_id in (select user_id from participations where season = ${filters.season})` : null)} as in_season,
    ${flag(filters.projectSlug ? sql`p.user_id in (select user_id from participations where project_slug = ${filters.projectSlug})` : null)} as in_project`;
  const failsAtMostOne =
    conditions.length >= 2
      ? sql`and (${sql.join(
          conditions.map((condition) => sql`(case when ${condition} then 0 else 1 end)`),
          sql` + `,
        )}) <= 1`
      : sql``;
  return sql`
    with recursive org_tree(organisation_id, ancestor_id, depth) as (
      select id, id, 0 from organisations
      union all
      select t.organisation_id, o.parent_id, t.depth + 1 from org_tree t join organisations o on o.id = t.ancestor_id
      where o.parent_id is not null and t.depth < 20
    ),
    matched as materialized (
      select p.user_id, p.job_family, ${rank}::float4 as rank from profiles p
      where ${listedFor(viewer, "later")} ${plan ? sql`and p.search_vector @@ ${plan.match}` : sql``}
    ),
    flagged as materialized (
      select p.user_id, p.job_family, u.organisation_id, o.ministry_id, u.usual_name, u.given_name, p.rank, ${columns}
      from matched p join users u on u.id = p.user_id left join organisations o on o.id = u.organisation_id
      where u.erased_at is null ${failsAtMostOne}
    )`;
}

/**
 * A sort key of names, accents and case aside. unaccent is the costly part of sorting thousands of names:
 * plain ASCII names skip it, and it is called directly (immutable_unaccent, the SQL wrapper indexes
 * need, is not inlined and costs twice as much per call).
 */
export function nameKey(names: string): string {
  return `(case when octet_length(${names}) = char_length(${names}) then lower(${names}) else public.unaccent('public.unaccent'::regdictionary, lower(${names})) end)`;
}

/** The name order (family name, then given name) of `flagged` rows aliased `f`. */
const nameOrder = sql.raw(nameKey("concat_ws(' ', f.usual_name, f.given_name)"));

/**
 * Runs `statement` with enough memory for its hashes and sorts over tens of thousands of profiles
 * (PostgreSQL's default work_mem, 4 MB, makes them spill to disk).
 */
async function withWorkMemory(db: Executor, statement: SQL): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx.execute(statement);
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

/** Every profile of the search (all pages, mistyped words corrected as on the page), in the directory's order, for the CSV export. */
export async function listDirectoryForExport(db: Executor, options: { viewer: DirectoryViewer; query: string; filters: DirectoryFilters }): Promise<ExportRow[]> {
  const plan = planSearch(options.query);
  const rows = await listExportRows(db, { ...options, plan });
  if (!plan || rows.length > 0) return rows;
  const corrected = await correctSearch(db, options.viewer, options.query);
  return corrected ? listExportRows(db, { ...options, plan: corrected }) : rows;
}

async function listExportRows(db: Executor, options: { viewer: DirectoryViewer; plan: SearchPlan; filters: DirectoryFilters }): Promise<ExportRow[]> {
  const active = activeFlags(options.filters);
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
    await withWorkMemory(db, sql`
      ${searchScope(options.viewer, options.plan, options.filters)}
      select u.usual_name, u.given_name, u.email, o.name as organisation, m.name as ministry, p.job_family, p.visibility,
        (select json_agg(json_build_object('name', s.name, 'level', ps.level) order by ps.level desc, s.name)
          from profile_skills ps join skills s on s.id = ps.skill_id where ps.user_id = p.user_id and s.status = 'accepted') as skills
      from flagged f join profiles p on p.user_id = f.user_id join users u on u.id = f.user_id
      left join organisations o on o.id = u.organisation_id left join organisations m on m.id = o.ministry_id
      where ${flagsBut(active)}
      order by ${options.plan ? sql`${levelInMatchingSkills(sql`f.user_id`, matchingSkills(options.plan))} desc, ` : sql``}f.rank desc, ${nameOrder}, f.user_id`),
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
  type Row = { ministry: string | null; organisation: string | null; skill: string | null; season: string | null; project: string | null };
  const [row] = rowsOf<Row & { ministry_label: string | null; organisation_label: string | null; skill_label: string | null; project_label: string | null }>(
    await db.execute(sql`
      with chosen as (
        select
          ${query.ministere ? sql`(select id from organisations where id = ${query.ministere}::uuid and kind = 'ministry')` : sql`null::uuid`} as ministry,
          ${query.organisation ? sql`(select id from organisations where id = ${query.organisation}::uuid and kind <> 'ministry')` : sql`null::uuid`} as organisation,
          ${query.competence ? sql`(select id from skills where slug = ${query.competence} and status = 'accepted')` : sql`null::uuid`} as skill,
          ${query.saison ? sql`case when ${takenPart(sql`pa.season = ${query.saison}`)} then ${query.saison}::text end` : sql`null::text`} as season,
          ${query.projet ? sql`case when ${takenPart(sql`pa.project_slug = ${query.projet}`)} then ${query.projet}::text end` : sql`null::text`} as project
      )
      select c.ministry::text, c.organisation::text, c.skill::text, c.season, c.project,
        (select name from organisations where id = c.ministry) as ministry_label,
        (select case when acronym is null then name else name || ' (' || acronym || ')' end from organisations where id = c.organisation) as organisation_label,
        (select name from skills where id = c.skill) as skill_label,
        (select max(coalesce(project_title, project_slug)) from participations where project_slug = c.project) as project_label
      from chosen c`),
  );
  const label = (value: string | null | undefined) => value ?? undefined;
  return {
    ministryId: label(row?.ministry),
    organisationId: label(row?.organisation),
    jobFamily: query.metier,
    skill: row?.skill && query.competence ? { id: row.skill, slug: query.competence, minLevel: (query.niveau ?? 1) as SkillLevel } : undefined,
    season: label(row?.season),
    projectSlug: label(row?.project),
    labels: { ministry: label(row?.ministry_label), organisation: label(row?.organisation_label), skill: label(row?.skill_label), project: label(row?.project_label) },
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
          row_number() over (partition by ps.level order by ${sql.raw(nameKey("concat_ws(' ', u.usual_name, u.given_name)"))}, p.user_id) as position
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
