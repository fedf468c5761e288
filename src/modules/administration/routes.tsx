import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { isLoopbackRequest } from "../mail/api.ts";
import { Layout } from "../../ui/layout.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import { Tile } from "../../ui/tile.tsx";

const tools = [
  { title: "Contenus du site", href: "/admin/contenus", description: "Écrire, programmer et publier les actualités, pages, projets, événements et formations\u00a0; consulter leur historique." },
  { title: "Importer du contenu", href: "/admin/contenus/import", description: "Importer une archive zip de contenus Hugo ou Jekyll (Markdown ou HTML avec leur en-tête)." },
  { title: "Saisons", href: "/admin/saisons", description: "Créer une saison et ses phases datées (appel à projets, qualification, lancement…), ouvrir l’appel à projets." },
  { title: "Équipes", href: "/admin/equipes", description: "Former les équipes d’une saison à partir des vœux des membres : calcul optimal, relecture, verrouillages, publication." },
  { title: "Portefeuille des projets", href: "/portefeuille", description: "Les projets de la saison d’un coup d’œil : phase, prochain jalon, dernier journal et météo, équipe, présence aux ateliers ; export CSV." },
  { title: "Conventions 10\u00a0%", href: "/admin/conventions", description: "Les conventions 10\u00a0% de la saison et leur état, le temps donné par ministère et par projet (CSV), les signataires par ministère." },
  { title: "Café 10 %", href: "/admin/cafe", description: "Les inscrits au café 10 % et les binômes de chaque mois, entre ministères différents." },
  { title: "Événements", href: "/admin/evenements", description: "Créer un événement ou une série d’ateliers, suivre les inscriptions et les places, modifier ou annuler une séance ou les suivantes." },
  { title: "Messages reçus", href: "/admin/messages", description: "Les messages écrits à l’équipe depuis la page Contact : les lire, y répondre par courriel, les archiver." },
  { title: "Qualification des propositions", href: "/appel-a-projets/qualification", description: "Les propositions par état, avec leurs notes sur les trois critères, leurs soutiens et leurs avis ; décider." },
  { title: "Organisations", href: "/admin/organisations", description: "Ministères, organismes et services\u00a0: hiérarchie, SIREN et SIRET, domaines, fusion des doublons, import du référentiel de l’État." },
  { title: "Compétences", href: "/admin/competences", description: "Le vocabulaire des compétences\u00a0: accepter ou fusionner les compétences proposées par les membres." },
  { title: "Domaines de messagerie", href: "/admin/domaines", description: "Ouvrir la connexion par lien aux adresses d’un organisme public absent de la liste de référence." },
];

function AdministrationPage({ context, devOutbox }: { context: PageContext; devOutbox: boolean }) {
  const items = devOutbox ? [...tools, { title: "Courriels envoyés", href: "/_dev/mails", description: "Boîte d’envoi locale (hors production, sans serveur SMTP, depuis cette machine seulement)." }] : tools;
  return (
    <Layout context={context} title="Administration" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Administration</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        {items.map((tool) => (
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-4" key={tool.href}>
            <Tile title={tool.title} href={tool.href} description={tool.description} headingLevel={2} />
          </div>
        ))}
      </div>
    </Layout>
  );
}

/** The programme team's hub: one tile per administration tool (the local outbox only where it opens: from the server's own machine). */
export function registerAdministrationRoutes(app: FastifyInstance, deps: { devOutbox: boolean }) {
  app.get("/admin", { config: { access: "read:admin:any" } }, async (request, reply) =>
    sendPage(reply, <AdministrationPage context={pageContext(request, reply)} devOutbox={deps.devOutbox && isLoopbackRequest(request)} />),
  );
}
