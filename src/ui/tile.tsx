import { Heading, type HeadingLevel } from "./heading.tsx";

export type TileProps = {
  title: string;
  /** The title's link; DSFR enlarges it to the whole tile. */
  href: string;
  description?: string;
  detail?: string;
  /** A DSFR pictogram under /dsfr/artwork/pictograms/, e.g. "digital/coding.svg"; it is decorative. */
  pictogram?: string;
  horizontal?: boolean;
  small?: boolean;
  headingLevel?: HeadingLevel;
};

export function Tile({ title, href, description, detail, pictogram, horizontal, small, headingLevel = 3 }: TileProps) {
  const className = ["fr-tile", small ? "fr-tile--sm" : "", horizontal ? "fr-tile--horizontal" : "", "fr-enlarge-link"].filter(Boolean).join(" ");
  const pictogramUrl = pictogram ? `/dsfr/artwork/pictograms/${pictogram}` : null;
  return (
    <div className={className}>
      <div className="fr-tile__body">
        <div className="fr-tile__content">
          <Heading level={headingLevel} className="fr-tile__title">
            <a href={href}>{title}</a>
          </Heading>
          {description ? <p className="fr-tile__desc">{description}</p> : null}
          {detail ? <p className="fr-tile__detail">{detail}</p> : null}
        </div>
      </div>
      {pictogramUrl ? (
        <div className="fr-tile__header">
          <div className="fr-tile__pictogram">
            <svg aria-hidden="true" className="fr-artwork" viewBox="0 0 80 80" width="80px" height="80px">
              <use className="fr-artwork-decorative" href={`${pictogramUrl}#artwork-decorative`} />
              <use className="fr-artwork-minor" href={`${pictogramUrl}#artwork-minor`} />
              <use className="fr-artwork-major" href={`${pictogramUrl}#artwork-major`} />
            </svg>
          </div>
        </div>
      ) : null}
    </div>
  );
}
