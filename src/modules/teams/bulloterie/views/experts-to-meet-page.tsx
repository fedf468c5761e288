import type { ExpertsForCuriosity } from "../../../people/api.ts";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { countOf } from "../../../../shared/french-plural.ts";
import { bulloteriePath } from "./bulloterie-page.tsx";

type Props = {
  context: PageContext;
  curiosities: ExpertsForCuriosity[];
  /** Where the member marks their levels: their profile's edit page, or the joining wizard. */
  profileEditHref: string;
};

function skillPagePath(slug: string): string {
  return `/annuaire/competences/${encodeURIComponent(slug)}`;
}

/** `/bulloterie/qui-rencontrer`: for each topic the member is curious about, experts of other ministries. */
export function ExpertsToMeetPage({ context, curiosities, profileEditHref }: Props) {
  return (
    <Layout
      context={context}
      title={"Qui rencontrer\u00a0?"}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "La bulloterie", href: bulloteriePath },
      ]}
    >
      <h1>Qui rencontrer&nbsp;?</h1>
      <p className="fr-text--lead">Pour chaque sujet dont vous vous dites curieux·se, des expert·es d’autres ministères que le vôtre, prêt·es à partager ce qu’ils savent.</p>
      {curiosities.length === 0 ? (
        <div className="fr-callout">
          <h2 className="fr-callout__title fr-h5">Vous n’avez indiqué aucun sujet comme curieux·se</h2>
          <p className="fr-callout__text">Sur votre profil, choisissez le niveau « Curieux·se » pour les sujets que vous aimeriez découvrir&nbsp;: cette page vous proposera des expert·es à rencontrer.</p>
          <a className="fr-btn fr-mt-2w" href={profileEditHref}>
            Indiquer mes sujets de curiosité
          </a>
        </div>
      ) : (
        <>
          {curiosities.map(({ skill, experts, total }) => (
            <section key={skill.slug} className="fr-mb-5w" aria-labelledby={`sujet-${skill.slug}`}>
              <h2 className="fr-h4" id={`sujet-${skill.slug}`}>
                {skill.name}
              </h2>
              {experts.length === 0 ? (
                <p>Pas encore d’expert·e d’un autre ministère sur ce sujet.</p>
              ) : (
                <>
                  <ul>
                    {experts.map((expert) => (
                      <li key={expert.slug} className="fr-mb-1w">
                        <a href={expert.path}>{expert.name}</a>
                        {[expert.jobLabel, expert.organisation, expert.ministry && expert.ministry !== expert.organisation ? expert.ministry : null]
                          .filter(Boolean)
                          .map((part) => ` — ${part}`)
                          .join("")}
                      </li>
                    ))}
                  </ul>
                  {total > experts.length ? (
                    <p>
                      <a href={skillPagePath(skill.slug)}>
                        Tous les membres de « {skill.name} » ({countOf(total, "expert·e", "expert·es")} d’autres ministères en tout)
                      </a>
                    </p>
                  ) : null}
                </>
              )}
            </section>
          ))}
          <p>
            <a className="fr-link" href={profileEditHref}>
              Changer mes sujets de curiosité
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
