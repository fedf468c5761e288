import { plural } from "../../../shared/french-plural.ts";
import { Layout, type SharePreview, serviceName } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { HomeEvent, HomeSeason } from "../deps.ts";
import type { ContentItem } from "../domain/content-item.ts";
import { NewsCard } from "./news-pages.tsx";
import { CardGrid, Lead, plainSummary } from "./site-parts.tsx";

export type KeyFigures = { experts: number; organisations: number; projects: number; events: number; trainings: number };

export type HomePageProps = {
  context: PageContext;
  share: SharePreview;
  /** The `/` page of the site (slug `accueil`): its summary is the lead. */
  page: ContentItem | null;
  /** The latest season among the published projects; null before any. */
  season: { year: number; projects: number } | null;
  /** The running season and its phase (seasons module); when given, it replaces the season guessed from the projects. */
  currentSeason?: HomeSeason | null | undefined;
  upcomingEvents: HomeEvent[];
  latestNews: ContentItem[];
  figures: KeyFigures;
};

const fallbackLead =
  "Les experts de la donnée de la sphère publique consacrent 10 % de leur temps de travail à des projets d’intérêt partagé à l’échelle interministérielle.";

/** Home: what the programme is, its season, next events, latest news, key figures, how to join. */
export function HomePage({ context, share, page, season, currentSeason, upcomingEvents, latestNews, figures }: HomePageProps) {
  const lead = page?.summary?.trim() ? page.summary : fallbackLead;
  const figureList = [
    { value: figures.experts, label: plural(figures.experts, "expert inscrit", "experts inscrits") },
    { value: figures.organisations, label: plural(figures.organisations, "administration représentée", "administrations représentées") },
    { value: figures.projects, label: plural(figures.projects, "projet publié", "projets publiés") },
    { value: figures.events, label: plural(figures.events, "atelier ou événement", "ateliers et événements") },
    { value: figures.trainings, label: plural(figures.trainings, "formation", "formations") },
  ];
  return (
    <Layout context={context} title={serviceName} description={plainSummary(lead)} share={share}>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-6w">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>{serviceName}</h1>
          <Lead summary={lead} />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <a className="fr-btn" href="/rejoindre">
                Rejoindre le programme
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/programme">
                Découvrir le programme
              </a>
            </li>
          </ul>
        </div>
        <div className="fr-col-12 fr-col-lg-4">
          {currentSeason ? (
            <div className="fr-callout">
              <h2 className="fr-callout__title">{currentSeason.title}</h2>
              <p className="fr-callout__text">{currentSeason.text}</p>
              {currentSeason.callHref ? (
                <a className="fr-btn fr-mt-2w" href={currentSeason.callHref}>
                  Proposer un projet à l’appel
                </a>
              ) : null}
              <p className="fr-mt-2w fr-mb-0">
                <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={currentSeason.href}>
                  Voir le calendrier de la saison
                </a>
              </p>
            </div>
          ) : (
            <div className="fr-callout">
              <h2 className="fr-callout__title">{season ? `Saison ${season.year}` : "Prochaine saison"}</h2>
              <p className="fr-callout__text">
                {season
                  ? `${season.projects} ${plural(season.projects, "projet", "projets")} ${plural(season.projects, "est mené", "sont menés")} cette saison par les experts du programme.`
                  : "Les projets de la saison seront publiés ici dès leur lancement."}
              </p>
              <p className="fr-text--sm fr-mt-2w fr-mb-2w">
                Chaque saison suit le même rythme : appel à projets, bootcamp de lancement, ateliers tous les quinze jours, restitution.
              </p>
              <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/saisons">
                Voir le calendrier
              </a>
            </div>
          )}
        </div>
      </div>

      <section className="fr-mb-6w" aria-labelledby="chiffres-cles">
        <h2 id="chiffres-cles">Le programme en chiffres</h2>
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {figureList.map((figure) => (
            <li className="fr-col-6 fr-col-md-4 fr-col-lg" key={figure.label}>
              <p className="fr-display--xs fr-mb-0">{figure.value}</p>
              <p className="fr-text--lg">{figure.label}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="fr-mb-6w" aria-labelledby="prochains-evenements">
        <h2 id="prochains-evenements">Prochains événements</h2>
        {upcomingEvents.length === 0 ? (
          <p>
            Aucun événement n’est annoncé pour le moment. Retrouvez les ateliers passés et à venir sur la page <a href="/evenements">Événements</a>.
          </p>
        ) : (
          <>
            <ul className="fr-raw-list">
              {upcomingEvents.map((event) => (
                <li className="fr-mb-3w" key={event.id}>
                  <h3 className="fr-h5 fr-mb-1w">
                    <a href={event.href}>{event.title}</a>
                  </h3>
                  <p className="fr-text--sm fr-mb-1w">
                    <span className="fr-badge fr-badge--sm fr-badge--blue-cumulus fr-mr-1w">{event.kind}</span>
                    {event.when ? (
                      <>
                        <span className="fr-icon-calendar-line fr-icon--sm fr-mr-1w" aria-hidden="true" />
                        {event.when}
                      </>
                    ) : null}
                    {event.where ? (
                      <>
                        {event.when ? " · " : null}
                        <span className="fr-icon-map-pin-2-line fr-icon--sm fr-mr-1w" aria-hidden="true" />
                        {event.where}
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
            <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/evenements">
              Tous les événements
            </a>
          </>
        )}
      </section>

      <section className="fr-mb-6w" aria-labelledby="dernieres-actualites">
        <h2 id="dernieres-actualites">Dernières actualités</h2>
        {latestNews.length === 0 ? (
          <p>Aucune actualité n’a encore été publiée.</p>
        ) : (
          <CardGrid>
            {latestNews.map((item) => (
              <NewsCard key={item.id} item={item} />
            ))}
          </CardGrid>
        )}
        <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/actualites">
          Toutes les actualités
        </a>
      </section>

      <section className="fr-mb-6w" aria-labelledby="rejoindre">
        <h2 id="rejoindre">Rejoindre la communauté 10 %</h2>
        <p>
          Vous êtes expert ou experte de la donnée (data scientist, data analyst, data engineer, statisticien·ne, développeur·se…) en poste dans
          l’administration ? Avec l’accord de votre manager, consacrez 10 % de votre temps à des projets d’intérêt général, et rejoignez une communauté de pairs
          qui partagent pratiques, formations et projets.
        </p>
        <a className="fr-btn fr-icon-arrow-right-line fr-btn--icon-right" href="/rejoindre">
          Comment rejoindre le programme
        </a>
      </section>
    </Layout>
  );
}
