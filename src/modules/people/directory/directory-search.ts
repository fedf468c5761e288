import { type SQL, sql } from "drizzle-orm";
import { type Database, type Executor, rowsOf } from "../../../db/client.ts";
import { type JobFamily, jobFamilies, type ProfileVisibility, type SkillLevel } from "../domain/profile-choices.ts";
import { type DirectoryFilters, directoryQuerySchema } from "./directory-query.ts";
import {
  type Correction,
  correctSearch,
  type DirectoryViewer,
  levelInMatchingSkills,
  listedFor,
  matchingSkills,
  nameKey as sortKeyOf,
  planSearch,
  resolveFilters,
  type SearchPlan,
} from "./directory-repository.ts";

/**
 * Above this many matching profiles a search is « broad » (ADR 0015): counting and ranking every match
 * costs about 8.5 µs of server CPU per profile, so the page says « Plus de 1 000 profils », lists them by
 * name through the name index, and its filters show their values without counts.
 */
export const broadSearchAbove = 1_000;

/** A filter value (ministry, organisation, job, skill, season, project) with its number of profiles, or null when not counted. */
export type FacetCount = { value: string; label: string; count: number | null };

export type DirectoryFacets = {
  ministries: FacetCount[];
  organisations: FacetCount[];
  jobFamilies: FacetCount[];
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

/** Every match counted and ranked: pages by number. */
export type ExactResults = { mode: "exact"; broadAbove: number; total: number; page: number; pageCount: number; cards: DirectoryCard[]; facets: DirectoryFacets };

/**
 * More than `broadAbove` profiles match: one page in name order, and the profiles to page from (the slug of the
 * page's first profile for « Page précédente », of its last for « Page suivante »; null at an end).
 */
export type BroadResults = { mode: "broad"; broadAbove: number; previous: string | null; next: string | null; cards: DirectoryCard[]; facets: DirectoryFacets };

export type DirectoryResults = ExactResults | BroadResults;

/** Where a broad search's page starts: after or before a profile (by slug), or at the first profile. */
export type NamePosition = { after: string } | { before: string } | null;

export type SearchOptions = {
  viewer: DirectoryViewer;
  plan: SearchPlan;
  filters: DirectoryFilters;
  /** The page of an exact search, from 1. */
  page: number;
  pageSize: number;
  /** The position of a broad search's page. */
  from?: NamePosition | undefined;
  /** The number of matches above which the search is broad (`broadSearchAbove`; tests lower it). */
  broadAbove?: number | undefined;
};

type Facet = "ministry" | "organisation" | "job" | "skill" | "season" | "project";

/** The filters in use. */
function chosenFacets(filters: DirectoryFilters): Facet[] {
  const chosen: [Facet, unknown][] = [
    ["ministry", filters.ministryId],
    ["organisation", filters.organisationId],
    ["job", filters.jobFamily],
    ["skill", filters.skill],
    ["season", filters.season],
    ["project", filters.projectSlug],
  ];
  return chosen.filter(([, value]) => value !== undefined).map(([facet]) => facet);
}

/** An organisation and its services, at any depth. */
function organisationAndServices(organisationId: string): SQL {
  return sql`with recursive below(id, depth) as (
      select ${organisationId}::uuid, 0
      union all
      select o.id, b.depth + 1 from organisations o join below b on o.parent_id = b.id where b.depth < 20
    ) select id from below`;
}

/** The conditions, on `p` (profiles) and `u` (users), of the filters in use but `except`. */
function filterConditions(filters: DirectoryFilters, except?: Facet): SQL[] {
  const conditions: SQL[] = [];
  const use = (facet: Facet, value: unknown, condition: () => SQL) => {
    if (value !== undefined && facet !== except) conditions.push(condition());
  };
  use("ministry", filters.ministryId, () => sql`u.organisation_id in (select id from organisations where ministry_id = ${filters.ministryId}::uuid)`);
  use("organisation", filters.organisationId, () => sql`u.organisation_id in (${organisationAndServices(filters.organisationId!)})`);
  // Written as a set of ids read from profiles_by_job_family alone, so that only the profiles of the job are
  // read from the table (1.5 kB rows) when the other filters drive the search.
  use("job", filters.jobFamily, () => sql`p.user_id in (select pj.user_id from profiles pj where pj.job_family = ${filters.jobFamily})`);
  use("skill", filters.skill, () => sql`p.user_id in (select user_id from profile_skills where skill_id = ${filters.skill!.id}::uuid and level >= ${filters.skill!.minLevel})`);
  use("season", filters.season, () => sql`p.user_id in (select user_id from participations where season = ${filters.season})`);
  use("project", filters.projectSlug, () => sql`p.user_id in (select user_id from participations where project_slug = ${filters.projectSlug})`);
  return conditions;
}

/** Profiles `p` joined to their account `u` that the viewer may see, match the query and every filter in use but `except`. */
function matching(options: SearchOptions, except?: Facet): SQL {
  const conditions = [listedFor(options.viewer), ...(options.plan ? [sql`p.search_vector @@ ${options.plan.match}`] : []), ...filterConditions(options.filters, except)];
  return sql.join(conditions, sql` and `);
}

/**
 * The directory's name order: family name then given name, lower case, accents aside. The expression of
 * the index `users_by_name_key` (migration 0007), so that a broad search walks that index and stops after
 * its page instead of sorting every match.
 */
const nameKey = sql.raw(`immutable_unaccent(lower(coalesce(u.usual_name || ' ' || u.given_name, u.usual_name, u.given_name, '')))`);

/** A uuid[] literal (the ids come from the database), sorted: index lookups in key order touch fewer pages. */
const uuidArray = (ids: string[]) => sql`${`{${[...ids].sort().join(",")}}`}::uuid[]`;

/** A matching profile with what the facets need of it (read with it: counting then reads no row again). */
type Match = { user_id: string; job_family: string | null; organisation_id: string | null };

/** Up to `limit` profiles of the search (any of them: the first the plan finds). */
async function findMatches(tx: Executor, options: SearchOptions, limit: number, except?: Facet): Promise<Match[]> {
  return rowsOf<Match>(await tx.execute(sql`select p.user_id, p.job_family, u.organisation_id from profiles p join users u on u.id = p.user_id where ${matching(options, except)} limit ${limit}`));
}

/**
 * One page of the directory for `viewer`. A first probe fetches up to `broadAbove` + 1 matches (it stops
 * there). At most `broadAbove`: the exact search, by relevance (then name) with a query, by name without,
 * with its total, and for each filter the number of profiles per value, counted with the query and the
 * other filters (a filter in use whose own count would go over `broadAbove` shows its values without
 * counts). Over it: a broad search (see `BroadResults`).
 */
export async function searchDirectory(db: Database, options: SearchOptions): Promise<DirectoryResults> {
  const broadAbove = options.broadAbove ?? broadSearchAbove;
  const matches = await searchTransaction(db, (tx) => findMatches(tx, options, broadAbove + 1));
  return matches.length > broadAbove ? broadSearch(db, options, broadAbove) : exactSearch(db, options, matches, broadAbove);
}

/**
 * Runs `work` in its own transaction, the planner told that the pages and indexes these statements read
 * are in memory (random reads cost about what sequential ones do: with the default random_page_cost, 4,
 * it hashes all 100,000 accounts to join the 900 profiles of a rare word, 60 ms instead of 5) and that
 * they are short (no parallel workers). A search runs several: on PostgreSQL the independent ones run at
 * the same time on the pool's connections (PGlite runs them one after another). Hence `db` is the
 * database, never a transaction (two savepoints at once on one connection would interleave).
 */
function searchTransaction<T>(db: Database, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('random_page_cost', '1.1', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return work(tx);
  });
}

