export type SummaryItem = { label: string; href: string; children?: SummaryItem[] };

/** DSFR table of contents ("Sommaire") of the page's sections; `id` must be unique on the page. */
export function Summary({ items, id = "sommaire" }: { items: SummaryItem[]; id?: string }) {
  return (
    <nav className="fr-summary" role="navigation" aria-labelledby={`${id}-title`}>
      <h2 className="fr-summary__title" id={`${id}-title`}>
        Sommaire
      </h2>
      <SummaryList items={items} />
    </nav>
  );
}

function SummaryList({ items }: { items: SummaryItem[] }) {
  return (
    <ol>
      {items.map((item) => (
        <li key={item.href}>
          <a className="fr-summary__link" href={item.href}>
            {item.label}
          </a>
          {item.children && item.children.length > 0 ? <SummaryList items={item.children} /> : null}
        </li>
      ))}
    </ol>
  );
}
