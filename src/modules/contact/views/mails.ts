import type { MailMessage } from "../../mail/api.ts";
import { formatDateTime } from "../../../shared/french-date.ts";
import { type ContactTopic, topicLabels } from "../domain/topics.ts";

const signature = "L’équipe du Programme 10\u00a0%";

/**
 * To the sender, once the message is stored. It repeats neither the message nor the name typed: the form
 * accepts any address, and a copy of free text would let a stranger send their text to someone else.
 */
export function acknowledgementMail(input: { to: string; topic: ContactTopic; sentAt: Date; publicUrl: string; teamAddress: string }): MailMessage {
  return {
    to: input.to,
    subject: "Votre message à l’équipe du Programme 10\u00a0% est bien arrivé",
    text: [
      "Bonjour,",
      "",
      `Nous avons bien reçu votre message du ${formatDateTime(input.sentAt)} (sujet\u00a0: ${topicLabels[input.topic]}), écrit depuis ${new URL("/contact", input.publicUrl).href}.`,
      "L’équipe du programme le lit et vous répond à cette adresse, en général sous une semaine.",
      "",
      `Vous n’avez pas écrit ce message\u00a0? Ignorez ce courriel, ou signalez-le à ${input.teamAddress}.`,
      "",
      signature,
    ].join("\n"),
  };
}

/** To the team's address: a new message is waiting, with only what it takes to open it (no name, no address, no text). */
export function newMessageMail(input: { to: string; messageId: string; topic: ContactTopic; publicUrl: string }): MailMessage {
  return {
    to: input.to,
    subject: `Nouveau message sur la plateforme\u00a0: ${topicLabels[input.topic]}`,
    text: [
      "Bonjour,",
      "",
      `Un nouveau message a été écrit depuis la page Contact (sujet\u00a0: ${topicLabels[input.topic]}).`,
      `Lisez-le et répondez dans l’administration\u00a0: ${new URL(`/admin/messages/${input.messageId}`, input.publicUrl).href}`,
      "",
      "La plateforme du Programme 10\u00a0%",
    ].join("\n"),
  };
}

/** To the sender: the team's answer, after a reminder of their message. */
export function replyMail(input: { to: string; senderName: string; topic: ContactTopic; sentAt: Date; question: string; answer: string; publicUrl: string; teamAddress: string }): MailMessage {
  const quoted = input.question
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
  return {
    to: input.to,
    subject: `Réponse de l’équipe du Programme 10\u00a0% («\u00a0${topicLabels[input.topic]}\u00a0»)`,
    text: [
      `Bonjour ${input.senderName},`,
      "",
      input.answer,
      "",
      signature,
      "",
      `Pour poursuivre l’échange, écrivez à ${input.teamAddress} ou depuis ${new URL("/contact", input.publicUrl).href}.`,
      "",
      `Votre message du ${formatDateTime(input.sentAt)}\u00a0:`,
      quoted,
    ].join("\n"),
  };
}
