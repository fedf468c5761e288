import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { CharterPage, charterPath } from "./views/charter-page.tsx";

/** `/programme/charte`: the charter members accept at the last step of joining, readable by anyone. */
export function registerCharterRoutes(app: FastifyInstance) {
  app.get(charterPath, { config: { access: "public" } }, async (request, reply) => sendPage(reply, <CharterPage context={pageContext(request, reply)} />));
}