type FacetRow = { value: string; label: string | null; count: number | null };
const facetsOf = (rows: unknown): FacetCount[] =>
  ((rows ?? []) as FacetRow[]).map((row) => ({ value: String(row.value), label: row.label ?? String(row.value), count: row.count === null || row.count === undefined ? null : Number(row.count) }));

const emptyFacets = (): DirectoryFacets => ({ ministries: [], organisations: [], jobFamilies: [], skills: [], seasons: [], projects: [] });

async function exactSearch(db: Database, options: SearchOptions, matches: Match[], broadAbove: number): Promise<ExactResults> {
  const { plan, filters, pageSize } = options;
  const ids = matches.map((match) => match.user_id);
  const total = ids.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (an old link) shows the last one.
  const page = Math.min(options.page, pageCount);
  // Nothing found and no filter to say which to remove: nothing to count.
  if (total === 0 && chosenFacets(filters).length === 0) return { mode: "exact", broadAbove, total, page, pageCount, cards: [], facets: emptyFacets() };
  // A facet counts the profiles of the query and every other filter: for a filter in use, another set.
  const sources = new Map<Facet, string | null>();
  const sets: SQL[] = [sql`results as materialized (${described(matches)})`];
  const chosen = chosenFacets(filters);
  const facetSets = await Promise.all(chosen.map((facet) => searchTransaction(db, (tx) => findMatches(tx, options, broadAbove + 1, facet))));
  for (const [index, facet] of chosen.entries()) {
    const facetIds = facetSets[index]!;
    if (facetIds.length > broadAbove) {
      sources.set(facet, null);
    } else {
      sources.set(facet, `without_${facet}`);
      sets.push(sql`${sql.raw(`without_${facet}`)} as materialized (${described(facetIds)})`);
    }
  }
  const source = (facet: Facet) => (sources.has(facet) ? sources.get(facet)! : "results");
  const organisations = source("organisation");
  if (organisations) {
    sets.push(sql`organisation_ancestors(organisation_id, ancestor_id, depth) as (
      select organisation_id, organisation_id, 0 from (select distinct organisation_id from ${sql.raw(organisations)} where organisation_id is not null) as present
      union all
      select a.organisation_id, o.parent_id, a.depth + 1 from organisation_ancestors a join organisations o on o.id = a.ancestor_id
      where o.parent_id is not null and a.depth < 20
    )`);
  }
  // Seasons and projects read the participations of their set once.
  for (const from of new Set([source("season"), source("project")])) {
    // One index probe per profile (lateral, `offset 0`): most have no participation, and hashing the whole table costs more.
    if (from) {
      sets.push(
        sql.raw(`${from}_participations as materialized (
          select pa.* from ${from} f cross join lateral (
            select pa.user_id, pa.season, pa.project_slug, pa.project_title from participations pa where pa.user_id = f.user_id offset 0
          ) as pa)`),
      );
    }
  }
  const counted = (facet: Facet, count: (from: SQL) => SQL) => {
    const from = source(facet);
    return from ? count(sql.raw(from)) : sql`null`;
  };
  const uncounted = [...sources].filter(([, from]) => from === null).map(([facet]) => facet);
  // The page (every match ranked) and the counts at the same time.
  const [cards, row, values] = await Promise.all([
    total === 0 ? [] : searchTransaction(db, (tx) => exactPage(tx, ids, plan, page, pageSize)),
    searchTransaction(db, async (tx) => {
      const [row] = rowsOf<Record<string, unknown>>(
        await tx.execute(sql`
      with recursive ${sql.join(sets, sql`, `)}
      select
        ${counted("ministry", ministryCounts)} as ministries,
        ${organisations ? organisationCounts(sql.raw(organisations)) : sql`null`} as organisations,
        ${counted("job", jobCounts)} as job_families,
        ${counted("skill", (from) => skillCounts(from, filters.skill?.minLevel ?? 1))} as skills,
        ${counted("season", seasonCounts)} as seasons,
        ${counted("project", projectCounts)} as projects`),
      );
      return row;
    }),
    uncounted.length > 0 ? facetValues(db, options.viewer, uncounted) : emptyFacets(),
  ]);
  const pick = (facet: Facet, column: unknown, key: keyof DirectoryFacets) => (uncounted.includes(facet) ? values[key] : facetsOf(column));
  return {
    mode: "exact",
    broadAbove,
    total,
    page,
    pageCount,
    cards,
    facets: {
      ministries: pick("ministry", row?.ministries, "ministries"),
      organisations: pick("organisation", row?.organisations, "organisations"),
      jobFamilies: pick("job", row?.job_families, "jobFamilies"),
      skills: pick("skill", row?.skills, "skills"),
      seasons: pick("season", row?.seasons, "seasons"),
      projects: pick("project", row?.projects, "projects"),
    },
  };
}

