import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { projects, seasons } from "./seasons.ts";

/**
 * A recurring series (« un atelier un mardi sur deux, de mars à juin »): its occurrences are ordinary
 * events sharing `series_id`, so that one of them, or the rest of the series, can be edited or cancelled.
 * `rule`: { frequency: "weekly", interval (weeks), until (date) } as entered.
 */
export const eventSeries = pgTable("event_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  rule: jsonb("rule").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An event of the programme: bootcamp, atelier, formation, webinaire, clôture, moment convivial.
 * Times are instants (shown in Europe/Paris). A mode is offered when its capacity is set: in person
 * (`in_person_capacity`, with a place) and/or remote (`remote_capacity`, with a visio link): hybrid when both.
 * `agenda`: [{ startsAt: "14:00", endsAt: "15:00", title }]; `questions`: [{ key, label, kind: "text" | "choice",
 * required, options? }] asked at registration. Trainings carry their replay and slides once given.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    agenda: jsonb("agenda").notNull().default(sql`'[]'::jsonb`),
    placeName: text("place_name"),
    placeAddress: text("place_address"),
    placeAccess: text("place_access"),
    visioUrl: text("visio_url"),
    inPersonCapacity: integer("in_person_capacity"),
    remoteCapacity: integer("remote_capacity"),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    cancellationClosesAt: timestamp("cancellation_closes_at", { withTimezone: true }),
    /** When the building's reception wants the access list (the export is final from then on). */
    accessListDueAt: timestamp("access_list_due_at", { withTimezone: true }),
    /** `public` (visitors may register with their e-mail), `members`, or `project` (the team of `audience_project_id`). */
    audience: text("audience").notNull().default("members"),
    audienceProjectId: uuid("audience_project_id").references(() => projects.id, { onDelete: "set null" }),
    seasonId: uuid("season_id").references(() => seasons.id, { onDelete: "set null" }),
    seriesId: uuid("series_id").references(() => eventSeries.id, { onDelete: "set null" }),
    questions: jsonb("questions").notNull().default(sql`'[]'::jsonb`),
    /** `scheduled` or `cancelled` (kept, with its reason, so that links and registrations still explain it). */
    status: text("status").notNull().default("scheduled"),
    cancellationReason: text("cancellation_reason"),
    trainers: text("trainers"),
    replayUrl: text("replay_url"),
    slidesUrl: text("slides_url"),
    /** Other links of a training (code repository, course site): [{ label, url }]. */
    resources: jsonb("resources").notNull().default(sql`'[]'::jsonb`),
    /** Where a demo or imported event came from (idempotent imports). */
    sourceKey: text("source_key"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_event_per_slug").on(table.slug),
    uniqueIndex("one_event_per_source_key").on(table.sourceKey),
    index("events_by_start").on(table.startsAt),
    index("events_of_series").on(table.seriesId, table.startsAt),
    check("event_kind", sql`${table.kind} in ('bootcamp', 'atelier', 'formation', 'webinaire', 'cloture', 'convivial')`),
    check("event_audience", sql`${table.audience} in ('public', 'members', 'project')`),
    check("event_status", sql`${table.status} in ('scheduled', 'cancelled')`),
    check("event_ends_after_it_starts", sql`${table.endsAt} > ${table.startsAt}`),
    check("event_capacities_are_positive", sql`coalesce(${table.inPersonCapacity}, 1) >= 0 and coalesce(${table.remoteCapacity}, 1) >= 0`),
    check("event_registration_closes_after_it_opens", sql`${table.registrationClosesAt} is null or ${table.registrationOpensAt} is null or ${table.registrationClosesAt} > ${table.registrationOpensAt}`),
  ],
);

/** The projects an event concerns (a project's workshop, a bootcamp where projects pitch). */
export const eventProjects = pgTable(
  "event_projects",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ name: "one_link_per_event_project", columns: [table.eventId, table.projectId] })],
);

/**
 * A registration: a member's (`user_id`), or a visitor's for a public event (`email` and names, confirmed by a
 * link: `pending` until then, holding no seat). `status`: pending → confirmed | waitlisted → cancelled.
 * The waitlist is served in `queue_position` order (a sequence: the order registrations reached the database).
 * `check_in_token`: the QR code's secret. `answers`: { [question key]: text }.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    email: text("email"),
    givenName: text("given_name"),
    usualName: text("usual_name"),
    /** For a visitor: the organisation they typed (the reception's access list asks for it). */
    organisationName: text("organisation_name"),
    mode: text("mode").notNull(),
    status: text("status").notNull(),
    queuePosition: bigserial("queue_position", { mode: "number" }).notNull(),
    answers: jsonb("answers").notNull().default(sql`'{}'::jsonb`),
    checkInToken: text("check_in_token").notNull(),
    /** A visitor's confirmation link (sha256 of the token); kept after confirmation so that the link opened again shows the registration, until the event is over. */
    confirmationTokenHash: text("confirmation_token_hash"),
    attendedAt: timestamp("attended_at", { withTimezone: true }),
    attendanceMarkedBy: uuid("attendance_marked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("one_live_registration_per_member").on(table.eventId, table.userId).where(sql`${table.userId} is not null and ${table.status} <> 'cancelled'`),
    uniqueIndex("one_live_registration_per_visitor").on(table.eventId, sql`lower(${table.email})`).where(sql`${table.userId} is null and ${table.status} <> 'cancelled'`),
    uniqueIndex("one_registration_per_check_in_token").on(table.checkInToken),
    uniqueIndex("one_registration_per_confirmation_link").on(table.confirmationTokenHash),
    index("registrations_of_event").on(table.eventId, table.status, table.mode, table.queuePosition),
    index("registrations_of_member").on(table.userId),
    check("registration_mode", sql`${table.mode} in ('in_person', 'remote')`),
    check("registration_status", sql`${table.status} in ('pending', 'confirmed', 'waitlisted', 'cancelled')`),
    check("registration_has_a_person", sql`${table.userId} is not null or ${table.email} is not null`),
  ],
);

/** Reminders sent (`kind`: `two_days`, `two_hours`): the primary key makes each one go out once. */
export const eventReminders = pgTable(
  "event_reminders",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: "one_reminder_per_kind", columns: [table.registrationId, table.kind] }), check("reminder_kind", sql`${table.kind} in ('two_days', 'two_hours')`)],
);

/** A member's personal calendar feed: its secret address (revoked by replacing the token). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_feed_per_token").on(table.token)],
);
