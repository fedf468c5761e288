import { Table } from "../../../ui/table.tsx";
import type { ReactNode } from "react";
import { accessibilityStatus } from "../../../ui/footer.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

const home = [{ label: "Accueil", href: "/" }];
const contactAddress = "lab-ia@data.gouv.fr";

function LegalPage({ context, title, children }: { context: PageContext; title: string; children: ReactNode }) {
  return (
    <Layout context={context} title={title} breadcrumb={home}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}

/** RGAA accessibility statement with its required parts. */
export function AccessibilityPage({ context, establishedOn }: { context: PageContext; establishedOn: string }) {
  return (
    <LegalPage context={context} title="Déclaration d’accessibilité">
      <p>
        La Direction interministérielle du numérique (DINUM) s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi
        n°&nbsp;2005-102 du 11&nbsp;février&nbsp;2005.
      </p>
      <p>Cette déclaration d’accessibilité s’applique à la plateforme du Programme 10&nbsp;%.</p>
      <h2>État de conformité</h2>
      <p>
        La plateforme du Programme 10&nbsp;% est <strong>{accessibilityStatus}</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA),
        version&nbsp;4.1&nbsp;: aucun audit de conformité n’a encore été réalisé.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        En l’absence d’audit, aucun taux de conformité ne peut être publié. Chaque page est cependant contrôlée automatiquement (axe-core, critères WCAG 2.1
        niveaux A et AA, en thème clair et en thème sombre) et parcourue au clavier à chaque évolution du service.
      </p>
      <h2>Contenus non accessibles</h2>
      <p>Des contenus importés de l’ancien site du programme (images, documents) peuvent ne pas disposer d’une alternative textuelle pertinente.</p>
      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {establishedOn}.</p>
      <h3>Technologies utilisées</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS (Système de design de l’État, DSFR)</li>
        <li>JavaScript (amélioration progressive&nbsp;: tout fonctionne sans)</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Les vérifications automatiques sont faites avec Chromium et axe-core&nbsp;; la navigation au clavier est vérifiée dans le même navigateur.</p>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe du programme pour être orienté vers une alternative accessible ou
        obtenir le contenu sous une autre forme&nbsp;: <a href={`mailto:${contactAddress}`}>{contactAddress}</a>.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité, que vous nous l’avez signalé et que vous
        n’avez pas obtenu de réponse satisfaisante, vous pouvez&nbsp;:
      </p>
      <ul>
        <li>
          écrire un message au{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/" target="_blank" rel="noopener" title="Défenseur des droits — nouvelle fenêtre">
            Défenseur des droits
          </a>
          &nbsp;;
        </li>
        <li>contacter le délégué ou la déléguée du Défenseur des droits dans votre région&nbsp;;</li>
        <li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)&nbsp;: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
      </ul>
    </LegalPage>
  );
}

export function LegalNoticePage({ context }: { context: PageContext }) {
  return (
    <LegalPage context={context} title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        La plateforme du Programme 10&nbsp;% est éditée par la Direction interministérielle du numérique (DINUM), service du Premier ministre&nbsp;:
        <br />
        20 avenue de Ségur, 75007 Paris
        <br />
        SIREN&nbsp;: 130&nbsp;025&nbsp;265
      </p>
      <h2>Directeur ou directrice de la publication</h2>
      <p>Le directeur ou la directrice interministériel(le) du numérique.</p>
      <h2>Hébergement</h2>
      <p>L’hébergeur est indiqué par l’exploitant de chaque instance de la plateforme, sur un hébergement qualifié pour les données de l’administration.</p>
      <h2>Licence des contenus et du code</h2>
      <p>
        Sauf mention contraire, les contenus de ce site sont proposés sous licence Etalab&nbsp;2.0. La liste des domaines d’organismes publics utilisée pour
        la connexion est publiée par la DINUM sous Licence Ouverte&nbsp;2.0.
      </p>
      <h2>Accessibilité</h2>
      <p>
        Voir la <a href="/accessibilite">déclaration d’accessibilité</a>.
      </p>
      <h2>Sécurité</h2>
      <p>
        Pour signaler une faille de sécurité, écrivez à <a href={`mailto:${contactAddress}`}>{contactAddress}</a>.
      </p>
    </LegalPage>
  );
}