/**
 * The same key as `nameKey`, computed faster for a few hundred rows (plain ASCII names skip unaccent,
 * called directly): the exact search sorts by it, the index of the broad search holds the other form.
 */
const fastNameKey = sql.raw(sortKeyOf("coalesce(u.usual_name || ' ' || u.given_name, u.usual_name, u.given_name, '')"));

/**
 * One page of the profiles `ids` by level in the skills the query names (expert·es first, ADR 0028), then
 * relevance (`ts_rank`), then name: every one is ranked, so every page follows that order.
 */
async function exactPage(tx: Executor, ids: string[], plan: SearchPlan, page: number, pageSize: number): Promise<DirectoryCard[]> {
  const skillsNamed = plan ? sql`with matching_skills as materialized (${matchingSkills(plan)}) ` : sql``;
  const byRank = plan ? sql`${levelInMatchingSkills(sql`p.user_id`)} desc, ts_rank(p.search_vector, ${plan.match}) desc, ` : sql``;
  const rows = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      ${skillsNamed}select p.user_id from unnest(${uuidArray(ids)}) as r(user_id) join profiles p on p.user_id = r.user_id join users u on u.id = r.user_id
      order by ${byRank}${fastNameKey}, p.user_id limit ${pageSize} offset ${(page - 1) * pageSize}`),
  );
  return describeProfiles(
    tx,
    rows.map((row) => row.user_id),
    plan,
  );
}

/** A PostgreSQL array literal of `values` (each quoted, null as NULL). */
function arrayLiteral(values: (string | null)[], type: "uuid" | "text"): SQL {
  const quoted = values.map((value) => (value === null ? "NULL" : `"${value.replace(/["\\]/g, "\\$&")}"`));
  return sql`${`{${quoted.join(",")}}`}::${sql.raw(type)}[]`;
}

