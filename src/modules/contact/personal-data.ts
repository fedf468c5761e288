import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { contactMessages, contactReplies } from "../../db/schema/index.ts";
import type { PersonalDataContribution, PersonalDataRow } from "../privacy/api.ts";
import { formatDateTime } from "../../shared/french-date.ts";
import { statusLabels } from "./domain/message-states.ts";
import { topicLabels } from "./domain/topics.ts";

function visitorMessagesOf(email: string) {
  return and(isNull(contactMessages.senderId), sql`lower(${contactMessages.senderEmail}) = ${email.toLowerCase()}`);
}

const messageColumns = {
  id: contactMessages.id,
  sender_name: contactMessages.senderName,
  sender_email: contactMessages.senderEmail,
  topic: contactMessages.topic,
  body: contactMessages.body,
  status: contactMessages.status,
  created_at: contactMessages.createdAt,
};

/** The messages with the team's answers to them, as text (never who answered: that is the team member's data). */
async function withAnswers(db: Executor, messages: { id: string }[]): Promise<PersonalDataRow[]> {
  if (messages.length === 0) return [];
  const replies = await db
    .select({ messageId: contactReplies.messageId, body: contactReplies.body, createdAt: contactReplies.createdAt })
    .from(contactReplies)
    .where(inArray(contactReplies.messageId, messages.map((message) => message.id)))
    .orderBy(asc(contactReplies.createdAt));
  return messages.map((message) => ({
    ...message,
    answers: replies
      .filter((reply) => reply.messageId === message.id)
      .map((reply) => `Le ${formatDateTime(reply.createdAt)}\u00a0: ${reply.body}`)
      .join("\n\n"),
  }));
}

/**
 * Messages written to the programme team from `/contact` (signed in, or without an account with the
 * person's address) with the answers received, and the answers the person wrote as a team member.
 * On erasure the person's messages and their threads are deleted; the answers they wrote to others stay
 * (the other person's thread) on the anonymised account, shown as « Ancien membre ».
 */
export const contactPersonalData: PersonalDataContribution = {
  module: "contact",
  sections: {
    contact_messages: {
      title: "Messages à l’équipe du programme",
      purpose: "Les messages que vous avez écrits depuis la page Contact en étant connecté·e, avec les réponses de l’équipe. Ils sont supprimés un an après le dernier échange.",
      columns: { created_at: "Envoyé le", topic: "Sujet", body: "Message", status: "État", answers: "Réponses de l’équipe" },
      valueLabels: { topic: { ...topicLabels }, status: { ...statusLabels } },
    },
    contact_visitor_messages: {
      title: "Messages écrits sans compte avec votre adresse",
      purpose: "Les messages écrits depuis la page Contact sans être connecté·e, avec votre adresse électronique, et les réponses de l’équipe. Ils sont supprimés un an après le dernier échange.",
      columns: { created_at: "Envoyé le", sender_name: "Nom", sender_email: "Adresse", topic: "Sujet", body: "Message", status: "État", answers: "Réponses de l’équipe" },
      valueLabels: { topic: { ...topicLabels }, status: { ...statusLabels } },
    },
    contact_replies: {
      title: "Réponses écrites pour l’équipe du programme",
      purpose: "Les réponses que vous avez faites, pour l’équipe du programme, aux messages reçus depuis la page Contact.",
      columns: { created_at: "Le", body: "Réponse" },
    },
  },

  async export(db, person) {
    const own = await db.select(messageColumns).from(contactMessages).where(eq(contactMessages.senderId, person.id)).orderBy(asc(contactMessages.createdAt));
    const asVisitor = await db.select(messageColumns).from(contactMessages).where(visitorMessagesOf(person.email)).orderBy(asc(contactMessages.createdAt));
    return {
      contact_messages: await withAnswers(db, own),
      contact_visitor_messages: await withAnswers(db, asVisitor),
      contact_replies: await db
        .select({ id: contactReplies.id, message_id: contactReplies.messageId, body: contactReplies.body, created_at: contactReplies.createdAt })
        .from(contactReplies)
        .where(eq(contactReplies.authorId, person.id))
        .orderBy(asc(contactReplies.createdAt)),
    };
  },

  async erase(tx, person) {
    // The threads go with the messages (on delete cascade).
    await tx.delete(contactMessages).where(or(eq(contactMessages.senderId, person.id), visitorMessagesOf(person.email)));
  },
};
