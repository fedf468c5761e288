import { NotFoundError } from "../../../shared/domain-error.ts";
import type { ContactDeps } from "../deps.ts";
import { nextStatus } from "../domain/message-states.ts";
import { hasReplies, lockMessage, setMessageStatus } from "../repository.ts";

/** Puts an archived message back in the inbox: « answered » if it has a reply, else « new ». */
export function createReopenMessage(deps: Pick<ContactDeps, "db" | "clock">) {
  return async (messageId: string): Promise<void> => {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const message = await lockMessage(tx, messageId);
      if (!message) throw new NotFoundError("Ce message n’existe pas ou a été supprimé.");
      await setMessageStatus(tx, message.id, nextStatus(message.status, "reopen", await hasReplies(tx, message.id)), now);
    });
  };
}