/** The matches as rows with their ministry, for the facets (from the probe: no profile is read again). */
function described(matches: Match[]): SQL {
  const ids = arrayLiteral(
    matches.map((match) => match.user_id),
    "uuid",
  );
  const jobs = arrayLiteral(
    matches.map((match) => match.job_family),
    "text",
  );
  const organisations = arrayLiteral(
    matches.map((match) => match.organisation_id),
    "uuid",
  );
  return sql`
    select r.user_id, r.job_family, r.organisation_id, o.ministry_id
    from unnest(${ids}, ${jobs}, ${organisations}) as r(user_id, job_family, organisation_id)
    left join organisations o on o.id = r.organisation_id`;
}

const ministryCounts = (from: SQL) => sql`(select coalesce(json_agg(json_build_object('value', o.id, 'label', o.name, 'count', x.count)), '[]') from (
    select ministry_id, count(*)::int as count from ${from} where ministry_id is not null group by ministry_id
  ) as x join organisations o on o.id = x.ministry_id)`;

/** An organisation counts the profiles of its services too (`organisation_ancestors` of `from`'s organisations). */
const organisationCounts = (from: SQL) => sql`(select coalesce(json_agg(json_build_object('value', o.id, 'label', ${organisationLabel}, 'count', y.count)), '[]') from (
    select a.ancestor_id, sum(x.count)::int as count from (
      select organisation_id, count(*) as count from ${from} where organisation_id is not null group by organisation_id
    ) as x join organisation_ancestors a on a.organisation_id = x.organisation_id group by a.ancestor_id
  ) as y join organisations o on o.id = y.ancestor_id where o.kind <> 'ministry')`;

const organisationLabel = sql`case when o.acronym is null then o.name else o.name || ' (' || o.acronym || ')' end`;

const jobCounts = (from: SQL) => sql`(select coalesce(json_agg(json_build_object('value', x.job_family, 'label', null, 'count', x.count)), '[]') from (
    select job_family, count(*)::int as count from ${from} where job_family is not null group by job_family
  ) as x)`;

/** Without a minimum level (every level counts), the skill levels' primary key alone answers. */
const skillCounts = (from: SQL, minLevel: number) => sql`(select coalesce(json_agg(json_build_object('value', s.slug, 'label', s.name, 'count', x.count)), '[]') from (
    select ps.skill_id, count(*)::int as count from ${from} f join profile_skills ps on ps.user_id = f.user_id ${minLevel > 1 ? sql`where ps.level >= ${minLevel}` : sql``} group by ps.skill_id
  ) as x join skills s on s.id = x.skill_id where s.status = 'accepted')`;

