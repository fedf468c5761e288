export type NoticeKind = "info" | "warning" | "alert";

export type NoticeProps = {
  title: string;
  description?: string;
  link?: { label: string; href: string; external?: boolean };
  kind?: NoticeKind;
};

/**
 * DSFR "bandeau d’information importante", full width above or under the header. DSFR's close button
 * removes the banner with an inline script, which our Content-Security-Policy forbids: it is left out.
 */
export function Notice({ title, description, link, kind = "info" }: NoticeProps) {
  return (
    <div className={`fr-notice fr-notice--${kind}`}>
      <div className="fr-container">
        <div className="fr-notice__body">
          <div>
            <h2 className="fr-notice__title">{title}</h2>
            {description ? <p className="fr-notice__desc">{description}</p> : null}
            {link ? (
              <a
                className="fr-notice__link"
                href={link.href}
                title={link.external ? `${link.label} — nouvelle fenêtre` : undefined}
                target={link.external ? "_blank" : undefined}
                rel={link.external ? "noopener external" : undefined}
              >
                {link.label}
              </a>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
