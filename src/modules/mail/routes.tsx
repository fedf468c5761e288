import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { devMails } from "../../db/schema/index.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError } from "../../shared/domain-error.ts";
import { isLoopbackRequest } from "./loopback.ts";
import { DevMailPage, DevMailsPage } from "./views/dev-mails-page.tsx";

/**
 * The outbox holds every sign-in link: on a demo or staging server without SMTP, reading it means
 * signing in as anyone. Only a browser on the server's own machine may read it; others get a 404.
 */
async function requireLoopback(request: FastifyRequest) {
  if (!isLoopbackRequest(request)) throw new NotFoundError();
}

/** The local outbox, only outside production and without SMTP, only from this machine: every mail the platform sent. */
export function registerMailRoutes(app: FastifyInstance, { db }: { db: Database }) {
  app.get("/_dev/mails", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    const mails = await db.select().from(devMails).orderBy(desc(devMails.createdAt)).limit(200);
    return sendPage(reply, <DevMailsPage context={pageContext(request, reply)} mails={mails} />);
  });

  app.get("/_dev/mails/:id", { config: { access: "public" }, onRequest: requireLoopback }, async (request, reply) => {
    const params = z.object({ id: z.uuid() }).safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    const [mail] = await db.select().from(devMails).where(eq(devMails.id, params.data.id));
    if (!mail) throw new NotFoundError();
    return sendPage(reply, <DevMailPage context={pageContext(request, reply)} mail={mail} />);
  });
}
