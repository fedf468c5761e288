import { serviceName } from "./layout.tsx";

const institutionalLinks = [
  { label: "info.gouv.fr", href: "https://www.info.gouv.fr" },
  { label: "service-public.gouv.fr", href: "https://www.service-public.gouv.fr" },
  { label: "legifrance.gouv.fr", href: "https://www.legifrance.gouv.fr" },
  { label: "data.gouv.fr", href: "https://www.data.gouv.fr" },
];

/** Until an accessibility audit is done, the statement says « non conforme » (RGAA obligation). */
export const accessibilityStatus = "non conforme";

export function Footer() {
  return (
    <footer className="fr-footer" role="contentinfo" id="pied-de-page">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            <a href="/" title={`Retour à l’accueil du site — ${serviceName}`}>
              <p className="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              Le {serviceName} est porté par la Direction interministérielle du numérique (DINUM) avec l’Insee. Les experts de la
              donnée publique y consacrent 10 % de leur temps à des projets d’intérêt commun.
            </p>
            <ul className="fr-footer__content-list">
              {institutionalLinks.map((link) => (
                <li className="fr-footer__content-item" key={link.href}>
                  <a
                    className="fr-footer__content-link"
                    href={link.href}
                    target="_blank"
                    rel="noopener external"
                    title={`${link.label} — nouvelle fenêtre`}
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/contact">
                Contact
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/plan-du-site">
                Plan du site
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/accessibilite">
                Accessibilité : {accessibilityStatus}
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/mentions-legales">
                Mentions légales
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/donnees-personnelles">
                Données personnelles
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <button className="fr-footer__bottom-link" aria-controls="fr-theme-modal" data-fr-opened="false" type="button">
                Paramètres d’affichage
              </button>
            </li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>
              Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous{" "}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener external"
                title="Licence Etalab 2.0 — nouvelle fenêtre"
              >
                licence etalab-2.0
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