export function PersonalDataPage({ context }: { context: PageContext }) {
  return (
    <LegalPage context={context} title="Données personnelles et cookies">
      <p>
        La plateforme du Programme 10&nbsp;% traite des données personnelles dans le respect du Règlement général sur la protection des données (RGPD) et de
        la loi Informatique et Libertés.
      </p>
      <h2>Responsable de traitement</h2>
      <p>La Direction interministérielle du numérique (DINUM), 20 avenue de Ségur, 75007 Paris.</p>
      <h2>Finalités et base légale</h2>
      <p>
        Les données servent à faire fonctionner le programme&nbsp;: vous identifier, constituer la communauté des experts et son annuaire «&nbsp;Trouver un expert&nbsp;»,
        organiser les projets, les événements et la reconnaissance de votre contribution. Le traitement est nécessaire à l’exécution d’une mission d’intérêt
        public (article 6-1-e du RGPD).
      </p>
      <h2>Données traitées</h2>
      <Table
        caption="Données, origine et durée de conservation"
        columns={["Données", "Origine", "Durée de conservation"]}
        rows={[
          ["Compte\u00a0: adresse électronique, prénom, nom, organisation, rôles", "Vous-même, ou ProConnect (identifiants, SIRET de votre administration)", "Tant que le compte existe\u00a0; effacées à sa suppression"],
          [
            "Profil\u00a0: métier, présentation, compétences et niveaux, envies d’apprendre, disponibilité, liens (forge, Tchap), manager, visibilité",
            "Vous-même",
            "Tant que le compte existe\u00a0; effacé à sa suppression",
          ],
          ["Participations aux saisons et aux projets", "L’équipe du programme et les projets", "La durée du programme\u00a0; conservées sous la mention «\u00a0Ancien membre\u00a0» après la suppression du compte"],
          ["Contributions au contenu du site (historique des versions)", "Vous-même, si vous faites partie de l’équipe du programme", "La durée de vie du contenu\u00a0; l’auteur devient «\u00a0Ancien membre\u00a0» après la suppression du compte"],
          ["Sessions de connexion (date, navigateur)", "Votre navigateur", "30 jours au plus, ou jusqu’à leur fermeture"],
          ["Liens de connexion (adresse, adresse IP de la demande)", "Votre demande", "Utilisables 15 minutes\u00a0; conservés 1 an pour la sécurité"],
          ["Courriels envoyés (destinataire, objet, texte)", "La plateforme", "Le temps de l’envoi, puis 7 jours au plus dans la file d’envoi"],
          ["Journaux techniques (adresse IP, page, navigateur)", "Votre navigation", "1 an, pour la sécurité et la réponse aux incidents"],
        ]}
      />
      <h2>Qui voit quoi</h2>
      <ul>
        <li>
          Votre <strong>profil</strong> est visible des membres connectés dans l’annuaire, ou de la seule équipe du programme si vous le choisissez&nbsp;; vous
          changez ce choix à tout moment. Rien n’est visible des visiteurs non connectés.
        </li>
        <li>
          Votre <strong>adresse électronique</strong> n’est montrée qu’aux membres connectés, jamais sur les pages publiques.
        </li>
        <li>
          Le <strong>nom et l’adresse de votre manager</strong> ne sont visibles que de vous et de l’équipe du programme.
        </li>
        <li>L’équipe du programme accède à l’ensemble des données pour animer le programme.</li>
      </ul>
      <p>Aucune donnée n’est cédée ni vendue.</p>
      <h2>Vos droits, en libre-service</h2>
      <p>Vous disposez des droits d’accès, de rectification, d’effacement, de limitation et d’opposition. Depuis votre compte, vous pouvez vous-même&nbsp;:</p>
      <ul>
        <li>
          <strong>voir</strong> tout ce que la plateforme conserve sur vous&nbsp;: <a href="/compte/donnees">Mes données personnelles</a> (les jetons de
          connexion ne sont jamais affichés, la plateforme n’en garde qu’une empreinte)&nbsp;;
        </li>
        <li>
          <strong>télécharger</strong> ces données dans un fichier JSON, depuis la même page&nbsp;;
        </li>
        <li>
          <strong>corriger</strong> votre nom et votre organisation sur <a href="/compte">votre compte</a>, votre profil et vos compétences depuis votre
          fiche de l’annuaire, et fermer vos sessions ouvertes&nbsp;;
        </li>
        <li>
          <strong>supprimer votre compte</strong>&nbsp;: <a href="/compte/suppression">Supprimer mon compte</a>.
        </li>
      </ul>
      <p>
        La suppression efface, en une seule opération, votre nom, votre adresse électronique, votre organisation, votre profil, vos compétences, vos rôles,
        vos sessions, vos liens de connexion, les courriels qui vous ont été envoyés, ainsi que votre nom et votre adresse dans le profil d’un membre dont vous
        êtes le manager. Les contributions qui doivent rester — vos participations aux saisons et aux projets (l’historique d’un projet), vos contributions au
        contenu du site, les compétences que vous avez proposées — sont conservées sous la mention «&nbsp;Ancien membre&nbsp;», rattachées à un compte anonyme que
        plus rien ne relie à vous. Si vous revenez plus tard avec la même adresse, un nouveau compte vide est créé.
      </p>
      <p>
        Pour toute autre demande, écrivez à <a href={`mailto:${contactAddress}`}>{contactAddress}</a>. Vous pouvez aussi adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr/fr/plaintes" target="_blank" rel="noopener" title="CNIL — nouvelle fenêtre">
          CNIL
        </a>
        .
      </p>
      <h2>Cookies</h2>
      <p>
        La plateforme ne dépose que des cookies strictement nécessaires&nbsp;: le cookie de session (si vous êtes connecté), un cookie de protection des
        formulaires et, le temps d’une connexion ProConnect, un cookie de vérification. Aucun cookie de mesure d’audience ni de publicité&nbsp;: aucun consentement
        n’est donc demandé. Vos paramètres d’affichage sont gardés dans votre navigateur.
      </p>
    </LegalPage>
  );
}

export type SiteMapSection = { title: string; links: { label: string; href: string }[] };

export function SiteMapPage({ context, sections }: { context: PageContext; sections: SiteMapSection[] }) {
  return (
    <LegalPage context={context} title="Plan du site">
      {sections.map((section) => (
        <section key={section.title}>
          <h2 className="fr-h4">{section.title}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </LegalPage>
  );
}
