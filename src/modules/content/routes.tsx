import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import type { ContentDeps } from "./deps.ts";
import { registerEditorRoutes } from "./editor/editor-routes.tsx";
import { registerFeedRoutes } from "./feeds/feed-routes.ts";
import { registerImportRoutes } from "./import/import-routes.tsx";
import { registerMediaRoutes } from "./media/media-routes.ts";
import { registerSearchRoutes } from "./search/search-routes.tsx";
import { collectPlatformAddresses } from "./site/platform-addresses.ts";
import { registerSiteRoutes } from "./site/site-routes.tsx";
import { AccessibilityPage, LegalNoticePage, PersonalDataPage, type SiteMapSection, SiteMapPage } from "./views/legal-pages.tsx";

/** The date the accessibility statement was written; change it when the statement changes. */
const accessibilityStatementDate = "22 novembre 2026";

const publicPage = { access: "public", cacheForAnonymous: true } as const;

export function registerContentRoutes(app: FastifyInstance, moduleDeps: ContentDeps) {
  // Collected before any of the site's routes: the addresses of the content module's own routes and of every module after it.
  const deps: ContentDeps = { ...moduleDeps, platformAddresses: collectPlatformAddresses(app) };
  registerSiteRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerEditorRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerMediaRoutes(app, deps);
  const send = (reply: Parameters<typeof sendPage>[0], element: Parameters<typeof sendPage>[1]) => sendPage(reply, element, 200, deps.pageCache);

  app.get("/accessibilite", { config: publicPage }, async (request, reply) =>
    send(reply, <AccessibilityPage context={pageContext(request, reply)} establishedOn={accessibilityStatementDate} />),
  );
  app.get("/mentions-legales", { config: publicPage }, async (request, reply) => send(reply, <LegalNoticePage context={pageContext(request, reply)} />));
  app.get("/donnees-personnelles", { config: publicPage }, async (request, reply) => send(reply, <PersonalDataPage context={pageContext(request, reply)} />));

  app.get("/plan-du-site", { config: publicPage }, async (request, reply) => {
    const sections: SiteMapSection[] = [
      {
        title: "Le programme",
        links: [
          { label: "Accueil", href: "/" },
          { label: "Présentation du programme", href: "/programme" },
          { label: "Rejoindre le programme", href: "/rejoindre" },
          { label: "Contact", href: "/contact" },
        ],
      },
      {
        title: "Le site",
        links: [
          { label: "Actualités", href: "/actualites" },
          { label: "Projets", href: "/projets" },
          { label: "Saisons", href: "/saisons" },
          { label: "La bulloterie", href: "/bulloterie" },
          { label: "Formations", href: "/formations" },
          { label: "Événements", href: "/evenements" },
          { label: "Ressources", href: "/ressources" },
        ],
      },
      {
        title: "Mon espace",
        links: [
          { label: "Se connecter", href: "/connexion" },
          { label: "Mon compte", href: "/compte" },
          { label: "Mes vœux", href: "/voeux" },
          { label: "Café 10\u00a0%", href: "/cafe" },
        ],
      },
      {
        title: "Informations légales",
        links: [
          { label: "Accessibilité", href: "/accessibilite" },
          { label: "Mentions légales", href: "/mentions-legales" },
          { label: "Données personnelles et cookies", href: "/donnees-personnelles" },
        ],
      },
    ];
    return send(reply, <SiteMapPage context={pageContext(request, reply)} sections={sections} />);
  });
}
