import { Card } from "../../../ui/card.tsx";
import { SelectField } from "../../../ui/fields.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Pagination } from "../../../ui/pagination.tsx";
import type { ContentItem } from "../domain/content-item.ts";
import type { NewsLink } from "../site/site-repository.ts";
import { CardGrid, ItemBody, itemDate, Lead, NewsTags, plainSummary, ReadingColumn } from "./site-parts.tsx";

const home = { label: "Accueil", href: "/" };

export type NewsListProps = {
  context: PageContext;
  share: SharePreview;
  /** The `/actualites` page: its title, summary and body introduce the list. */
  intro: ContentItem | null;
  items: ContentItem[];
  total: number;
  page: number;
  pageCount: number;
  filter: { tag?: string | undefined; year?: number | undefined };
  facets: { tags: string[]; years: number[] };
  hrefFor: (page: number) => string;
};

export function NewsListPage({ context, share, intro, items, total, page, pageCount, filter, facets, hrefFor }: NewsListProps) {
  const title = intro?.title ?? "Actualités";
  const filtered = filter.tag !== undefined || filter.year !== undefined;
  const pageTitle = pageCount > 1 ? `${title} (page ${page} sur ${pageCount})` : title;
  return (
    <Layout context={context} title={pageTitle} description={plainSummary(intro?.summary ?? null) ?? "Les actualités du Programme 10 %."} breadcrumb={[home]} share={share}>
      <h1>{title}</h1>
      <ReadingColumn>
        <Lead summary={intro?.summary ?? null} title={title} />
        {intro ? <ItemBody item={intro} /> : null}
      </ReadingColumn>
      <form method="get" action="/actualites" className="fr-mb-4w" aria-label="Filtrer les actualités">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-5">
            <SelectField
              name="etiquette"
              label="Thème"
              placeholder="Tous les thèmes"
              value={filter.tag}
              options={facets.tags.map((tag) => ({ value: tag, label: tag }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="annee"
              label="Année"
              placeholder="Toutes les années"
              value={filter.year?.toString()}
              options={facets.years.map((year) => ({ value: String(year), label: String(year) }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <button className="fr-btn" type="submit">
              Filtrer
            </button>
            {filtered ? (
              <a className="fr-link fr-ml-2w" href="/actualites">
                Tout afficher
              </a>
            ) : null}
          </div>
        </div>
      </form>
      <h2 className="fr-h4" id="liste-actualites">
        {total === 0 ? "Aucune actualité" : total === 1 ? "1 actualité" : `${total} actualités`}
        {filter.tag !== undefined ? ` sur le thème « ${filter.tag} »` : ""}
        {filter.year !== undefined ? ` en ${filter.year}` : ""}
      </h2>
      {items.length === 0 ? (
        <p>
          {filtered ? (
            <>
              Aucune actualité ne correspond à ces filtres. <a href="/actualites">Voir toutes les actualités</a>.
            </>
          ) : (
            "Aucune actualité n’a encore été publiée."
          )}
        </p>
      ) : (
        <CardGrid>
          {items.map((item) => (
            <NewsCard key={item.id} item={item} />
          ))}
        </CardGrid>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}

/** A post as a card: date, title, summary; its cover image as decoration (the title says it all). */
export function NewsCard({ item, headingLevel = 3 }: { item: ContentItem; headingLevel?: 2 | 3 }) {
  return (
    <Card
      title={item.title}
      href={item.path}
      headingLevel={headingLevel}
      detail={itemDate(item)}
      description={plainSummary(item.summary, 200)}
      image={item.coverImage ? { src: item.coverImage, alt: "" } : undefined}
    />
  );
}

export type NewsPostProps = {
  context: PageContext;
  share: SharePreview;
  item: ContentItem;
  previous: NewsLink | null;
  next: NewsLink | null;
};

export function NewsPostPage({ context, share, item, previous, next }: NewsPostProps) {
  const date = itemDate(item);
  return (
    <Layout context={context} title={item.title} description={plainSummary(item.summary)} breadcrumb={[home, { label: "Actualités", href: "/actualites" }]} share={share}>
      <ReadingColumn>
        <article>
          <h1>{item.title}</h1>
          {date && item.date ? (
            <p className="fr-text--sm fr-text-mention--grey">
              Publié le <time dateTime={item.date.toISOString()}>{date}</time>
            </p>
          ) : null}
          <Lead summary={item.summary} title={item.title} />
          {item.coverImage ? (
            <figure className="fr-content-media" role="group">
              <img className="fr-responsive-img" src={item.coverImage} alt={item.coverImageAlt ?? ""} />
            </figure>
          ) : null}
          <ItemBody item={item} />
          {item.tags.length > 0 ? (
            <section aria-labelledby="themes-article" className="fr-mb-4w">
              <h2 id="themes-article" className="fr-h6">
                Thèmes
              </h2>
              <NewsTags tags={item.tags} small />
            </section>
          ) : null}
        </article>
        {previous || next ? (
          <nav role="navigation" aria-label="Autres actualités" className="fr-mt-6w">
            <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
              <li className="fr-col-12 fr-col-md-6">
                {previous ? (
                  <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={previous.path}>
                    Actualité précédente : {previous.title}
                  </a>
                ) : null}
              </li>
              <li className="fr-col-12 fr-col-md-6">
                {next ? (
                  <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={next.path}>
                    Actualité suivante : {next.title}
                  </a>
                ) : null}
              </li>
            </ul>
          </nav>
        ) : null}
      </ReadingColumn>
    </Layout>
  );
}
