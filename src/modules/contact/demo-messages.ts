import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { insertMessage, insertReply, setMessageStatus } from "./repository.ts";

const day = 24 * 60 * 60 * 1000;

/**
 * Two messages in the team's inbox for the demo (no mail sent): a manager's question from a visitor, new;
 * and a member's question answered by the programme team (Camille Martin). Skipped when the demo accounts
 * are missing.
 */
export async function seedDemoMessages(db: Database, options: { now: Date }): Promise<void> {
  const [member] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, "ines.benali@insee.fr"));
  const [team] = await db.select({ id: users.id }).from(users).where(eq(users.email, "camille.martin@numerique.gouv.fr"));
  if (!member || !team) return;
  await db.transaction(async (tx) => {
    const askedAt = new Date(options.now.getTime() - 3 * day);
    const answered = await insertMessage(tx, {
      senderId: member.id,
      senderName: "Inès Benali",
      senderEmail: member.email,
      topic: "project",
      body: "Bonjour,\nje voudrais rejoindre l’équipe de Cartiflette cette saison. À qui dois-je m’adresser\u00a0?",
      now: askedAt,
    });
    const answeredAt = new Date(askedAt.getTime() + day);
    await insertReply(tx, { messageId: answered, authorId: team.id, body: "Bonjour Inès,\nécrivez à l’équipe depuis la page du projet, ou venez à l’atelier de mardi\u00a0: l’équipe y sera.", now: answeredAt });
    await setMessageStatus(tx, answered, "answered", answeredAt);
    await insertMessage(tx, {
      senderId: null,
      senderName: "Claire Manager",
      senderEmail: "claire.manager@culture.gouv.fr",
      topic: "manager",
      body: "Bonjour,\nun agent de mon équipe souhaite participer au programme. Comment s’organisent ses 10\u00a0% de temps, et faut-il signer une convention\u00a0?",
      now: new Date(options.now.getTime() - day),
    });
  });
}
