import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";

/**
 * « Café 10 % »: a member who opted in is paired each month. Opted out = `opted_out_at` set (the row
 * stays so that opting in again is one click too); erased with the person (GDPR).
 */
export const cafeParticipants = pgTable("cafe_participants", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  optedInAt: timestamp("opted_in_at", { withTimezone: true }).notNull(),
  optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
});

/**
 * One round a month (`YYYY-MM`, Paris time): the unique month makes a second run of the same month, from
 * another process or a second click, insert nothing (on conflict do nothing). `unpaired_user_ids`: the
 * participants left without a partner, first in line next month.
 */
export const cafeRounds = pgTable(
  "cafe_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    month: text("month").notNull(),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
    unpairedUserIds: uuid("unpaired_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
  },
  (table) => [uniqueIndex("one_cafe_round_per_month").on(table.month), check("cafe_round_month_is_yyyy_mm", sql`${table.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

/** A pair (or a trio, for an odd number) of a round; `size` keeps how many met, even after an erasure. */
export const cafePairs = pgTable(
  "cafe_pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => cafeRounds.id, { onDelete: "cascade" }),
    size: smallint("size").notNull(),
  },
  (table) => [index("cafe_pairs_by_round").on(table.roundId), check("cafe_pair_of_two_or_three", sql`${table.size} in (2, 3)`)],
);

/**
 * A person in a pair, with their ministry at the time of the round and the hash (SHA-256) of the one-click
 * opt-out token mailed to them for this round.
 */
export const cafePairMembers = pgTable(
  "cafe_pair_members",
  {
    pairId: uuid("pair_id")
      .notNull()
      .references(() => cafePairs.id, { onDelete: "cascade" }),
    roundId: uuid("round_id")
      .notNull()
      .references(() => cafeRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ministryId: uuid("ministry_id").references(() => organisations.id, { onDelete: "set null" }),
    optOutTokenHash: text("opt_out_token_hash").notNull(),
  },
  (table) => [
    primaryKey({ name: "one_membership_per_person_per_pair", columns: [table.pairId, table.userId] }),
    uniqueIndex("one_cafe_pair_per_person_per_round").on(table.roundId, table.userId),
    uniqueIndex("one_cafe_opt_out_token").on(table.optOutTokenHash),
    index("cafe_pair_members_by_user").on(table.userId),
  ],
);
