import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Database } from "../../db/client.ts";
import { devMails } from "../../db/schema/index.ts";

/** A file sent with a message; with `cid`, an image the HTML part shows (`<img src="cid:…">`). */
export type MailAttachment = { filename: string; contentType: string; content: string; cid?: string | undefined };

/**
 * A message. `calendar`: an iCalendar object sent as the text/calendar alternative (an invitation that
 * calendar clients offer to add). Attachments' content is base64 (job data is JSON).
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  calendar?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; content: string } | undefined;
  attachments?: MailAttachment[] | undefined;
};

export type MailTransport = { deliver(message: MailMessage): Promise<void>; kind: "smtp" | "dev-outbox" };

/**
 * SMTP when SMTP_URL is set; otherwise (never in production) the local outbox read at /_dev/mails,
 * with the links of each message printed in the console.
 */
export function createMailTransport(options: { smtpUrl?: string | undefined; from: string; db: Database; logger: Logger }): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: "smtp",
      async deliver(message) {
        await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          icalEvent: message.calendar ? { method: message.calendar.method, filename: "invitation.ics", content: message.calendar.content } : undefined,
          attachments: (message.attachments ?? []).map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content, encoding: "base64", cid: attachment.cid })),
        });
      },
    };
  }
  return {
    kind: "dev-outbox",
    async deliver(message) {
      await options.db.insert(devMails).values({ to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, calendar: message.calendar?.content ?? null, attachments: message.attachments ?? [] });
      const links = message.text.match(/https?:\/\/\S+/g) ?? [];
      options.logger.info({ to: message.to, subject: message.subject, links }, `Courriel pour ${message.to} : ${message.subject}${links.length ? ` — ${links.join(" ")}` : ""}`);
    },
  };
}
