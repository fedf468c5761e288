import { ExternalLink } from "../../../ui/detail-list.tsx";

/**
 * What a project page shows publicly of the project's workspace, as plain data (the workspace module builds
 * it; projects does not import workspace): public links and files, the restitutions, the administrations
 * that reuse the project (« Nous l'utilisons »), and the framing's public summary when there is one. The
 * log, the « météo » and private links are never part of it.
 */
export type WorkspacePublicSectionModel = {
  /** The framing's public summary and deliverable, from the workspace's framing feature; null or absent when none is public. */
  framing?: { seasonName: string; summary: string; deliverable: string | null } | null;
  links: { label: string; href: string; kindLabel: string; isFile: boolean }[];
  restitutions: { seasonName: string; summary: string; slidesHref: string | null; slidesIsFile: boolean; videoUrl: string | null; demoUrl: string | null }[];
  reuses: { organisationName: string; purpose: string; since: string }[];
  /** `/projets/<slug>/reutilisations`: the list and the form to declare a reuse. */
  reusesPath: string;
  /** The workspace's address for a viewer who may read it (team, coach, AMD involved, programme team); null otherwise. */
  workspaceHref?: string | null;
};

export function WorkspacePublicSection({ model, projectTitle }: { model: WorkspacePublicSectionModel; projectTitle: string }) {
  return (
    <>
      {model.workspaceHref ? (
        <p className="fr-mb-4w">
          <a className="fr-btn fr-btn--secondary fr-icon-folder-2-line fr-btn--icon-left" href={model.workspaceHref}>
            Ouvrir l’espace projet
          </a>
        </p>
      ) : null}
      {model.framing ? (
        <section aria-labelledby="cadrage-public" className="fr-mb-4w">
          <h2 id="cadrage-public">Le projet en bref</h2>
          <p className="fr-text--sm">{model.framing.seasonName}</p>
          <p style={{ whiteSpace: "pre-line" }}>{model.framing.summary}</p>
          {model.framing.deliverable ? (
            <>
              <h3 className="fr-h5">Livrable attendu</h3>
              <p style={{ whiteSpace: "pre-line" }}>{model.framing.deliverable}</p>
            </>
          ) : null}
        </section>
      ) : null}
      {model.restitutions.length > 0 ? (
        <section aria-labelledby="restitution" className="fr-mb-4w">
          <h2 id="restitution">Restitution</h2>
          {model.restitutions.map((restitution) => (
            <div key={restitution.seasonName}>
              <h3 className="fr-h5">{restitution.seasonName}</h3>
              {restitution.summary ? <p style={{ whiteSpace: "pre-line" }}>{restitution.summary}</p> : null}
              <ul>
                {restitution.slidesHref ? (
                  <li>
                    {restitution.slidesIsFile ? (
                      <a href={restitution.slidesHref} download="">
                        Télécharger le support de présentation<span className="fr-sr-only"> ({restitution.seasonName})</span>
                      </a>
                    ) : (
                      <ExternalLink href={restitution.slidesHref} label={`Support de présentation du projet ${projectTitle}`}>
                        Support de présentation
                      </ExternalLink>
                    )}
                  </li>
                ) : null}
                {restitution.videoUrl ? (
                  <li>
                    <ExternalLink href={restitution.videoUrl} label={`Vidéo de la restitution du projet ${projectTitle}`}>
                      Vidéo de la restitution
                    </ExternalLink>
                  </li>
                ) : null}
                {restitution.demoUrl ? (
                  <li>
                    <ExternalLink href={restitution.demoUrl} label={`Démonstration du projet ${projectTitle}`}>
                      Démonstration
                    </ExternalLink>
                  </li>
                ) : null}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      {model.links.length > 0 ? (
        <section aria-labelledby="liens-projet" className="fr-mb-4w">
          <h2 id="liens-projet">Liens et fichiers</h2>
          <ul>
            {model.links.map((link, index) => (
              <li key={`${link.href}-${index}`}>
                {link.isFile ? (
                  <a href={link.href} download="">
                    {link.label}
                  </a>
                ) : (
                  <ExternalLink href={link.href} label={link.label}>
                    {link.label}
                  </ExternalLink>
                )}{" "}
                <span className="fr-text--sm">({link.kindLabel})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="nous-l-utilisons" className="fr-mb-4w">
        <h2 id="nous-l-utilisons">Nous l’utilisons</h2>
        {model.reuses.length === 0 ? (
          <p>Aucune administration n’a encore déclaré utiliser ce projet.</p>
        ) : (
          <ul>
            {model.reuses.map((reuse) => (
              <li key={reuse.organisationName}>
                <strong>{reuse.organisationName}</strong>, {reuse.since} : {reuse.purpose}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a className="fr-link" href={model.reusesPath}>
            Votre administration utilise ce projet ? Déclarez-le
          </a>
        </p>
      </section>
    </>
  );
}