/** Seasons and projects count the participations of `from` (the CTE `<from>_participations`). */
const seasonCounts = (from: SQL) => sql`(select coalesce(json_agg(json_build_object('value', x.season, 'label', x.season, 'count', x.count)), '[]') from (
    select season, count(distinct user_id)::int as count from ${from}_participations group by season
  ) as x)`;

const projectCounts = (from: SQL) => sql`(select coalesce(json_agg(json_build_object('value', x.project_slug, 'label', x.label, 'count', x.count)), '[]') from (
    select project_slug, max(coalesce(project_title, project_slug)) as label, count(distinct user_id)::int as count
    from ${from}_participations where project_slug is not null group by project_slug
  ) as x)`;

/**
 * The values of `facets` that at least one profile the viewer may see has, without counts (a broad search,
 * or a filter whose count would go over the threshold): ministries, organisations (with the organisations
 * above them), accepted skills, seasons and projects; every job family.
 */
async function facetValues(db: Database, viewer: DirectoryViewer, facets: Facet[]): Promise<DirectoryFacets> {
  const values = emptyFacets();
  // `offset 0` keeps each EXISTS a subplan that stops at the first profile of its value; without it the
  // planner makes it a semi-join that reads every profile (0.8 s at 100,000 profiles).
  const listed = (from: SQL, condition: SQL) => sql`exists (select 1 from ${from} where ${condition} and ${listedFor(viewer)} offset 0)`;
  const listedMember = (condition: SQL) => listed(sql`users u join profiles p on p.user_id = u.id`, condition);
  const listedParticipant = (condition: SQL) => listed(sql`participations pa join profiles p on p.user_id = pa.user_id join users u on u.id = p.user_id`, condition);
  const wanted = (facet: Facet, query: SQL) => (facets.includes(facet) ? query : sql`null`);
  const [row] = rowsOf<Record<string, unknown>>(
    await searchTransaction(db, (tx) =>
      tx.execute(sql`
      with recursive populated as materialized (
        ${facets.includes("organisation") || facets.includes("ministry") ? sql`select o.id, o.ministry_id from organisations o where ${listedMember(sql`u.organisation_id = o.id`)}` : sql`select null::uuid as id, null::uuid as ministry_id where false`}
      ),
      above(id, depth) as (
        select id, 0 from populated
        union
        select o.parent_id, a.depth + 1 from above a join organisations o on o.id = a.id where o.parent_id is not null and a.depth < 20
      ),
      ${sql.raw(distinctValues("seasons", "season"))},
      ${sql.raw(distinctValues("project_slugs", "project_slug"))},
      projects as (
        -- The title of the first participation of a visible profile.
        select s.project_slug, (
          select coalesce(pa.project_title, pa.project_slug) from participations pa join profiles p on p.user_id = pa.user_id join users u on u.id = p.user_id
          where pa.project_slug = s.project_slug and ${listedFor(viewer)} limit 1
        ) as label from project_slugs s where s.project_slug is not null
      )
      select
        ${wanted("ministry", sql`(select coalesce(json_agg(json_build_object('value', o.id, 'label', o.name, 'count', null)), '[]') from organisations o where o.id in (select ministry_id from populated))`)} as ministries,
        ${wanted("organisation", sql`(select coalesce(json_agg(json_build_object('value', o.id, 'label', ${organisationLabel}, 'count', null)), '[]') from organisations o where o.id in (select id from above) and o.kind <> 'ministry')`)} as organisations,
        ${wanted(
          "skill",
          sql`(select coalesce(json_agg(json_build_object('value', s.slug, 'label', s.name, 'count', null)), '[]') from skills s
            where s.status = 'accepted' and ${listed(sql`profile_skills ps join profiles p on p.user_id = ps.user_id join users u on u.id = p.user_id`, sql`ps.skill_id = s.id`)})`,
        )} as skills,
        ${wanted(
          "season",
          sql`(select coalesce(json_agg(json_build_object('value', x.season, 'label', x.season, 'count', null)), '[]') from seasons x
            where x.season is not null and ${listedParticipant(sql`pa.season = x.season`)})`,
        )} as seasons,
        ${wanted(
          "project",
          sql`(select coalesce(json_agg(json_build_object('value', x.project_slug, 'label', x.label, 'count', null)), '[]') from projects x where x.label is not null)`,
        )} as projects`),
    ),
  );
  if (facets.includes("ministry")) values.ministries = facetsOf(row?.ministries);
  if (facets.includes("organisation")) values.organisations = facetsOf(row?.organisations);
  if (facets.includes("job")) values.jobFamilies = (Object.keys(jobFamilies) as JobFamily[]).map((job) => ({ value: job, label: job, count: null }));
  if (facets.includes("skill")) values.skills = facetsOf(row?.skills);
  if (facets.includes("season")) values.seasons = facetsOf(row?.seasons);
  if (facets.includes("project")) values.projects = facetsOf(row?.projects);
  return values;
}

