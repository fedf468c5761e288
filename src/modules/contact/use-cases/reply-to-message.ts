import { NotFoundError } from "../../../shared/domain-error.ts";
import type { ContactDeps } from "../deps.ts";
import { nextStatus } from "../domain/message-states.ts";
import { insertReply, lockMessage, setMessageStatus } from "../repository.ts";
import { replyMail } from "../views/mails.ts";

/**
 * A team member answers a message: the answer is recorded in the thread, the message becomes « answered »
 * and the answer is mailed to the sender, all in one transaction with the message locked. An archived
 * message is refused at the `body` field (reopen it first).
 */
export function createReplyToMessage(deps: Pick<ContactDeps, "db" | "clock" | "mailer" | "publicUrl" | "teamAddress">) {
  return async (input: { messageId: string; authorId: string; body: string }): Promise<void> => {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const message = await lockMessage(tx, input.messageId);
      if (!message) throw new NotFoundError("Ce message n’existe pas ou a été supprimé.");
      const status = nextStatus(message.status, "reply", false);
      await insertReply(tx, { messageId: message.id, authorId: input.authorId, body: input.body, now });
      await setMessageStatus(tx, message.id, status, now);
      await deps.mailer.enqueue(
        tx,
        replyMail({ to: message.senderEmail, senderName: message.senderName, topic: message.topic, sentAt: message.createdAt, question: message.body, answer: input.body, publicUrl: deps.publicUrl, teamAddress: deps.teamAddress }),
      );
    });
  };
}
