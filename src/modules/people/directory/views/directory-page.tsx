import { countOf, plural } from "../../../../shared/french-plural.ts";
import { Alert } from "../../../../ui/alert.tsx";
import { Badge } from "../../../../ui/badge.tsx";
import { type Option, SelectField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Pagination } from "../../../../ui/pagination.tsx";
import { SearchBar } from "../../../../ui/search-bar.tsx";
import { type JobFamily, jobFamilies, skillLevelLabels } from "../../domain/profile-choices.ts";
import { directoryHref, directoryPositionHref, type DirectoryUrlParams, type FilterLabels } from "../directory-query.ts";
import type { Correction } from "../directory-repository.ts";
import type { BroadResults, DirectoryCard, DirectoryResults, FacetCount } from "../directory-search.ts";

export type DirectoryPageProps = {
  context: PageContext;
  params: DirectoryUrlParams;
  /** The query's error (too long): the form is shown again with it, without results. */
  error?: string | undefined;
  results: (DirectoryResults & { corrections: Correction[] }) | null;
  /** The programme team may download the result set. */
  exportHref: string | null;
  /** Names of the chosen filter values, shown even when no profile has them. */
  filterLabels?: FilterLabels | undefined;
};

/** « 1 234 » with the French narrow no-break space. */
export function formatCount(count: number): string {
  return count.toLocaleString("fr-FR");
}

function profileCountPhrase(total: number): string {
  if (total === 0) return "Aucun profil";
  return `${formatCount(total)} ${plural(total, "profil")}`;
}

const quoted = (text: string) => `«\u00a0${text}\u00a0»`;

export function personName(person: { givenName: string | null; usualName: string | null }): string {
  return [person.givenName, person.usualName].filter(Boolean).join(" ").trim() || "Membre sans nom";
}

export function profileHref(slug: string): string {
  return `/annuaire/${encodeURIComponent(slug)}`;
}

export function organisationLabel(person: { organisation: string | null; organisationAcronym: string | null }): string | null {
  if (!person.organisation) return null;
  return person.organisationAcronym ? `${person.organisation} (${person.organisationAcronym})` : person.organisation;
}

export const hiddenProfileLabel = "Visible de l’équipe seulement";

/** `/annuaire`: search, filters with their counts, result cards and pages. */
export function DirectoryPage({ context, params, error, results, exportHref, filterLabels = {} }: DirectoryPageProps) {
  const title = `Trouver un expert${params.q ? `\u00a0: ${quoted(params.q)}` : ""}${results ? pagePosition(results) : ""}`;
  return (
    <Layout context={context} title={error ? `Erreur — ${title}` : title} breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Trouver un expert</h1>
      <p className="fr-text--lead">
        Cherchez parmi les membres de la communauté par nom, compétence, métier, organisation ou ministère. Voir aussi{" "}
        <a href="/annuaire/competences">qui peut m’aider, compétence par compétence</a>.
      </p>
      <form action="/annuaire" method="get" noValidate>
        <div className="fr-mb-4w">
          <SearchBar id="annuaire" label="Rechercher dans l’annuaire" value={params.q} error={error} large />
          <p className="fr-hint-text fr-mt-1w">Par exemple «&nbsp;python&nbsp;», «&nbsp;cartographie&nbsp;», «&nbsp;Insee&nbsp;», «&nbsp;séries temporelles&nbsp;».</p>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            {results ? <Filters params={params} results={results} labels={filterLabels} /> : <HiddenFilters params={params} />}
          </div>
          <div className="fr-col-12 fr-col-md-8">{results ? <Results params={params} results={results} exportHref={exportHref} labels={filterLabels} /> : null}</div>
        </div>
      </form>
    </Layout>
  );
}

