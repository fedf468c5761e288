import { Badge } from "../../../ui/badge.tsx";
import { RadioGroup } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Pagination } from "../../../ui/pagination.tsx";
import { SearchBar } from "../../../ui/search-bar.tsx";
import type { ContentKind } from "../domain/content-item.ts";
import { type SearchType, searchTypes } from "./search-query.ts";

export type SearchResultView = { kind: ContentKind; path: string; titleHtml: string; excerptHtml: string; date: string | null; dateTime: string | null };

export type SearchPageProps = {
  context: PageContext;
  query: string;
  type: SearchType | null;
  error?: string | undefined;
  /** Null before any search (empty query or invalid). */
  results: {
    items: SearchResultView[];
    total: number;
    countsByType: Record<SearchType, number>;
    approximate: boolean;
    page: number;
    pageCount: number;
  } | null;
};

/** « 3 résultats pour « données » », « 1 résultat… », « Aucun résultat… ». */
export function countPhrase(total: number, query: string): string {
  const quoted = `«\u00a0${query}\u00a0»`;
  if (total === 0) return `Aucun résultat pour ${quoted}`;
  return `${total.toLocaleString("fr-FR")} ${total === 1 ? "résultat" : "résultats"} pour ${quoted}`;
}

export function searchHref(query: string, type: SearchType | null, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  return `/recherche?${params.toString()}`;
}

export function SearchPage({ context, query, type, error, results }: SearchPageProps) {
  const title = results ? `${countPhrase(results.total, query)}${results.page > 1 ? ` (page ${results.page})` : ""}` : "Rechercher sur le site";
  return (
    <Layout context={context} title={title} hasErrors={!results && Boolean(error)} breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Rechercher sur le site</h1>
      <form action="/recherche" method="get" className="fr-mb-6w">
        <SearchBar id="recherche" label="Rechercher sur le site" value={query} error={error} large />
        {type ? <input type="hidden" name="type" value={type} /> : null}
      </form>
      {results ? <Results query={query} type={type} results={results} /> : null}
    </Layout>
  );
}

function Results({ query, type, results }: { query: string; type: SearchType | null; results: NonNullable<SearchPageProps["results"]> }) {
  const everything = Object.values(results.countsByType).reduce((sum, count) => sum + count, 0);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-3">
        <form action="/recherche" method="get">
          <input type="hidden" name="q" value={query} />
          <RadioGroup
            name="type"
            legend="Type de contenu"
            value={type ?? "tout"}
            options={[
              { value: "tout", label: `Tous les contenus (${everything})` },
              ...searchTypes.map((candidate) => ({ value: candidate.value, label: `${candidate.plural} (${results.countsByType[candidate.value]})` })),
            ]}
          />
          <button className="fr-btn fr-btn--secondary" type="submit">
            Filtrer
          </button>
        </form>
      </div>
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-9">
        <h2 className="fr-h4" id="resultats">
          {results.approximate && results.total > 0 ? `Aucun résultat exact pour «\u00a0${query}\u00a0»` : countPhrase(results.total, query)}
        </h2>
        {results.approximate && results.total > 0 ? (
          <p>
            {results.total === 1 ? "Voici un contenu dont le titre s’en approche." : `Voici ${results.total} contenus dont le titre s’en approche.`}
          </p>
        ) : null}
        {results.total === 0 ? <NoResultAdvice filtered={type !== null && everything > 0} /> : null}
        {results.items.length > 0 ? (
          <ul className="fr-raw-list" aria-labelledby="resultats">
            {results.items.map((item) => (
              <li key={item.path} className="fr-mb-4w">
                <Badge label={searchTypes.find((candidate) => candidate.kind === item.kind)?.label ?? item.kind} small as="p" />
                <h3 className="fr-h6 fr-mt-1w fr-mb-1v">
                  <a href={item.path} dangerouslySetInnerHTML={{ __html: item.titleHtml }} />
                </h3>
                {item.date ? (
                  <p className="fr-text--sm fr-text-mention--grey fr-mb-1v">
                    <time dateTime={item.dateTime ?? undefined}>{item.date}</time>
                  </p>
                ) : null}
                {item.excerptHtml ? <p className="fr-mb-0" dangerouslySetInnerHTML={{ __html: item.excerptHtml }} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <Pagination page={results.page} pageCount={results.pageCount} hrefFor={(page) => searchHref(query, type, page)} />
      </div>
    </div>
  );
}

function NoResultAdvice({ filtered }: { filtered: boolean }) {
  return (
    <div>
      <p className="fr-mb-1w">Quelques conseils pour votre recherche&nbsp;:</p>
      <ul>
        {filtered ? <li>choisissez «&nbsp;Tous les contenus&nbsp;»&nbsp;: d’autres types de contenu correspondent à votre recherche&nbsp;;</li> : null}
        <li>vérifiez l’orthographe des mots&nbsp;;</li>
        <li>essayez des mots plus généraux, ou moins de mots&nbsp;;</li>
        <li>consultez le <a href="/plan-du-site">plan du site</a>.</li>
      </ul>
    </div>
  );
}
