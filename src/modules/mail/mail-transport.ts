import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Database } from "../../db/client.ts";
import { devMails } from "../../db/schema/index.ts";

export type MailMessage = { to: string; subject: string; text: string; html?: string | undefined };

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
        await transporter.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      },
    };
  }
  return {
    kind: "dev-outbox",
    async deliver(message) {
      await options.db.insert(devMails).values({ to: message.to, subject: message.subject, text: message.text, html: message.html ?? null });
      const links = message.text.match(/https?:\/\/\S+/g) ?? [];
      options.logger.info({ to: message.to, subject: message.subject, links }, `Courriel pour ${message.to} : ${message.subject}${links.length ? ` — ${links.join(" ")}` : ""}`);
    },
  };
}
