import { NotFoundError } from "../../../shared/domain-error.ts";
import type { ContactDeps } from "../deps.ts";
import { nextStatus } from "../domain/message-states.ts";
import { lockMessage, setMessageStatus } from "../repository.ts";

/** Files a message away (new or answered → archived); an already archived one is refused (InvalidInputError). */
export function createArchiveMessage(deps: Pick<ContactDeps, "db" | "clock">) {
  return async (messageId: string): Promise<void> => {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const message = await lockMessage(tx, messageId);
      if (!message) throw new NotFoundError("Ce message n’existe pas ou a été supprimé.");
      await setMessageStatus(tx, message.id, nextStatus(message.status, "archive", false), now);
    });
  };
}
