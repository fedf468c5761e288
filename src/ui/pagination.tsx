export type PaginationItem = number | "ellipsis";

/**
 * The pages to show: the first, the last, the current one with a neighbour on each side, and an ellipsis
 * for each gap. Always seven slots past seven pages, so the bar keeps its width while paging; near an end
 * the window slides instead of leaving a lone page behind an ellipsis.
 */
export function paginationItems(page: number, pageCount: number): PaginationItem[] {
  if (pageCount <= 7) return Array.from({ length: pageCount }, (_, index) => index + 1);
  const start = Math.min(Math.max(page - 1, 3), pageCount - 4);
  const end = start + 2;
  return [1, start === 3 ? 2 : "ellipsis", start, start + 1, end, end === pageCount - 2 ? pageCount - 1 : "ellipsis", pageCount];
}

/** A pagination item and the screens it shows on. */
export type PaginationSlot = { item: PaginationItem; small: boolean; large: boolean };

/**
 * Large screens show paginationItems(); small ones only the first, current and last pages, with an
 * ellipsis wherever pages are left out (DSFR hides the other pages below the lg breakpoint).
 */
export function paginationSlots(page: number, pageCount: number): PaginationSlot[] {
  const slots: PaginationSlot[] = [];
  let lastSmallNumber: number | null = null;
  for (const item of paginationItems(page, pageCount)) {
    if (item === "ellipsis") {
      slots.push({ item, small: true, large: true });
      lastSmallNumber = null;
      continue;
    }
    const small = item === 1 || item === page || item === pageCount;
    if (small && lastSmallNumber !== null && item - lastSmallNumber > 1) slots.push({ item: "ellipsis", small: true, large: false });
    slots.push({ item, small, large: true });
    if (small) lastSmallNumber = item;
  }
  return slots;
}

function visibilityClass({ small, large }: PaginationSlot) {
  if (small && large) return "";
  return small ? " fr-hidden-lg" : " fr-hidden fr-unhidden-lg";
}

export type PaginationProps = {
  /** The current page, from 1. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

/** DSFR pagination; links that lead nowhere (first page while on it…) are disabled the DSFR way. */
export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const isFirst = page <= 1;
  const isLast = page >= pageCount;
  return (
    <nav role="navigation" className="fr-pagination" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>
          <EdgeLink className="fr-pagination__link--first" label="Première page" href={isFirst ? null : hrefFor(1)} />
        </li>
        <li>
          <EdgeLink className="fr-pagination__link--prev fr-pagination__link--lg-label" label="Page précédente" href={isFirst ? null : hrefFor(page - 1)} />
        </li>
        {paginationSlots(page, pageCount).map((slot, index) => (
          <li key={index}>
            {slot.item === "ellipsis" ? (
              <span className={`fr-pagination__link${visibilityClass(slot)}`}>…</span>
            ) : slot.item === page ? (
              <a className={`fr-pagination__link${visibilityClass(slot)}`} aria-current="page" title={`Page ${slot.item}`}>
                {slot.item}
              </a>
            ) : (
              <a className={`fr-pagination__link${visibilityClass(slot)}`} href={hrefFor(slot.item)} title={`Page ${slot.item}`}>
                {slot.item}
              </a>
            )}
          </li>
        ))}
        <li>
          <EdgeLink className="fr-pagination__link--next fr-pagination__link--lg-label" label="Page suivante" href={isLast ? null : hrefFor(page + 1)} />
        </li>
        <li>
          <EdgeLink className="fr-pagination__link--last" label="Dernière page" href={isLast ? null : hrefFor(pageCount)} />
        </li>
      </ul>
    </nav>
  );
}

function EdgeLink({ className, label, href }: { className: string; label: string; href: string | null }) {
  return href === null ? (
    <a className={`fr-pagination__link ${className}`} title={label} aria-disabled="true" role="link">
      {label}
    </a>
  ) : (
    <a className={`fr-pagination__link ${className}`} href={href} title={label}>
      {label}
    </a>
  );
}
