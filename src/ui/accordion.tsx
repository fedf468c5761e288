import type { ReactNode } from "react";
import { Heading, type HeadingLevel } from "./heading.tsx";

export type AccordionProps = {
  /** Unique on the page: the id of the collapsible content. */
  id: string;
  title: string;
  children: ReactNode;
  /** Open when the page loads. */
  expanded?: boolean;
  headingLevel?: HeadingLevel;
};

/**
 * DSFR accordion; DSFR's script opens and closes it. DSFR's CSS hides a closed `.fr-collapse` whether or
 * not the script runs, so without JavaScript a closed accordion's content is repeated in a <noscript>
 * right under its title; keep ids out of that content.
 */
export function Accordion({ id, title, children, expanded = false, headingLevel = 3 }: AccordionProps) {
  return (
    <section className="fr-accordion">
      <Heading level={headingLevel} className="fr-accordion__title">
        <button type="button" className="fr-accordion__btn" aria-expanded={expanded} aria-controls={id}>
          {title}
        </button>
      </Heading>
      <div className={`fr-collapse${expanded ? " fr-collapse--expanded" : ""}`} id={id}>
        {children}
      </div>
      {expanded ? null : (
        <noscript>
          <div className="fr-px-2w fr-pt-2w fr-pb-3w">{children}</div>
        </noscript>
      )}
    </section>
  );
}

/** Groups accordions; by default opening one closes the others, `independent` lets several stay open. */
export function AccordionsGroup({ children, independent }: { children: ReactNode; independent?: boolean }) {
  return (
    <div className="fr-accordions-group" data-fr-group={independent ? "false" : undefined}>
      {children}
    </div>
  );
}
