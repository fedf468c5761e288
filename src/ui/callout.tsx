import type { ReactNode } from "react";
import { Heading, type HeadingLevel } from "./heading.tsx";

export type CalloutProps = {
  title?: string;
  /** A string becomes the callout's paragraph; other content is wrapped as is. */
  children: ReactNode;
  /** DSFR icon name without its prefix, e.g. "info-line". */
  icon?: string;
  /** A Button or ButtonLink under the text. */
  action?: ReactNode;
  headingLevel?: HeadingLevel;
};

/** DSFR "mise en avant": information the reader should not miss, without the urgency of an alert. */
export function Callout({ title, children, icon, action, headingLevel = 3 }: CalloutProps) {
  return (
    <div className={`fr-callout${icon ? ` fr-icon-${icon}` : ""}`}>
      {title ? (
        <Heading level={headingLevel} className="fr-callout__title">
          {title}
        </Heading>
      ) : null}
      {typeof children === "string" ? <p className="fr-callout__text">{children}</p> : <div className="fr-callout__text">{children}</div>}
      {action}
    </div>
  );
}
