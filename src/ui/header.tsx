import { serviceName, serviceTagline } from "./layout.tsx";
import { isCurrent, mainNavigation } from "./navigation.ts";
import type { PageContext } from "./page-context.ts";
import { SearchBar } from "./search-bar.tsx";

export function Header({ context }: { context: PageContext }) {
  const { user } = context;
  const navigation = mainNavigation(user);
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <p className="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div className="fr-header__navbar">
                  <button className="fr-btn--search fr-btn" data-fr-opened="false" aria-controls="modale-recherche" id="bouton-recherche" title="Rechercher" type="button">
                    Rechercher
                  </button>
                  <button
                    className="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="menu-principal"
                    aria-haspopup="dialog"
                    id="bouton-menu"
                    title="Menu"
                    type="button"
                  >
                    Menu
                  </button>
                </div>
              </div>
              <div className="fr-header__service">
                <a href="/" title={`Accueil — ${serviceName}`}>
                  <p className="fr-header__service-title">{serviceName}</p>
                </a>
                <p className="fr-header__service-tagline">{serviceTagline}</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <HeaderTools context={context} />
              </div>
              <HeaderSearch />
            </div>
          </div>
        </div>
      </div>
      <div className="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
        <div className="fr-container">
          <button className="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer" type="button">
            Fermer
          </button>
          <div className="fr-header__menu-links" />
          <nav className="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
            <ul className="fr-nav__list">
              {navigation.map((item) => (
                <li className="fr-nav__item" key={item.href}>
                  <a className="fr-nav__link" href={item.href} aria-current={isCurrent(item, context.path) ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

function HeaderTools({ context }: { context: PageContext }) {
  const { user } = context;
  return (
    <ul className="fr-btns-group">
      <li>
        <button className="fr-btn fr-icon-theme-fill" aria-controls="fr-theme-modal" data-fr-opened="false" type="button">
          Paramètres d’affichage
        </button>
      </li>
      {user ? (
        <>
          <li>
            <a className="fr-btn fr-icon-account-circle-line" href="/compte">
              {user.displayName}
              <span className="fr-sr-only"> (mon compte)</span>
            </a>
          </li>
          <li>
            <form method="post" action="/deconnexion">
              <input type="hidden" name="_csrf" value={context.csrfToken} />
              <button className="fr-btn fr-icon-logout-box-r-line" type="submit">
                Se déconnecter
              </button>
            </form>
          </li>
        </>
      ) : (
        <li>
          <a className="fr-btn fr-icon-lock-line" href="/connexion">
            Se connecter
          </a>
        </li>
      )}
    </ul>
  );
}

/** The site search in the header: a modal on small screens (opened by the navbar's button), a GET form that needs no script. */
function HeaderSearch() {
  return (
    <div className="fr-header__search fr-modal" id="modale-recherche" aria-labelledby="bouton-recherche">
      <div className="fr-container fr-container-lg--fluid">
        <button className="fr-btn--close fr-btn" aria-controls="modale-recherche" title="Fermer" type="button">
          Fermer
        </button>
        <form action="/recherche" method="get">
          <SearchBar id="recherche-entete" label="Rechercher sur le site" />
        </form>
      </div>
    </div>
  );
}
