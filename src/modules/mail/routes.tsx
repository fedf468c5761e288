import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { devMails } from "../../db/schema/index.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError } from "../../shared/domain-error.ts";
import { DevMailPage, DevMailsPage } from "./views/dev-mails-page.tsx";

/** The local outbox, only outside production and without SMTP: every mail the platform sent. */
export function registerMailRoutes(app: FastifyInstance, { db }: { db: Database }) {
  app.get("/_dev/mails", { config: { access: "public" } }, async (request, reply) => {
    const mails = await db.select().from(devMails).orderBy(desc(devMails.createdAt)).limit(200);
    return sendPage(reply, <DevMailsPage context={pageContext(request, reply)} mails={mails} />);
  });

  app.get("/_dev/mails/:id", { config: { access: "public" } }, async (request, reply) => {
    const params = z.object({ id: z.uuid() }).safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    const [mail] = await db.select().from(devMails).where(eq(devMails.id, params.data.id));
    if (!mail) throw new NotFoundError();
    return sendPage(reply, <DevMailPage context={pageContext(request, reply)} mail={mail} />);
  });
}
