import { InvalidInputError } from "../../../shared/domain-error.ts";

/** Where a message stands in the programme team's inbox. */
export const MessageStatuses = { new: "new", answered: "answered", archived: "archived" } as const;
export type MessageStatus = (typeof MessageStatuses)[keyof typeof MessageStatuses];

export const statusLabels: Record<MessageStatus, string> = { new: "Nouveau", answered: "Répondu", archived: "Archivé" };

export function isMessageStatus(value: string): value is MessageStatus {
  return Object.hasOwn(statusLabels, value);
}

/** What the team does to a message. */
export type MessageAction = "reply" | "archive" | "reopen";

/**
 * The inbox's state machine: a reply makes a new or answered message « answered »; archiving files it away;
 * reopening an archived message puts it back as it was (« answered » once it has a reply, else « new »).
 * An archived message is reopened before being answered, so that nobody answers it without seeing it.
 */
export function nextStatus(current: MessageStatus, action: MessageAction, hasReplies: boolean): MessageStatus {
  switch (action) {
    case "reply":
      if (current === "archived") throw new InvalidInputError({ body: "Ce message est archivé\u00a0: rouvrez-le avant d’y répondre." }, "message_archived");
      return "answered";
    case "archive":
      if (current === "archived") throw new InvalidInputError({ _form: "Ce message est déjà archivé." }, "message_archived");
      return "archived";
    case "reopen":
      if (current !== "archived") throw new InvalidInputError({ _form: "Ce message n’est pas archivé." }, "message_not_archived");
      return hasReplies ? "answered" : "new";
  }
}
