import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { countOf } from "../../../../shared/french-plural.ts";
import type { TopicFigures } from "../topic-figures.ts";
import { BubbleFigure } from "./bubble-figure.tsx";
import { atelierPath, bulloteriePath, type CategoryChoice, CategoryFilter, withCategory } from "./bulloterie-page.tsx";

/** How many topics the workshop view names in large type. */
export const topTopicsShown = 8;

/**
 * `/bulloterie/atelier`: the bubbles large, labels in large type, and the leading topics, for a projector on
 * launch days. The figures are those of `/bulloterie`, whose table is one link away.
 */
export function AtelierPage({ context, topics, categories, chosen }: { context: PageContext; topics: TopicFigures[]; categories: CategoryChoice[]; chosen: CategoryChoice | null }) {
  const top = topics.slice(0, topTopicsShown);
  return (
    <Layout context={context} title={chosen ? `Bulloterie, mode atelier — ${chosen.label}` : "Bulloterie, mode atelier"}>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
        <div className="fr-col-12 fr-col-md-8">
          <h1 className="fr-display--xs fr-mb-1w">La bulloterie{chosen ? ` — ${chosen.label}` : ""}</h1>
        </div>
        <div className="fr-col-12 fr-col-md-4" style={{ textAlign: "right" }}>
          <a className="fr-btn fr-btn--secondary fr-btn--lg fr-icon-close-line fr-btn--icon-left" href={withCategory(bulloteriePath, chosen?.key ?? null)}>
            Quitter le mode atelier
          </a>
        </div>
      </div>
      {topics.length === 0 ? (
        <p className="fr-text--xl">Aucun membre n’a encore indiqué de compétence{chosen ? " dans cette catégorie" : ""}.</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-8">
            <BubbleFigure topics={topics} scope={chosen ? `de la catégorie « ${chosen.label} »` : "de la communauté"} width={800} fontSize={22} id="bulles-atelier" />
          </div>
          <div className="fr-col-12 fr-col-lg-4">
            <h2 className="fr-h3">Les sujets qui rassemblent</h2>
            <ol className="fr-text--xl">
              {top.map((topic) => (
                <li key={topic.slug} className="fr-mb-2w">
                  <strong>{topic.name}</strong>
                  <br />
                  {countOf(topic.total, "personne")} dont {countOf(topic.experts, "expert·e", "expert·es")}
                </li>
              ))}
            </ol>
            <p className="fr-text--lg">
              Vous ne figurez pas encore sur la carte&nbsp;? Indiquez vos compétences sur votre profil de membre.
            </p>
          </div>
        </div>
      )}
      <CategoryFilter action={atelierPath} categories={categories} chosen={chosen?.key ?? null} />
      <p>
        <a className="fr-link" href={withCategory(bulloteriePath, chosen?.key ?? null) + "#chiffres"}>
          Les chiffres en tableau
        </a>
      </p>
    </Layout>
  );
}
