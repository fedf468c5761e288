import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { projects, seasons } from "./seasons.ts";

/**
 * What a project's team seeks in a season (« équipe recherchée »): size, skills (`[{ skillId, level 1–3,
 * required }]`), rhythm and « pourquoi nous rejoindre ». Set by the project's lead or the programme team.
 */
export const projectNeeds = pgTable(
  "project_needs",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    minSize: smallint("min_size").notNull(),
    maxSize: smallint("max_size").notNull(),
    skills: jsonb("skills").notNull().default(sql`'[]'::jsonb`),
    /** `in_person`, `remote` or `both`. */
    rhythm: text("rhythm").notNull(),
    whyJoin: text("why_join").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "one_need_per_project_per_season", columns: [table.projectId, table.seasonId] }),
    check("team_size_is_sensible", sql`${table.minSize} >= 1 and ${table.maxSize} >= ${table.minSize} and ${table.maxSize} <= 50`),
    check("project_need_rhythm", sql`${table.rhythm} in ('in_person', 'remote', 'both')`),
  ],
);

/**
 * A member of a project's team in a season: `lead` (porteur·euse), `contributor` (contributeur·rice) or
 * `coach`. `source`: `named` (by the programme team), `assignment` (published assignment), `join_request`
 * (accepted after publication), `import` (past seasons' participations). Outside coaching, a person is in
 * at most one team per season.
 */
export const teamMembers = pgTable(
  "team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    source: text("source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_role_per_person_per_project_per_season").on(table.seasonId, table.projectId, table.userId),
    uniqueIndex("one_team_per_person_per_season").on(table.seasonId, table.userId).where(sql`${table.role} <> 'coach'`),
    index("team_members_by_project").on(table.projectId, table.seasonId),
    check("team_member_role", sql`${table.role} in ('lead', 'contributor', 'coach')`),
    check("team_member_source", sql`${table.source} in ('named', 'assignment', 'join_request', 'import')`),
  ],
);

/**
 * A member's wishes for a season: a draft until sent; `any_project` = « n'importe quel projet où je suis
 * utile »; `keep_previous_project` = a member carried over keeps priority on last season's project.
 */
export const wishLists = pgTable(
  "wish_lists",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    anyProject: boolean("any_project").notNull().default(false),
    keepPreviousProject: boolean("keep_previous_project").notNull().default(false),
    /** `draft` or `submitted`. */
    state: text("state").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "one_wish_list_per_person_per_season", columns: [table.userId, table.seasonId] }), check("wish_list_state", sql`${table.state} in ('draft', 'submitted')`)],
);

/** One ranked wish (1 = first) of a wish list, with an optional line of motivation. */
export const wishes = pgTable(
  "wishes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    rank: smallint("rank").notNull(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    motivation: text("motivation").notNull().default(""),
  },
  (table) => [
    primaryKey({ name: "one_wish_per_rank", columns: [table.userId, table.seasonId, table.rank] }),
    uniqueIndex("one_wish_per_person_per_project").on(table.userId, table.seasonId, table.projectId),
    index("wishes_by_season").on(table.seasonId),
    check("wish_rank_1_to_5", sql`${table.rank} between 1 and 5`),
  ],
);

/**
 * A season's team assignment: its rules (`settings`), the draft the programme team reviews (`draft`:
 * placements with their explanation, unplaced members, relaxed rules, proven optimal or not, objective),
 * and its publication. `version` grows at every change (optimistic checks).
 */
export const teamAssignments = pgTable(
  "team_assignments",
  {
    seasonId: uuid("season_id")
      .primaryKey()
      .references(() => seasons.id, { onDelete: "cascade" }),
    settings: jsonb("settings").notNull(),
    draft: jsonb("draft"),
    computedAt: timestamp("computed_at", { withTimezone: true }),
    objective: doublePrecision("objective"),
    provenOptimal: boolean("proven_optimal"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
);

/** A member locked by the programme team in a project: every new run keeps them there. */
export const assignmentLocks = pgTable(
  "assignment_locks",
  {
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    lockedBy: uuid("locked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "one_lock_per_person_per_season", columns: [table.seasonId, table.userId] })],
);

/** After publication, a member asks to join a project; its lead accepts or declines. */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull().default(""),
    /** `pending`, `accepted`, `declined` or `withdrawn`. */
    state: text("state").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_pending_request_per_person_per_season").on(table.seasonId, table.userId).where(sql`${table.state} = 'pending'`),
    index("join_requests_by_project").on(table.projectId, table.state),
    check("join_request_state", sql`${table.state} in ('pending', 'accepted', 'declined', 'withdrawn')`),
  ],
);
