import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";

/** A season of the programme (« Saison 2023 »), with ordered, dated phases. */
export const seasons = pgTable(
  "seasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_season_per_slug").on(table.slug), check("season_ends_after_it_starts", sql`${table.endsOn} >= ${table.startsOn}`)],
);

/** A phase of a season: appel à projets, qualification, lancement, investigation, construction, amplification, restitution. */
export const seasonPhases = pgTable(
  "season_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (table) => [uniqueIndex("one_phase_per_season_position").on(table.seasonId, table.position), check("phase_ends_after_it_starts", sql`${table.endsOn} >= ${table.startsOn}`)],
);

/** The call for projects of a season (« appel à défis d'intérêt commun »): open between two instants (Europe/Paris in the UI). */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_call_per_season").on(table.seasonId), check("call_closes_after_it_opens", sql`${table.closesAt} > ${table.opensAt}`)],
);

/**
 * A proposal on the programme's framing template. `state` follows the state machine of
 * src/modules/calls/domain/proposal-states.ts; every change is logged in `proposal_transitions`.
 * `skills_sought`: [{ skillId, level (1–3), required }].
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    state: text("state").notNull().default("draft"),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    needHolders: text("need_holders").notNull().default(""),
    expectedImpact: text("expected_impact").notNull().default(""),
    successIndicators: text("success_indicators").notNull().default(""),
    dataSources: text("data_sources").notNull().default(""),
    dataAccess: text("data_access").notNull().default(""),
    codeRepository: text("code_repository"),
    codeLicence: text("code_licence"),
    skillsSought: jsonb("skills_sought").notNull().default(sql`'[]'::jsonb`),
    deliverable: text("deliverable").notNull().default(""),
    milestones: text("milestones").notNull().default(""),
    upkeep: text("upkeep").notNull().default(""),
    sponsorOrganisationId: uuid("sponsor_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    participatingOrganisationIds: uuid("participating_organisation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The open question of a reviewer while the state is `information_requested`. */
    informationRequest: text("information_request"),
    decisionReason: text("decision_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("proposals_by_call_and_state").on(table.callId, table.state),
    index("proposals_by_author").on(table.authorId),
    check("proposal_state", sql`${table.state} in ('draft', 'submitted', 'under_review', 'information_requested', 'selected', 'declined')`),
  ],
);

/** « Nous aussi » : a member of another organisation supports a proposal with one line about their need. */
export const proposalSupports = pgTable(
  "proposal_supports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    statement: text("statement").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_support_per_person_per_proposal").on(table.proposalId, table.userId)],
);

/** A reviewer's scores on the three criteria (0–3), comment, and private note (reviewers only). */
export const proposalReviews = pgTable(
  "proposal_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    commonInterest: smallint("common_interest").notNull(),
    immediateNeed: smallint("immediate_need").notNull(),
    openness: smallint("openness").notNull(),
    comment: text("comment").notNull().default(""),
    privateNote: text("private_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_review_per_reviewer_per_proposal").on(table.proposalId, table.reviewerId),
    check("review_scores_0_to_3", sql`${table.commonInterest} between 0 and 3 and ${table.immediateNeed} between 0 and 3 and ${table.openness} between 0 and 3`),
  ],
);

/** Every state change of a proposal: who, when, from, to, and the message (question, answer, reason). */
export const proposalTransitions = pgTable(
  "proposal_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    message: text("message"),
    /** The actor declared a conflict of interest (a programme team member of the author's organisation, ADR 0025). */
    conflictDeclared: boolean("conflict_declared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("proposal_transitions_by_proposal").on(table.proposalId, table.createdAt)],
);

/** A project of the programme: one identity across seasons (Cartiflette, ChartsGouv…). */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    pitch: text("pitch").notNull().default(""),
    problem: text("problem").notNull().default(""),
    repositoryUrl: text("repository_url"),
    tchapRoom: text("tchap_room"),
    skillsSought: jsonb("skills_sought").notNull().default(sql`'[]'::jsonb`),
    sponsorOrganisationId: uuid("sponsor_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    participatingOrganisationIds: uuid("participating_organisation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The proposal it was selected from (null for projects older than the platform). */
    proposalId: uuid("proposal_id").references(() => proposals.id, { onDelete: "set null" }),
    /** The page of the old site that describes it (content module), shown as its description. */
    contentPath: text("content_path"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_project_per_slug").on(table.slug), uniqueIndex("one_project_per_proposal").on(table.proposalId)],
);

/** The seasons a project ran in, each with the decision that carried it there. */
export const projectSeasons = pgTable(
  "project_seasons",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    /** `selected` (from the call) or `carried_over` (continued from the previous season). */
    entry: text("entry").notNull(),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "one_entry_per_project_per_season", columns: [table.projectId, table.seasonId] }), check("project_season_entry", sql`${table.entry} in ('selected', 'carried_over')`)],
);
