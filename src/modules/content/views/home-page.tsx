import { Layout, serviceName } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

export type HomePageProps = { context: PageContext; presentation: { summary: string | null; html: string } | null };

const rhythm = [
  { title: "Un bootcamp de lancement", text: "Présentation des projets retenus, règles du jeu, constitution des équipes et premier sprint de travail." },
  { title: "Un atelier tous les 15 jours", text: "Une journée dédiée au travail sur les projets interministériels, en présentiel ou à distance." },
  { title: "Des formations", text: "Une communauté apprenante : formations expertes et généralistes, moments informels entre pairs." },
  { title: "Une restitution", text: "Un événement final valorise les projets ; chaque expert reçoit un badge « data d’intérêt général »." },
];

const criteria = [
  "Un projet d’intérêt commun, intéressant au-delà d’un simple cas d’usage",
  "Un besoin immédiat et concret",
  "Des données et un code source accessibles à d’autres agents publics",
];

/** Home: the programme's presentation, taken from its published site (site_pages). */
export function HomePage({ context, presentation }: HomePageProps) {
  const lead =
    presentation?.summary ??
    "Les experts de la donnée de la sphère publique consacrent 10 % de leur temps de travail à des projets d’intérêt partagé à l’échelle interministérielle.";
  return (
    <Layout context={context} title={serviceName} description={lead}>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-mb-6w">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>{serviceName}</h1>
          <p className="fr-text--lead">{lead}</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <a className="fr-btn" href={context.user ? "/compte" : "/connexion"}>
                Rejoindre la communauté
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="#le-programme">
                Découvrir le programme
              </a>
            </li>
          </ul>
        </div>
        <div className="fr-col-12 fr-col-lg-4">
          <div className="fr-callout">
            <h2 className="fr-callout__title">Deux après-midi par mois</h2>
            <p className="fr-callout__text">
              C’est le temps que représente la participation, en présentiel ou à distance. Le programme repose sur le volontariat, avec l’accord de votre
              manager, et vous pouvez rejoindre la communauté à tout moment.
            </p>
          </div>
        </div>
      </div>

      <section className="fr-mb-6w" aria-labelledby="rythme">
        <h2 id="rythme">Le rythme d’une saison</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          {rhythm.map((step) => (
            <div className="fr-col-12 fr-col-md-6 fr-col-lg-3" key={step.title}>
              <div className="fr-tile fr-tile--no-icon">
                <div className="fr-tile__body">
                  <div className="fr-tile__content">
                    <h3 className="fr-tile__title">{step.title}</h3>
                    <p className="fr-tile__detail">{step.text}</p>
                  </div>
                </div>
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className="fr-mb-6w" aria-labelledby="criteres">
        <h2 id="criteres">Les projets : trois critères</h2>
        <p>Les projets naissent d’un appel à défis d’intérêt commun et sont qualifiés sur trois critères :</p>
        <ol>
          {criteria.map((criterion) => (
            <li key={criterion}>{criterion}.</li>
          ))}
        </ol>
      </section>

      <section className="fr-mb-6w" id="le-programme" aria-labelledby="titre-programme">
        <h2 id="titre-programme">Le programme</h2>
        {presentation ? (
          <div className="fr-content markdown" dangerouslySetInnerHTML={{ __html: presentation.html }} />
        ) : (
          <p>Lancé en 2022 par la DINUM avec l’Insee, le programme réunit des experts de la donnée de l’État autour de projets interministériels.</p>
        )}
      </section>

      <section className="fr-mb-6w" id="rejoindre" aria-labelledby="titre-rejoindre">
        <h2 id="titre-rejoindre">Rejoindre la communauté 10 %</h2>
        <p>
          Vous êtes expert ou experte de la donnée (data scientist, data analyst, data engineer, statisticien·ne, développeur·se…) en poste dans
          l’administration ? Rejoignez la communauté : une communauté de pairs qui échangent des pratiques, des formations, des projets d’intérêt général à
          proposer et à construire ensemble.
        </p>
        <p>Connectez-vous avec votre adresse professionnelle ou ProConnect : votre compte est créé à la première connexion.</p>
        <a className="fr-btn fr-btn--icon-right fr-icon-arrow-right-line" href="/connexion">
          Se connecter pour rejoindre
        </a>
      </section>
    </Layout>
  );
}
