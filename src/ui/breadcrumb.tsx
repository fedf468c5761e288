export type BreadcrumbItem = { label: string; href: string };

/** DSFR breadcrumb; the current page is the last, unlinked item. */
export function Breadcrumb({ items, current }: { items: BreadcrumbItem[]; current: string }) {
  return (
    <nav role="navigation" className="fr-breadcrumb" aria-label={"vous êtes ici\u00a0:"}>
      <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">
        Voir le fil d’Ariane
      </button>
      <div className="fr-collapse" id="fil-ariane">
        <ol className="fr-breadcrumb__list">
          {items.map((item) => (
            <li key={item.href}>
              <a className="fr-breadcrumb__link" href={item.href}>
                {item.label}
              </a>
            </li>
          ))}
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {current}
            </a>
          </li>
        </ol>
      </div>
    </nav>
  );
}
