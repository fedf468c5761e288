import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Local outbox used outside production when no SMTP server is configured (read at /_dev/mails). */
export const devMails = pgTable("dev_mails", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  /** An iCalendar invitation sent with the message (text/calendar part), as sent. */
  calendar: text("calendar"),
  /** Attachments as sent: [{ filename, contentType, content (base64), cid? }]. */
  attachments: jsonb("attachments").notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
