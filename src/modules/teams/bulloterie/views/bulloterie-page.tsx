import { countOf } from "../../../../shared/french-plural.ts";
import { Layout, type SharePreview } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { summarise, type TopicFigures } from "../topic-figures.ts";
import { BubbleFigure, TopicsTable } from "./bubble-figure.tsx";

export const bulloteriePath = "/bulloterie";
export const bulloterieCsvPath = "/bulloterie.csv";
export const atelierPath = "/bulloterie/atelier";
export const expertsToMeetPath = "/bulloterie/qui-rencontrer";

export type CategoryChoice = { key: string; label: string };

/** An address of the bulloterie with the category chosen, if any. */
export function withCategory(path: string, category: string | null): string {
  return category ? `${path}?categorie=${encodeURIComponent(category)}` : path;
}

/** The category filter: a GET form, so it works without JavaScript and the address can be shared. */
export function CategoryFilter({ action, categories, chosen }: { action: string; categories: readonly CategoryChoice[]; chosen: string | null }) {
  return (
    <form method="get" action={action} className="fr-mb-4w">
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-select-group fr-mb-0">
            <label className="fr-label" htmlFor="categorie">
              Catégorie
            </label>
            <select className="fr-select" id="categorie" name="categorie" defaultValue={chosen ?? ""}>
              <option value="">Toutes les catégories</option>
              {categories.map((category) => (
                <option key={category.key} value={category.key}>
                  {category.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <button type="submit" className="fr-btn">
            Afficher
          </button>
        </div>
      </div>
    </form>
  );
}

/** « 3 sujets et 41 niveaux indiqués (curieux·ses : 18, connaissent : 12, expert·es : 11). » */
export function summaryText(topics: readonly TopicFigures[]): string {
  const total = summarise(topics);
  return `${countOf(total.topics, "sujet")} et ${countOf(total.marks, "niveau indiqué", "niveaux indiqués")} (curieux·ses\u00a0: ${total.curious}, connaissent\u00a0: ${total.knows}, expert·es\u00a0: ${total.experts}).`;
}

type Props = { context: PageContext; share: SharePreview; topics: TopicFigures[]; categories: CategoryChoice[]; chosen: CategoryChoice | null };

/** `/bulloterie`: what it is, how to appear on it, the bubbles, then the table and its CSV. */
export function BulloteriePage({ context, share, topics, categories, chosen }: Props) {
  const scope = chosen ? `de la catégorie « ${chosen.label} »` : "de la communauté";
  return (
    <Layout
      context={context}
      title={chosen ? `La bulloterie — ${chosen.label}` : "La bulloterie"}
      description="La carte des envies et des savoir-faire de la communauté du Programme 10 %, sujet par sujet : curieux·ses, connaisseur·ses et expert·es."
      share={share}
      breadcrumb={[{ label: "Accueil", href: "/" }]}
    >
      <h1>La bulloterie</h1>
      <p className="fr-text--lead">
        La carte des envies et des savoir-faire de la communauté. Pour chaque sujet, chaque membre se dit curieux·se, connaisseur·se ou expert·e&nbsp;: la bulloterie sert à
        former les équipes et à provoquer des rencontres entre ministères.
      </p>
      <div className="fr-callout fr-mb-4w">
        <h2 className="fr-callout__title fr-h5">Comment y figurer&nbsp;?</h2>
        <p className="fr-callout__text">
          Indiquez vos compétences et votre niveau (curieux·se, je connais, expert·e) sur votre profil de membre&nbsp;: elles comptent ici dès que votre profil est visible des
          membres. Les profils réservés à l’équipe du programme ne sont pas comptés.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <a className="fr-btn" href="/rejoindre/inscription">
              Indiquer mes compétences
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={expertsToMeetPath}>
              Qui rencontrer&nbsp;?
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href={withCategory(atelierPath, chosen?.key ?? null)}>
              Mode atelier
            </a>
          </li>
        </ul>
      </div>
      <CategoryFilter action={bulloteriePath} categories={categories} chosen={chosen?.key ?? null} />
      <h2>{chosen ? `Les sujets de la catégorie « ${chosen.label} »` : "Les sujets de la communauté"}</h2>
      {topics.length === 0 ? (
        <p>{chosen ? "Aucun membre n’a encore indiqué de compétence dans cette catégorie." : "Aucun membre n’a encore indiqué de compétence."}</p>
      ) : (
        <>
          <p>{summaryText(topics)}</p>
          <BubbleFigure topics={topics} scope={scope} id="bulles" maxWidth="56rem" />
          <h2 id="chiffres">Les chiffres</h2>
          <TopicsTable topics={topics} caption={`Membres par sujet et par niveau ${scope}`} />
          <p>
            <a className="fr-link fr-link--download" href={withCategory(bulloterieCsvPath, chosen?.key ?? null)} download>
              Télécharger le tableau <span className="fr-link__detail">CSV pour tableur (séparateur point-virgule)</span>
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
