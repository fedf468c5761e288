import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";
import { projects, seasons } from "./seasons.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * « Mon 10 % » (issue 16): the agreement between an agent and their manager (« convention 10 % »), the time
 * ledger and the attestations of time contributed.
 */

/**
 * An agreement of a member for a season, with one manager. Its terms live in versions (`agreement_versions`);
 * `currentVersion` is the one the signatories are asked to decide on. `status`: `sent` (waiting for the
 * signatories), `accepted` (every signatory accepted the current version), `declined`, `ended` (ended early,
 * `endedOn`), `replaced` (a new manager means a new agreement). At most one live (`sent` or `accepted`)
 * agreement per member and season. `shareDetails`: the member lets their manager read their work lines.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("sent"),
    currentVersion: integer("current_version").notNull().default(1),
    shareDetails: boolean("share_details").notNull().default(false),
    endedOn: date("ended_on", { mode: "string" }),
    endedBy: text("ended_by"),
    endReason: text("end_reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_live_agreement_per_member_and_season").on(table.userId, table.seasonId).where(sql`${table.status} in ('sent', 'accepted')`),
    index("agreements_season_idx").on(table.seasonId),
    check("agreement_status", sql`${table.status} in ('sent', 'accepted', 'declined', 'ended', 'replaced')`),
    check("agreement_ended_by", sql`${table.endedBy} is null or ${table.endedBy} in ('member', 'manager', 'programme')`),
  ],
);

/**
 * The terms of an agreement, never changed: a change (share, period, projects, manager's address) adds
 * version n + 1 and asks the signatories again. `shareKind`: `ten_percent` (the programme's 10 %: 2 half-days
 * a month) or `half_days` (`halfDaysPerMonth` agreed). `projects`: `[{ projectId, title }]`, empty for « à
 * définir ». The member's and manager's names and the member's organisation are kept as they were sent, so
 * the signed document stays what was signed.
 */
export const agreementVersions = pgTable(
  "agreement_versions",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    shareKind: text("share_kind").notNull(),
    halfDaysPerMonth: smallint("half_days_per_month").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    projects: jsonb("projects").notNull().default(sql`'[]'::jsonb`),
    memberName: text("member_name").notNull(),
    memberEmail: text("member_email").notNull(),
    memberOrganisation: text("member_organisation").notNull().default(""),
    /** The ministry of the member's organisation when sent: whose third signatory is asked, if any. */
    ministryId: uuid("ministry_id").references(() => organisations.id, { onDelete: "set null" }),
    managerName: text("manager_name").notNull(),
    managerEmail: text("manager_email").notNull(),
    charterVersion: text("charter_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_agreement_version").on(table.agreementId, table.version),
    check("agreement_share_kind", sql`${table.shareKind} in ('ten_percent', 'half_days')`),
    check("agreement_half_days", sql`${table.halfDaysPerMonth} between 1 and 10`),
    check("agreement_period", sql`${table.endsOn} >= ${table.startsOn}`),
  ],
);

/**
 * Who must agree to a version: the manager, and the third signatory of the member's ministry when the
 * programme team configured one. `decision`: null while waiting, `accepted` or `declined` (`reason`).
 * `invalidatedAt`: a newer version replaced this one before a decision. Reminders after 7 and 14 days
 * (`remindedAt`, `remindedAgainAt`), then the member is told (`memberToldAt`).
 */
export const agreementSignatures = pgTable(
  "agreement_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    role: text("role").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    decision: text("decision"),
    reason: text("reason").notNull().default(""),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** `link` (the personal link of the mail) or `account` (signed in, ProConnect or magic link). */
    decidedVia: text("decided_via"),
    invalidatedAt: timestamp("invalidated_at", { withTimezone: true }),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    remindedAgainAt: timestamp("reminded_again_at", { withTimezone: true }),
    memberToldAt: timestamp("member_told_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("one_signature_per_role_and_version").on(table.agreementId, table.version, table.role),
    index("agreement_signatures_email_idx").on(table.email),
    check("agreement_signature_role", sql`${table.role} in ('manager', 'third')`),
    check("agreement_signature_decision", sql`${table.decision} is null or ${table.decision} in ('accepted', 'declined')`),
  ],
);

/**
 * The personal links mailed to a signatory (the first mail and each reminder): only the SHA-256 of the token
 * is kept. A link opens the agreement while it has not expired, its signature is undecided and not invalidated.
 */
export const agreementLinks = pgTable(
  "agreement_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    signatureId: uuid("signature_id")
      .notNull()
      .references(() => agreementSignatures.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("agreement_links_signature_idx").on(table.signatureId)],
);

/**
 * The audit trail of an agreement, shown on its page and printed in its PDF: `sent`, `modified`, `accepted`,
 * `declined`, `question`, `answer`, `reminded`, `member_told`, `ended`, `replaced`. `actor`: `member`, `manager`,
 * `third`, `programme` or `platform`; `actorName` as it was; `detail` the reason, question or answer.
 */
export const agreementEvents = pgTable(
  "agreement_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: text("kind").notNull(),
    actor: text("actor").notNull(),
    actorName: text("actor_name").notNull().default(""),
    detail: text("detail").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("agreement_events_agreement_idx").on(table.agreementId, table.at),
    check("agreement_event_kind", sql`${table.kind} in ('sent', 'modified', 'accepted', 'declined', 'question', 'answer', 'reminded', 'member_told', 'ended', 'replaced')`),
    check("agreement_event_actor", sql`${table.actor} in ('member', 'manager', 'third', 'programme', 'platform')`),
  ],
);

/** The third signatory of a ministry (HR or the ministry's data administrator), configured by the programme team. */
export const agreementThirdSignatories = pgTable("agreement_third_signatories", {
  ministryId: uuid("ministry_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** `hr` or `amd`. */
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [check("third_signatory_kind", sql`${table.kind} in ('hr', 'amd')`)]);

/**
 * Work declared by a member in their ledger: a date, a half-day (1) or a day (2), the project (or none) and
 * one line. Attendance at events is not stored here: the ledger reads it from the check-ins (events module),
 * so an undone check-in, an edited event or a cancelled registration is never counted.
 */
export const timeEntries = pgTable(
  "time_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workedOn: date("worked_on", { mode: "string" }).notNull(),
    halfDays: smallint("half_days").notNull(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("time_entries_user_idx").on(table.userId, table.workedOn), check("time_entry_half_days", sql`${table.halfDays} in (1, 2)`)],
);

/** A monthly summary mailed to a manager, once per address and month (several servers never send it twice). */
export const managerSummaries = pgTable(
  "manager_summaries",
  {
    managerEmail: text("manager_email").notNull(),
    /** `YYYY-MM` of the month summarised. */
    month: text("month").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_manager_summary_per_month").on(table.managerEmail, table.month)],
);

/**
 * An attestation of time contributed, issued to a member: `code` (given to whoever checks it), the facts it
 * attests as structured data, the PDF as issued and its SHA-256. The verification page shows the facts and
 * the fingerprint, so anyone can tell the document is genuine and unchanged.
 */
export const attestations = pgTable(
  "attestations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    facts: jsonb("facts").notNull(),
    pdf: bytea("pdf").notNull(),
    sha256: text("sha256").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("one_attestation_per_code").on(table.code), index("attestations_user_idx").on(table.userId)],
);