/**
 * The distinct non-null values of `participations.<column>` as the CTE `name`, one index probe each (a
 * loose index scan on participations_by_season or participations_by_project) instead of reading every row.
 */
function distinctValues(name: string, column: string): string {
  return `${name}(${column}) as (
        (select ${column} from participations where ${column} is not null order by ${column} limit 1)
        union all
        select (select ${column} from participations where ${column} > v.${column} order by ${column} limit 1) from ${name} v where v.${column} is not null
      )`;
}

const allFacets: Facet[] = ["ministry", "organisation", "job", "skill", "season", "project"];

/**
 * A broad search: one page of matches in name order, walking the name index from the position asked
 * (after or before a profile the viewer may see; an unknown one is the start), and every filter's values.
 */
async function broadSearch(db: Database, options: SearchOptions, broadAbove: number): Promise<BroadResults> {
  // The page and the filters' values at the same time.
  const [page, facets] = await Promise.all([searchTransaction(db, (tx) => broadPage(tx, options)), facetValues(db, options.viewer, allFacets)]);
  return { mode: "broad", broadAbove, ...page, facets };
}

/** One page of a broad search in name order, and its neighbours' positions. */
async function broadPage(tx: Executor, options: SearchOptions): Promise<Pick<BroadResults, "previous" | "next" | "cards">> {
  const { pageSize } = options;
  const from = await resolvePosition(tx, options);
  const walk = async (direction: "after" | "before" | "start") => {
    const position =
      direction === "start" || !from ? sql`` : direction === "after" ? sql`and (${nameKey}, u.id) > (${from.key}, ${from.id}::uuid)` : sql`and (${nameKey}, u.id) < (${from.key}, ${from.id}::uuid)`;
    const order = direction === "before" ? sql.raw("desc") : sql.raw("asc");
    return rowsOf<{ user_id: string; slug: string }>(
      await tx.execute(sql`
        select p.user_id, p.slug from users u join profiles p on p.user_id = u.id
        where ${matching(options)} ${position}
        order by ${nameKey} ${order}, u.id ${order} limit ${pageSize + 1}`),
    );
  };
  let rows: { user_id: string; slug: string }[];
  let previous: string | null = null;
  let next: string | null = null;
  const fromStart = async () => {
    const found = await walk("start");
    rows = found.slice(0, pageSize);
    previous = null;
    next = found.length > pageSize ? rows.at(-1)!.slug : null;
  };
  if (from?.direction === "before") {
    const found = await walk("before");
    if (found.length > pageSize) {
      rows = found.slice(0, pageSize).reverse();
      previous = rows[0]!.slug;
      next = rows.at(-1)!.slug;
    } else {
      // Fewer than a page before: the first page.
      await fromStart();
    }
  } else if (from?.direction === "after") {
    const found = await walk("after");
    if (found.length === 0) {
      await fromStart();
    } else {
      rows = found.slice(0, pageSize);
      previous = rows[0]!.slug;
      next = found.length > pageSize ? rows.at(-1)!.slug : null;
    }
  } else {
    await fromStart();
  }
  return {
    previous,
    next,
    cards: await describeProfiles(
      tx,
      rows!.map((row) => row.user_id),
      options.plan,
    ),
  };
}

