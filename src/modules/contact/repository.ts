import { and, asc, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { contactMessages, contactReplies, users } from "../../db/schema/index.ts";
import type { MessageStatus } from "./domain/message-states.ts";
import type { ContactTopic } from "./domain/topics.ts";

export type ContactMessage = {
  id: string;
  senderId: string | null;
  senderName: string;
  senderEmail: string;
  topic: ContactTopic;
  body: string;
  status: MessageStatus;
  createdAt: Date;
  lastActivityAt: Date;
  archivedAt: Date | null;
};

export type ContactReply = { id: string; body: string; createdAt: Date; author: { givenName: string | null; usualName: string | null; email: string } | null };

export type MessageSummary = Pick<ContactMessage, "id" | "senderName" | "senderEmail" | "topic" | "status" | "createdAt"> & { replies: number };

const messageColumns = {
  id: contactMessages.id,
  senderId: contactMessages.senderId,
  senderName: contactMessages.senderName,
  senderEmail: contactMessages.senderEmail,
  topic: contactMessages.topic,
  body: contactMessages.body,
  status: contactMessages.status,
  createdAt: contactMessages.createdAt,
  lastActivityAt: contactMessages.lastActivityAt,
  archivedAt: contactMessages.archivedAt,
};

export async function findMessage(db: Executor, id: string): Promise<ContactMessage | null> {
  const [row] = await db.select(messageColumns).from(contactMessages).where(eq(contactMessages.id, id));
  return (row as ContactMessage | undefined) ?? null;
}

/** The message, locked until the end of `tx`: two team members answering at once are applied one after the other. */
export async function lockMessage(tx: Executor, id: string): Promise<ContactMessage | null> {
  const [row] = await tx.select(messageColumns).from(contactMessages).where(eq(contactMessages.id, id)).for("update");
  return (row as ContactMessage | undefined) ?? null;
}

/** The inbox for one status, newest first. */
export async function listMessages(db: Executor, status: MessageStatus): Promise<MessageSummary[]> {
  const rows = await db
    .select({
      id: contactMessages.id,
      senderName: contactMessages.senderName,
      senderEmail: contactMessages.senderEmail,
      topic: contactMessages.topic,
      status: contactMessages.status,
      createdAt: contactMessages.createdAt,
      replies: sql<number>`(select count(*)::int from ${contactReplies} where ${contactReplies.messageId} = ${contactMessages.id})`,
    })
    .from(contactMessages)
    .where(eq(contactMessages.status, status))
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id));
  return rows as MessageSummary[];
}

/** How many messages each status holds (the inbox's tabs). */
export async function countMessagesByStatus(db: Executor): Promise<Record<MessageStatus, number>> {
  const rows = await db.select({ status: contactMessages.status, count: count() }).from(contactMessages).groupBy(contactMessages.status);
  const counts: Record<MessageStatus, number> = { new: 0, answered: 0, archived: 0 };
  for (const row of rows) counts[row.status as MessageStatus] = row.count;
  return counts;
}

export async function listReplies(db: Executor, messageId: string): Promise<ContactReply[]> {
  const rows = await db
    .select({ id: contactReplies.id, body: contactReplies.body, createdAt: contactReplies.createdAt, givenName: users.givenName, usualName: users.usualName, email: users.email })
    .from(contactReplies)
    .leftJoin(users, eq(users.id, contactReplies.authorId))
    .where(eq(contactReplies.messageId, messageId))
    .orderBy(asc(contactReplies.createdAt), asc(contactReplies.id));
  return rows.map((row) => ({ id: row.id, body: row.body, createdAt: row.createdAt, author: row.email ? { givenName: row.givenName, usualName: row.usualName, email: row.email } : null }));
}

/** Messages received from an address since `since` (the per-address limit). */
export async function countMessagesFromAddressSince(db: Executor, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(contactMessages)
    .where(and(sql`lower(${contactMessages.senderEmail}) = ${email.toLowerCase()}`, gte(contactMessages.createdAt, since)));
  return row?.count ?? 0;
}

export async function insertMessage(tx: Executor, values: { senderId: string | null; senderName: string; senderEmail: string; topic: ContactTopic; body: string; now: Date }): Promise<string> {
  const [row] = await tx
    .insert(contactMessages)
    .values({ senderId: values.senderId, senderName: values.senderName, senderEmail: values.senderEmail, topic: values.topic, body: values.body, createdAt: values.now, lastActivityAt: values.now })
    .returning({ id: contactMessages.id });
  return row!.id;
}

export async function insertReply(tx: Executor, values: { messageId: string; authorId: string; body: string; now: Date }): Promise<void> {
  await tx.insert(contactReplies).values({ messageId: values.messageId, authorId: values.authorId, body: values.body, createdAt: values.now });
}

export async function setMessageStatus(tx: Executor, id: string, status: MessageStatus, now: Date): Promise<void> {
  await tx
    .update(contactMessages)
    .set({ status, lastActivityAt: now, archivedAt: status === "archived" ? now : null })
    .where(eq(contactMessages.id, id));
}

export async function hasReplies(tx: Executor, messageId: string): Promise<boolean> {
  const [row] = await tx.select({ count: count() }).from(contactReplies).where(eq(contactReplies.messageId, messageId));
  return (row?.count ?? 0) > 0;
}

/** Deletes the messages (and their threads) whose last activity is before `limit`; returns how many. */
export async function deleteMessagesInactiveSince(db: Executor, limit: Date): Promise<number> {
  const deleted = await db.delete(contactMessages).where(lt(contactMessages.lastActivityAt, limit)).returning({ id: contactMessages.id });
  return deleted.length;
}
