import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";
import { projects, seasons } from "./seasons.ts";

/**
 * The project workspace of a season (issue 15). Every table is keyed by (project, season): a project keeps
 * one identity across seasons (ADR 0017), each season has its own workspace, and earlier seasons stay
 * readable as the project's « passeport ».
 */

/**
 * One version of the « fiche de cadrage » (the programme's « Atelier avant-projet » template). Versions are
 * never changed: a save adds version n + 1 if the editor started from version n (optimistic check), so two
 * concurrent edits never lose one silently. `content` holds the template's sections as `{ [key]: text }`.
 * The coach reviews a version (`reviewedBy`, `reviewNote`). `publicSections`: the keys the team shows on
 * the public project page (summary, deliverable).
 */
export const workspaceFramings = pgTable(
  "workspace_framings",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    publicSections: text("public_sections").array().notNull().default(sql`'{}'::text[]`),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note").notNull().default(""),
  },
  (table) => [primaryKey({ name: "one_framing_version", columns: [table.projectId, table.seasonId, table.version] }), check("framing_version_positive", sql`${table.version} >= 1`)],
);

/**
 * A milestone (« jalon ») placed in one of the season's working phases, with a due date, an owner and a
 * state. `public`: shown on the public project page.
 */
export const workspaceMilestones = pgTable(
  "workspace_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    /** `investigation`, `construction`, `amplification` or `restitution`. */
    phase: text("phase").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** `todo`, `doing`, `done` or `dropped`. */
    state: text("state").notNull().default("todo"),
    isPresentation: boolean("is_presentation").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("workspace_milestones_by_project").on(table.projectId, table.seasonId, table.dueOn),
    check("milestone_phase", sql`${table.phase} in ('investigation', 'construction', 'amplification', 'restitution')`),
    check("milestone_state", sql`${table.state} in ('todo', 'doing', 'done', 'dropped')`),
  ],
);

/**
 * One entry of the « journal de bord », after a workshop: what was done, decisions, next steps, blockers,
 * and the team's « météo » (`on_track`, `watch`, `blocked`) with a line. `eventId`: the workshop it follows;
 * who was there is read from the event's check-in, never typed again.
 */
export const workspaceLogEntries = pgTable(
  "workspace_log_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    happenedOn: date("happened_on", { mode: "string" }).notNull(),
    done: text("done").notNull(),
    decisions: text("decisions").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    blockers: text("blockers").notNull().default(""),
    weather: text("weather").notNull(),
    weatherNote: text("weather_note").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("workspace_log_by_project").on(table.projectId, table.seasonId, table.happenedOn),
    check("log_weather", sql`${table.weather} in ('on_track', 'watch', 'blocked')`),
  ],
);

/**
 * A link of the workspace (code forge, data, documentation, demo, Tchap room, other) or a file stored by
 * the platform (`kind` = `file`, `mediaPath` under the data directory, checked as the editor's media).
 * `public`: shown on the public project page.
 */
export const workspaceLinks = pgTable(
  "workspace_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    label: text("label").notNull(),
    url: text("url"),
    mediaPath: text("media_path"),
    public: boolean("public").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("workspace_links_by_project").on(table.projectId, table.seasonId),
    check("link_kind", sql`${table.kind} in ('forge', 'data', 'documentation', 'demo', 'tchap', 'file', 'other')`),
    check("link_has_a_target", sql`(${table.url} is not null) <> (${table.mediaPath} is not null)`),
  ],
);

/**
 * « Nous l'utilisons »: an administration declares it reuses the project (who, for what, since when).
 * Public, counted in the season's figures. One declaration per organisation and project.
 */
export const projectReuses = pgTable(
  "project_reuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id").references(() => seasons.id, { onDelete: "set null" }),
    purpose: text("purpose").notNull(),
    since: date("since", { mode: "string" }).notNull(),
    declaredBy: uuid("declared_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_reuse_per_organisation_per_project").on(table.projectId, table.organisationId)],
);

/** The season's « restitution »: the final presentation (slides link or file, video, demo), public once given. */
export const workspaceRestitutions = pgTable(
  "workspace_restitutions",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    summary: text("summary").notNull().default(""),
    slidesUrl: text("slides_url"),
    slidesMediaPath: text("slides_media_path"),
    videoUrl: text("video_url"),
    demoUrl: text("demo_url"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "one_restitution_per_project_per_season", columns: [table.projectId, table.seasonId] })],
);
