import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { GalleryPage } from "./gallery-page.tsx";

/** The component gallery; registered only outside production, like the local outbox. */
export function registerGalleryRoutes(app: FastifyInstance) {
  app.get("/_dev/composants", { config: { access: "public" } }, async (request, reply) => {
    return sendPage(reply, <GalleryPage context={pageContext(request, reply, { form: true })} />);
  });
}