/** Keeps the filters of a refused search in the form, so that fixing the query keeps them. */
function HiddenFilters({ params }: { params: DirectoryUrlParams }) {
  const kept: [string, string | number | undefined][] = [
    ["ministere", params.ministere],
    ["organisation", params.organisation],
    ["metier", params.metier],
    ["competence", params.competence],
    ["niveau", params.niveau],
    ["saison", params.saison],
    ["projet", params.projet],
  ];
  return (
    <>
      {kept
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
    </>
  );
}

/** « — page 2 » of an exact search, « — à partir de Camille Martin » of a broad one past its start (page titles differ). */
function pagePosition(results: DirectoryResults): string {
  if (results.mode === "exact") return results.page > 1 ? ` — page ${results.page}` : "";
  const first = results.cards[0];
  return results.previous && first ? ` — à partir de ${personName(first)}` : "";
}

/** Whether any value of `facets` is counted (a broad search, or a filter over the threshold, counts none). */
const isCounted = (facets: FacetCount[]) => facets.every((facet) => facet.count !== null);

/**
 * Options with their counts: values with profiles, and the selected one even at zero. Values without a
 * count (a broad search) are listed by name.
 */
function facetOptions(facets: FacetCount[], selected: string | undefined, selectedLabel: string | undefined): Option[] {
  const shown = facets.filter((facet) => facet.count === null || facet.count > 0 || facet.value === selected);
  if (selected && !shown.some((facet) => facet.value === selected)) shown.push({ value: selected, label: selectedLabel ?? selected, count: isCounted(facets) ? 0 : null });
  return shown
    .sort((a, b) => a.label.localeCompare(b.label, "fr"))
    .map((facet) => ({ value: facet.value, label: facet.count === null ? facet.label : `${facet.label} (${formatCount(facet.count)})` }));
}

/** Beside a filter in use whose values are not counted in an exact search (its count would go over the threshold). */
function uncountedHint(facets: FacetCount[], results: DirectoryResults, hint: string | undefined): string | undefined {
  if (results.mode === "broad" || facets.length === 0 || isCounted(facets)) return hint;
  return [hint, `Nombre de profils non calculé pour chaque choix\u00a0: plus de ${formatCount(results.broadAbove)} avec vos autres critères`].filter(Boolean).join(". ");
}

const jobOrder = Object.keys(jobFamilies);

/** Job families in the order of the wizard. */
function sortedByJobOrder(options: Option[]): Option[] {
  return [...options].sort((a, b) => jobOrder.indexOf(a.value) - jobOrder.indexOf(b.value));
}

function Filters({ params, results, labels }: { params: DirectoryUrlParams; results: NonNullable<DirectoryPageProps["results"]>; labels: FilterLabels }) {
  const { facets } = results;
  const jobs = facets.jobFamilies.map((facet) => ({ ...facet, label: jobFamilies[facet.value as JobFamily] ?? facet.value }));
  const levelOptions = [2, 3].map((level) => ({ value: String(level), label: level === 3 ? "Expert·e" : `${skillLevelLabels[level as 2]} ou expert·e` }));
  const chosen = activeFilters(params, results, labels).length;
  // A native <details> (it opens without JavaScript, with the keyboard): folded on a phone, so that the
  // results come first; shown unfolded, without its button, from the md breakpoint (static/app.css).
  return (
    <details className="fr-accordion directory-filters">
      <summary className="fr-accordion__btn">
        {`Filtrer les résultats${chosen > 0 ? ` (${countOf(chosen, "filtre choisi", "filtres choisis")})` : ""}`}
      </summary>
      <div className="fr-background-alt--grey fr-p-3w">
        <h2 className="fr-h5">Filtrer</h2>
        <p className="fr-hint-text">
          {results.mode === "broad"
            ? `Plus de ${formatCount(results.broadAbove)} profils correspondent\u00a0: le nombre de profils n’est pas calculé pour chaque choix.`
            : "Le nombre de profils est indiqué entre parenthèses."}
        </p>
        <SelectField
          name="ministere"
          id="filtre-ministere"
          label="Ministère"
          hint={uncountedHint(facets.ministries, results, undefined)}
          placeholder="Tous les ministères"
          options={facetOptions(facets.ministries, params.ministere, labels.ministry)}
          value={params.ministere}
        />
        <SelectField
          name="organisation"
          id="filtre-organisation"
          label="Organisation"
          hint={uncountedHint(facets.organisations, results, "Avec ses services")}
          placeholder="Toutes les organisations"
          options={facetOptions(facets.organisations, params.organisation, labels.organisation)}
          value={params.organisation}
        />
        <SelectField
          name="metier"
          id="filtre-metier"
          label="Métier"
          hint={uncountedHint(jobs, results, undefined)}
          placeholder="Tous les métiers"
          options={sortedByJobOrder(facetOptions(jobs, params.metier, params.metier ? jobFamilies[params.metier] : undefined))}
          value={params.metier}
        />
        <SelectField
          name="competence"
          id="filtre-competence"
          label="Compétence"
          hint={uncountedHint(facets.skills, results, undefined)}
          placeholder="Toutes les compétences"
          options={facetOptions(facets.skills, params.competence, labels.skill)}
          value={params.competence}
        />
        <SelectField
          name="niveau"
          id="filtre-niveau"
          label="Niveau minimum dans cette compétence"
          placeholder="Curieux·se ou plus"
          options={levelOptions}
          value={params.niveau && params.niveau > 1 ? String(params.niveau) : undefined}
        />
        <SelectField
          name="saison"
          id="filtre-saison"
          label="Saison"
          hint={uncountedHint(facets.seasons, results, undefined)}
          placeholder="Toutes les saisons"
          options={facetOptions(facets.seasons, params.saison, params.saison)}
          value={params.saison}
        />
        <SelectField
          name="projet"
          id="filtre-projet"
          label="Projet"
          hint={uncountedHint(facets.projects, results, undefined)}
          placeholder="Tous les projets"
          options={facetOptions(facets.projects, params.projet, labels.project)}
          value={params.projet}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button className="fr-btn" type="submit">
              Appliquer les filtres
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={directoryHref({ q: params.q })}>
              Retirer les filtres
            </a>
          </li>
        </ul>
      </div>
    </details>
  );
}

function Results({ params, results, exportHref, labels }: { params: DirectoryUrlParams; results: NonNullable<DirectoryPageProps["results"]>; exportHref: string | null; labels: FilterLabels }) {
  const filters = activeFilters(params, results, labels);
  const searching = Boolean(params.q) || filters.length > 0;
  const broad = results.mode === "broad";
  const found = broad || results.total > 0;
  const heading = broad ? `Plus de ${formatCount(results.broadAbove)} profils` : profileCountPhrase(results.total);
  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-mb-0 fr-col" id="resultats">
          {`${heading}${params.q ? ` pour ${quoted(params.q)}` : ""}`}
        </h2>
        {exportHref && found ? (
          <p className="fr-mb-0">
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={exportHref}>
              Télécharger (CSV)
            </a>
          </p>
        ) : null}
      </div>
      {results.corrections.length > 0 ? <CorrectionNotice corrections={results.corrections} /> : null}
      {broad ? <BroadNotice results={results} searching={searching} /> : null}
      {found && filters.length > 0 ? <ChosenFilters filters={filters} /> : null}
      {!found ? searching ? <NoResult params={params} results={results} labels={labels} /> : <EmptyDirectory /> : null}
      {results.cards.length > 0 ? (
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-labelledby="resultats">
          {results.cards.map((card) => (
            <li key={card.userId} className="fr-col-12 fr-col-lg-6">
              <ProfileCard card={card} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="fr-mt-4w">
        {broad ? (
          <NamePagination params={params} results={results} />
        ) : (
          <Pagination page={results.page} pageCount={results.pageCount} hrefFor={(page) => directoryHref(params, page)} />
        )}
      </div>
    </>
  );
}

/** Why a broad search shows no counts and names in alphabetical order, and how to narrow it. */
function BroadNotice({ results, searching }: { results: BroadResults; searching: boolean }) {
  return (
    <Alert kind="info" small>
      <p>
        {`Plus de ${formatCount(results.broadAbove)} profils ${searching ? "correspondent à votre recherche" : "figurent dans l’annuaire"}\u00a0: ils sont présentés par ordre alphabétique des noms, sans classement par pertinence ni nombre de profils par filtre.`}
      </p>
      <p>{searching ? "Précisez votre recherche avec les filtres ou d’autres mots pour obtenir les profils les plus pertinents." : "Cherchez un mot (compétence, métier, organisation, nom) ou choisissez des filtres pour obtenir les profils les plus pertinents."}</p>
    </Alert>
  );
}

/** The filters in use, each a link that removes it. */
function ChosenFilters({ filters }: { filters: ActiveFilter[] }) {
  return (
    <div className="fr-mb-3w">
      <p className="fr-mb-1w" id="filtres-choisis">
        Filtres choisis (sélectionnez-en un pour le retirer)&nbsp;:
      </p>
      <ul className="fr-tags-group" aria-labelledby="filtres-choisis">
        {filters.map((filter) => (
          <li key={filter.label}>
            <a className="fr-tag fr-tag--icon-left fr-icon-close-line" href={directoryHref(filter.without)} aria-label={`Retirer le filtre ${filter.label}`}>
              {filter.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A broad search pages by name: the first page, the one before and the one after (DSFR pagination without page numbers). */
function NamePagination({ params, results }: { params: DirectoryUrlParams; results: BroadResults }) {
  if (!results.previous && !results.next) return null;
  const link = (className: string, label: string, href: string | null) =>
    href === null ? (
      <a className={`fr-pagination__link ${className}`} title={label} aria-disabled="true" role="link">
        {label}
      </a>
    ) : (
      <a className={`fr-pagination__link ${className}`} href={href} title={label}>
        {label}
      </a>
    );
  return (
    <nav role="navigation" className="fr-pagination" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>{link("fr-pagination__link--first", "Première page", results.previous ? directoryHref(params) : null)}</li>
        <li>{link("fr-pagination__link--prev fr-pagination__link--lg-label", "Page précédente", results.previous ? directoryPositionHref(params, { before: results.previous }) : null)}</li>
        <li>{link("fr-pagination__link--next fr-pagination__link--lg-label", "Page suivante", results.next ? directoryPositionHref(params, { after: results.next }) : null)}</li>
      </ul>
    </nav>
  );
}

function CorrectionNotice({ corrections }: { corrections: Correction[] }) {
  return (
    <div className="fr-notice fr-notice--info fr-mb-3w">
      <div className="fr-container">
        <div className="fr-notice__body">
          <p className="fr-notice__title">
            {corrections.map((correction) => `Aucun profil ne contient ${quoted(correction.word)}\u00a0: recherche de ${correction.replacements.map(quoted).join(" ou ")} à la place.`).join(" ")}
          </p>
        </div>
      </div>
    </div>
  );
}

const shownSkills = 6;

export function ProfileCard({ card }: { card: DirectoryCard }) {
  const job = card.jobFamily ? jobFamilies[card.jobFamily] : null;
  const organisation = organisationLabel(card);
  const skills = card.skills.slice(0, shownSkills);
  const more = card.skills.length - skills.length;
  return (
    <div className="fr-card fr-enlarge-link">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <a href={profileHref(card.slug)}>{personName(card)}</a>
          </h3>
          <p className="fr-card__desc">{[job, organisation].filter(Boolean).join(" · ") || "Métier et organisation non renseignés"}</p>
          {card.visibility === "programme_team" || card.ministry ? (
            <div className="fr-card__start">
              {card.visibility === "programme_team" ? <Badge label={hiddenProfileLabel} kind="info" small /> : null}
              {card.ministry ? <p className="fr-card__detail">{card.ministry}</p> : null}
            </div>
          ) : null}
          {skills.length > 0 ? (
            <div className="fr-card__end">
              <ul className="fr-tags-group fr-tags-group--sm" aria-label="Compétences">
                {skills.map((skill) => (
                  <li key={skill.slug}>
                    <p className="fr-tag fr-tag--sm">
                      {skill.matches ? <mark>{skill.name}</mark> : skill.name}
                      {`\u00a0: ${skillLevelLabels[skill.level].toLowerCase()}`}
                    </p>
                  </li>
                ))}
              </ul>
              {more > 0 ? <p className="fr-card__detail">et {countOf(more, "autre compétence", "autres compétences")}</p> : null}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

type ActiveFilter = { label: string; without: DirectoryUrlParams };

function activeFilters(params: DirectoryUrlParams, results: NonNullable<DirectoryPageProps["results"]>, labels: FilterLabels): ActiveFilter[] {
  const labelOf = (facets: FacetCount[], value: string, known: string | undefined) => facets.find((facet) => facet.value === value)?.label ?? known ?? value;
  const filters: ActiveFilter[] = [];
  if (params.ministere) filters.push({ label: `Ministère\u00a0: ${labelOf(results.facets.ministries, params.ministere, labels.ministry)}`, without: { ...params, ministere: undefined } });
  if (params.organisation) filters.push({ label: `Organisation\u00a0: ${labelOf(results.facets.organisations, params.organisation, labels.organisation)}`, without: { ...params, organisation: undefined } });
  if (params.metier) filters.push({ label: `Métier\u00a0: ${jobFamilies[params.metier]}`, without: { ...params, metier: undefined } });
  if (params.competence) {
    const level = params.niveau && params.niveau > 1 ? ` (${skillLevelLabels[params.niveau as 2 | 3].toLowerCase()} au moins)` : "";
    filters.push({ label: `Compétence\u00a0: ${labelOf(results.facets.skills, params.competence, labels.skill)}${level}`, without: { ...params, competence: undefined, niveau: undefined } });
  }
  if (params.saison) filters.push({ label: `Saison\u00a0: ${params.saison}`, without: { ...params, saison: undefined } });
  if (params.projet) filters.push({ label: `Projet\u00a0: ${labelOf(results.facets.projects, params.projet, labels.project)}`, without: { ...params, projet: undefined } });
  return filters;
}

function NoResult({ params, results, labels }: { params: DirectoryUrlParams; results: NonNullable<DirectoryPageProps["results"]>; labels: FilterLabels }) {
  const filters = activeFilters(params, results, labels);
  return (
    <div className="fr-mb-4w">
      <p className="fr-mb-1w">Aucun profil ne correspond. Quelques pistes&nbsp;:</p>
      <ul>
        {params.q ? <li>vérifiez l’orthographe des mots, ou essayez un mot plus général ou moins de mots&nbsp;;</li> : null}
        {filters.map((filter) => (
          <li key={filter.label}>
            retirez le filtre <a href={directoryHref(filter.without)}>{filter.label}</a>&nbsp;;
          </li>
        ))}
        <li>
          parcourez <a href="/annuaire/competences">les compétences de la communauté</a>.
        </li>
      </ul>
    </div>
  );
}

function EmptyDirectory() {
  return (
    <div className="fr-mb-4w">
      <p>Personne n’a encore rejoint l’annuaire de la communauté.</p>
      <p>
        <a className="fr-btn" href="/rejoindre/inscription">
          Rejoindre la communauté
        </a>
      </p>
    </div>
  );
}