/** The name key and id of the profile a broad page starts after or before, when the viewer may see it. */
async function resolvePosition(tx: Executor, options: SearchOptions): Promise<{ direction: "after" | "before"; key: string; id: string } | null> {
  const position = options.from;
  if (!position) return null;
  const [direction, slug] = "after" in position ? (["after", position.after] as const) : (["before", position.before] as const);
  const [row] = rowsOf<{ key: string; id: string }>(
    await tx.execute(sql`select ${nameKey} as key, u.id from profiles p join users u on u.id = p.user_id where p.slug = ${slug} and ${listedFor(options.viewer)}`),
  );
  return row ? { direction, key: row.key, id: row.id } : null;
}

/**
 * The directory page for `query`: searched as typed, or, when its words match no profile the viewer may
 * see, with its mistyped words corrected (see `correctSearch`). A query with an excluded word (`-word`)
 * is never corrected.
 */
export async function searchDirectoryForgivingTypos(
  db: Database,
  options: Omit<SearchOptions, "plan"> & { query: string },
): Promise<DirectoryResults & { corrections: Correction[] }> {
  const plan = planSearch(options.query);
  const results = await searchDirectory(db, { ...options, plan });
  // Nothing found: corrected only when the words alone (without the filters) match nobody.
  if (results.mode === "exact" && results.total === 0 && plan && !excludesWords(options.query) && !(await matchesAnyone(db, options.viewer, plan))) {
    const corrected = await correctSearch(db, options.viewer, options.query);
    if (corrected) return { ...(await searchDirectory(db, { ...options, plan: corrected })), corrections: corrected.corrections };
  }
  return { ...results, corrections: [] };
}

function excludesWords(query: string): boolean {
  return /(^|\s)-\S/.test(query);
}

/** Whether the query's words match a profile the viewer may see, through the GIN index (see `correctSearch`). */
async function matchesAnyone(db: Executor, viewer: DirectoryViewer, plan: NonNullable<SearchPlan>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const [row] = rowsOf<{ found: boolean }>(
      await tx.execute(sql`select exists (select 1 from profiles p where p.search_vector @@ ${plan.match} and ${listedFor(viewer, "lookup")}) as found`),
    );
    return row?.found === true;
  });
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
  // Which skills the query's words name (by their name or a synonym), once for the whole page.
  const skillsNamed = plan ? matchingSkills(plan) : sql`select null::uuid as id where false`;
  const rows = rowsOf<CardRow>(
    await db.execute(sql`
      with matching_skills as materialized (${skillsNamed})
      select p.user_id, p.slug, u.given_name, u.usual_name, p.job_family, o.name as organisation, o.acronym as organisation_acronym,
        m.name as ministry, p.visibility,
        (select json_agg(json_build_object('slug', s.slug, 'name', s.name, 'level', ps.level, 'matches', s.id in (select id from matching_skills)))
          from profile_skills ps join skills s on s.id = ps.skill_id where ps.user_id = p.user_id and s.status = 'accepted') as skills
      from profiles p join users u on u.id = p.user_id
      left join organisations o on o.id = u.organisation_id left join organisations m on m.id = o.ministry_id
      where p.user_id = any(${uuidArray(ids)})`),
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

/**
 * How many profiles the directory search of a URL's query string (`q=python&metier=…`) finds for
 * `viewer`, however many, mistyped words corrected as on the page: for the benchmark's report, never for
 * a page (it reads every match).
 */
export async function countDirectoryMatches(db: Executor, viewer: DirectoryViewer, search: string): Promise<number> {
  const query = directoryQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
  const filters = await resolveFilters(db, viewer, query);
  const count = async (plan: SearchPlan) => {
    const [row] = rowsOf<{ count: number }>(
      await db.execute(sql`select count(*)::int as count from profiles p join users u on u.id = p.user_id where ${matching({ viewer, plan, filters, page: 1, pageSize: 1 })}`),
    );
    return Number(row?.count ?? 0);
  };
  const plan = planSearch(query.q);
  const found = await count(plan);
  if (found > 0 || !plan || excludesWords(query.q) || (await matchesAnyone(db, viewer, plan))) return found;
  const corrected = await correctSearch(db, viewer, query.q);
  return corrected ? count(corrected) : found;
}
