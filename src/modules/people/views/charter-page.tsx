import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

/** The charter's address: step 3 of the wizard links to it, and members accept it there. */
export const charterPath = "/programme/charte";
export const charterTitle = "Charte du Programme 10\u00a0%";

/**
 * `/programme/charte`: what a member commits to by joining. Kept in code, not in the content editor:
 * it is the text members consent to (`charter_accepted_at`), so it changes only with a reviewed commit.
 */
export function CharterPage({ context }: { context: PageContext }) {
  return (
    <Layout
      context={context}
      title={charterTitle}
      description={"Les engagements des membres de la communauté du Programme 10\u00a0%."}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Le programme", href: "/programme" },
      ]}
    >
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <h1>{charterTitle}</h1>
          <p className="fr-text--lead">
            Le Programme 10&nbsp;% réunit des expertes et des experts de la donnée du secteur public qui consacrent une partie de leur temps de travail à des projets
            d’intérêt commun entre administrations. En rejoignant la communauté, vous acceptez les engagements qui suivent.
          </p>

          <h2>1. Une participation volontaire, avec l’accord de votre manager</h2>
          <p>
            Vous participez de votre propre initiative. Avant de vous engager dans un projet, vous en parlez à votre manager et obtenez son accord&nbsp;: le temps que
            vous donnez au programme est du temps de travail. Vous pouvez arrêter à tout moment, en prévenant votre équipe projet et l’équipe du programme.
          </p>

          <h2>2. Environ 10&nbsp;% de votre temps de travail</h2>
          <p>
            La participation représente environ 10&nbsp;% de votre temps de travail, soit à peu près deux après-midi par mois, en présentiel ou à distance, pendant
            la saison. Vous indiquez sur votre profil la disponibilité que vous pouvez réellement tenir.
          </p>

          <h2>3. Des projets d’intérêt commun, menés en ouvert</h2>
          <ul>
            <li>Les projets répondent à un besoin concret, partagé au-delà d’une seule administration.</li>
            <li>
              Le code source et les données que les projets produisent sont accessibles aux autres agents publics&nbsp;: vous travaillez dans des dépôts et des
              espaces partagés, et publiez sous licence libre dès que c’est possible.
            </li>
            <li>Vous documentez ce que vous faites pour que d’autres puissent le reprendre après la saison.</li>
          </ul>

          <h2>4. Bienveillance et respect dans la communauté</h2>
          <p>
            Vous échangez avec bienveillance et respect, dans les ateliers comme sur Tchap&nbsp;: chacune et chacun est le bienvenu, quels que soient son niveau,
            son métier ou son administration. Les questions sont encouragées, les propos discriminants, insultants ou humiliants ne sont pas tolérés.
          </p>

          <h2>5. La confidentialité des données non publiques</h2>
          <p>
            Les données non publiques auxquelles un projet vous donne accès restent confidentielles&nbsp;: vous ne les utilisez que pour ce projet, dans
            l’environnement prévu, sans les copier ni les diffuser, dans le respect du secret statistique, du secret professionnel et des règles de votre
            administration.
          </p>

          <h2>6. Présent aux ateliers, ou l’équipe prévenue</h2>
          <p>
            Vous participez aux ateliers et aux temps forts de la saison (lancement, ateliers, restitution) auxquels vous vous êtes inscrit ou inscrite. Si vous ne
            pouvez pas venir, vous prévenez votre équipe projet et l’équipe du programme au plus tôt.
          </p>

          <h2>7. Vos données personnelles</h2>
          <p>
            Votre profil sert à vous faire connaître des autres membres, ou de la seule équipe du programme si vous le choisissez. Ce que la plateforme garde sur
            vous, qui le voit, combien de temps et comment le consulter, le corriger ou le supprimer est expliqué sur la page{" "}
            <a href="/donnees-personnelles">Données personnelles et cookies</a>.
          </p>

          <h2>En contrepartie</h2>
          <p>
            L’équipe du programme accompagne les équipes projets, organise les ateliers et les formations, répond aux questions de votre manager et valorise votre
            contribution à la fin de la saison.
          </p>
          <p>
            <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/rejoindre/inscription">
              Rejoindre la communauté
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
