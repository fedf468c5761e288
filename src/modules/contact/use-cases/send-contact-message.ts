import { sql } from "drizzle-orm";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import type { ContactDeps } from "../deps.ts";
import { messagesPerAddressPerHour, sendingWindowStart } from "../domain/sending-limits.ts";
import type { ContactTopic } from "../domain/topics.ts";
import { countMessagesFromAddressSince, insertMessage } from "../repository.ts";
import { acknowledgementMail, newMessageMail } from "../views/mails.ts";

export type ContactMessageInput = {
  /** The signed-in member writing, or null for a visitor. */
  senderId: string | null;
  name: string;
  /** For a member, the address of their account (never one typed in the form). */
  email: string;
  topic: ContactTopic;
  body: string;
};

/**
 * Stores a message for the programme team and, in the same transaction, the acknowledgement to the sender
 * and the notice to the team's address. More than `messagesPerAddressPerHour` from one address in an hour
 * is refused at the `email` field; the address is locked while it is counted, so that concurrent sends
 * cannot go past the limit.
 */
export function createSendContactMessage(deps: Pick<ContactDeps, "db" | "clock" | "mailer" | "publicUrl" | "teamAddress">) {
  return async (input: ContactMessageInput): Promise<{ id: string }> => {
    const now = deps.clock.now();
    const email = input.email.toLowerCase();
    return deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contact-message:${email}`}))`);
      if ((await countMessagesFromAddressSince(tx, email, sendingWindowStart(now))) >= messagesPerAddressPerHour) {
        throw new InvalidInputError(
          { email: `Vous avez déjà envoyé ${messagesPerAddressPerHour}\u00a0messages depuis cette adresse dans l’heure. Attendez un peu avant d’en écrire un autre, ou écrivez directement à ${deps.teamAddress}.` },
          "too_many_messages",
        );
      }
      const id = await insertMessage(tx, { senderId: input.senderId, senderName: input.name, senderEmail: email, topic: input.topic, body: input.body, now });
      await deps.mailer.enqueue(tx, acknowledgementMail({ to: email, topic: input.topic, sentAt: now, publicUrl: deps.publicUrl, teamAddress: deps.teamAddress }));
      await deps.mailer.enqueue(tx, newMessageMail({ to: deps.teamAddress, messageId: id, topic: input.topic, publicUrl: deps.publicUrl }));
      return { id };
    });
  };
}
