import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { countCommunity } from "../identity/api.ts";
import type { PeopleDeps } from "./deps.ts";
import { findOwnProfileLink } from "./profile-summary.ts";
import { JoinPage, joinPagePath, joiningWizardPath } from "./views/join-page.tsx";

/**
 * The old site's addresses this module takes over with a page of the platform (a route wins over a content item
 * stored at the same address: the content module only answers addresses no module serves).
 */
const oldAddresses = {
  // « Communauté : A venir » on the old site: the community is the one joined here.
  "/equipe": joinPagePath,
} as const;

/** `/rejoindre`: the platform's join page, the same for every anonymous visitor (cached). */
export function registerJoinPageRoutes(app: FastifyInstance, deps: PeopleDeps) {
  app.get(joinPagePath, { config: { access: "public", cacheForAnonymous: true } }, async (request, reply) => {
    const user = request.user;
    const [community, action] = await Promise.all([
      countCommunity(deps.db),
      user ? findOwnProfileLink(deps.db, user.id) : { href: joiningWizardPath, label: "Rejoindre la communauté" },
    ]);
    const share = { url: new URL(joinPagePath, deps.publicUrl).href, type: "website" as const };
    return sendPage(reply, <JoinPage context={pageContext(request, reply)} share={share} community={community} action={action} />, 200, deps.pageCache);
  });

  for (const [from, to] of Object.entries(oldAddresses)) {
    app.get(from, { config: { access: "public" } }, async (_request, reply) => reply.redirect(to, 301));
  }
}
