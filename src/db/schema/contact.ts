import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";

/**
 * A message written to the programme team from `/contact`: by a signed-in member (`sender_id`, their
 * account's address) or by a visitor (name and address as typed). `status`: new → answered → archived
 * (an archived message can be reopened). `last_activity_at` (written, replied, archived, reopened) starts
 * the retention period: the message and its thread are deleted one year later (ADR 0024).
 */
export const contactMessages = pgTable(
  "contact_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id").references(() => users.id),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    topic: text("topic").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull().default("new"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (table) => [
    index("contact_messages_by_status").on(table.status, table.createdAt),
    index("contact_messages_by_sender_address").on(sql`lower(${table.senderEmail})`, table.createdAt),
    index("contact_messages_of_member").on(table.senderId),
    index("contact_messages_by_last_activity").on(table.lastActivityAt),
    check("contact_message_status", sql`${table.status} in ('new', 'answered', 'archived')`),
    check("contact_message_topic", sql`${table.topic} in ('joining', 'project', 'events', 'manager', 'access', 'other')`),
  ],
);

/** An answer of the programme team to a contact message, mailed to its sender; the thread is the replies in order. */
export const contactReplies = pgTable(
  "contact_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => contactMessages.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("replies_of_contact_message").on(table.messageId, table.createdAt), index("contact_replies_of_author").on(table.authorId)],
);
