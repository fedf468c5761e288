import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The controlled skills vocabulary (bulloterie topics), with synonyms; members may propose new ones. */
export const skills = pgTable(
  "skills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull(),
    synonyms: text("synonyms").array().notNull().default(sql`'{}'::text[]`),
    /** `accepted` (in the vocabulary) or `proposed` (by a member, waiting for the programme team). */
    status: text("status").notNull().default("accepted"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_skill_per_slug").on(table.slug),
    check("skill_status", sql`${table.status} in ('accepted', 'proposed')`),
  ],
);

/**
 * A member's profile (one per account). `search_vector` and `search_text` are kept by the database
 * (trigger `profiles_search`, migration 0004) from the profile, the account's name, organisation and skills.
 */
export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    /** The organisation as the member wrote it when it is not in the list (the programme team then creates it). */
    unlistedOrganisation: text("unlisted_organisation"),
    jobFamily: text("job_family"),
    bio: text("bio"),
    learningWishes: text("learning_wishes"),
    availability: text("availability"),
    forgeUrl: text("forge_url"),
    tchapId: text("tchap_id"),
    managerName: text("manager_name"),
    managerEmail: text("manager_email"),
    /** `members` (visible in the directory) or `programme_team` (only the programme team sees it). */
    visibility: text("visibility").notNull().default("members"),
    charterAcceptedAt: timestamp("charter_accepted_at", { withTimezone: true }),
    /** The next wizard step to fill (1–3); the profile joins the directory once `joined_at` is set. */
    onboardingStep: integer("onboarding_step").notNull().default(1),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector"),
    /** Unaccented lower-case names, skills, job and organisation: trigram typo tolerance. */
    searchText: text("search_text"),
  },
  (table) => [
    uniqueIndex("one_profile_per_slug").on(table.slug),
    index("profiles_search_vector").using("gin", table.searchVector),
    index("profiles_search_text_trigrams").using("gin", sql`${table.searchText} gin_trgm_ops`),
    index("profiles_in_directory").on(table.joinedAt, table.visibility),
    check("profile_visibility", sql`${table.visibility} in ('members', 'programme_team')`),
    check("profile_onboarding_step", sql`${table.onboardingStep} between 1 and 4`),
  ],
);

/** A member's level on a skill: 1 curieux·se, 2 je connais, 3 expert·e. */
export const profileSkills = pgTable(
  "profile_skills",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    level: smallint("level").notNull(),
  },
  (table) => [
    primaryKey({ name: "one_level_per_person_per_skill", columns: [table.userId, table.skillId] }),
    index("profile_skills_by_skill_and_level").on(table.skillId, table.level),
    check("skill_level", sql`${table.level} between 1 and 3`),
  ],
);

/** Seasons and projects a member took part in: recorded by the seasons and projects modules through the people API. */
export const participations = pgTable(
  "participations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    season: text("season").notNull(),
    projectSlug: text("project_slug"),
    projectTitle: text("project_title"),
    role: text("role"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_participation_per_person_season_project").on(table.userId, table.season, sql`coalesce(${table.projectSlug}, '')`),
    index("participations_by_season").on(table.season),
    index("participations_by_project").on(table.projectSlug),
  ],
);
