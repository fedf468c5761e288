import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { devMails } from "../../db/schema/index.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError } from "../../shared/domain-error.ts";
import { isLoopbackRequest } from "./loopback.ts";
import { attachmentsOf, calendarMethodOf, DevMailPage, DevMailsPage } from "./views/dev-mails-page.tsx";

/**
 * The outbox holds every sign-in link: on a demo or staging server without SMTP, reading it means
 * signing in as anyone. Only a browser on the server's own machine may read it; others get a 404.
 */
async function requireLoopback(request: FastifyRequest) {
  if (!isLoopbackRequest(request)) throw new NotFoundError();
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name (RFC 6266). */
function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[^\w.-]+/g, "_") || "piece-jointe";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A part of a mail as a download: never shown inline, never run (its own CSP is a sandbox). */
function sendDownload(reply: FastifyReply, body: Buffer | string, contentType: string, filename: string) {
  return reply
    .header("content-type", contentType)
    .header("content-disposition", attachmentDisposition(filename))
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("cache-control", "no-store")
    .send(body);
}

/** The local outbox, only outside production and without SMTP, only from this machine: every mail the platform sent. */
export function registerMailRoutes(app: FastifyInstance, { db }: { db: Database }) {
  async function mailOf(request: FastifyRequest) {
    const params = z.object({ id: z.uuid() }).safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    const [mail] = await db.select().from(devMails).where(eq(devMails.id, params.data.id));
    if (!mail) throw new NotFoundError();
    return mail;
  }

  app.get("/_dev/mails", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    const mails = await db.select().from(devMails).orderBy(desc(devMails.createdAt)).limit(200);
    return sendPage(reply, <DevMailsPage context={pageContext(request, reply)} mails={mails} />);
  });

  app.get("/_dev/mails/:id", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    return sendPage(reply, <DevMailPage context={pageContext(request, reply)} mail={await mailOf(request)} />);
  });

  app.get("/_dev/mails/:id/pieces-jointes/:index", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    const mail = await mailOf(request);
    const index = Number((request.params as { index: string }).index);
    const attachment = Number.isInteger(index) ? attachmentsOf(mail)[index] : undefined;
    if (!attachment) throw new NotFoundError();
    // The type as sent when it looks like one; the download never renders in the page anyway.
    const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType) ? attachment.contentType : "application/octet-stream";
    return sendDownload(reply, Buffer.from(attachment.content, "base64"), contentType, attachment.filename);
  });

  app.get("/_dev/mails/:id/invitation.ics", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    const mail = await mailOf(request);
    if (!mail.calendar) throw new NotFoundError();
    const method = calendarMethodOf(mail.calendar);
    return sendDownload(reply, mail.calendar, `text/calendar; charset=utf-8${method ? `; method=${method}` : ""}`, "invitation.ics");
  });
}
