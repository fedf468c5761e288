import type { ReactNode } from "react";
import { Heading, type HeadingLevel } from "./heading.tsx";

export type CardProps = {
  title: string;
  /** The title's link; DSFR enlarges it to the whole card. */
  href: string;
  /** Inline content: it sits in a paragraph. */
  description?: ReactNode;
  /** Small text above the title (date, organisation…). */
  detail?: string;
  /** Tags or badges above the title: a TagsGroup or a BadgesGroup. */
  start?: ReactNode;
  /** Small text at the bottom of the card. */
  endDetail?: string;
  /** `alt` is required: "" when the image only decorates, a description when it carries meaning. */
  image?: { src: string; alt: string };
  horizontal?: boolean;
  size?: "sm" | "md" | "lg";
  headingLevel?: HeadingLevel;
  external?: boolean;
};

export function Card({ title, href, description, detail, start, endDetail, image, horizontal, size = "md", headingLevel = 3, external }: CardProps) {
  const className = ["fr-card", "fr-enlarge-link", size === "md" ? "" : `fr-card--${size}`, horizontal ? "fr-card--horizontal" : ""].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <div className="fr-card__body">
        <div className="fr-card__content">
          <Heading level={headingLevel} className="fr-card__title">
            <a href={href} title={external ? `${title} — nouvelle fenêtre` : undefined} target={external ? "_blank" : undefined} rel={external ? "noopener external" : undefined}>
              {title}
            </a>
          </Heading>
          {description ? <p className="fr-card__desc">{description}</p> : null}
          {start || detail ? (
            <div className="fr-card__start">
              {start}
              {detail ? <p className="fr-card__detail">{detail}</p> : null}
            </div>
          ) : null}
          {endDetail ? (
            <div className="fr-card__end">
              <p className="fr-card__detail">{endDetail}</p>
            </div>
          ) : null}
        </div>
      </div>
      {image ? (
        <div className="fr-card__header">
          <div className="fr-card__img">
            <img className="fr-responsive-img" src={image.src} alt={image.alt} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
