import type { ReactNode } from "react";
import { Heading, type HeadingLevel } from "./heading.tsx";

export type TabItem = {
  /** Unique on the page: the tab's id; its panel is `${id}-panel`. */
  id: string;
  label: string;
  content: ReactNode;
  /** DSFR icon name without its prefix, e.g. "calendar-line". */
  icon?: string;
};

export type TabsProps = {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: TabItem[];
  /** Level of the headings that title the panels when JavaScript is off. */
  headingLevel?: HeadingLevel;
};

/**
 * DSFR tabs, the first one selected; DSFR's script switches panels and handles the arrow keys.
 * DSFR's CSS hides unselected panels whether or not its script runs, so without JavaScript the other
 * panels are repeated after the tabs in a <noscript>, each under its label; keep ids out of their content.
 */
export function Tabs({ label, tabs, headingLevel = 3 }: TabsProps) {
  return (
    <>
      <div className="fr-tabs">
        <ul className="fr-tabs__list" role="tablist" aria-label={label}>
          {tabs.map((tab, index) => (
            <li role="presentation" key={tab.id}>
              <button
                type="button"
                id={tab.id}
                className={`fr-tabs__tab${tab.icon ? ` fr-icon-${tab.icon} fr-tabs__tab--icon-left` : ""}`}
                tabIndex={index === 0 ? 0 : -1}
                role="tab"
                aria-selected={index === 0}
                aria-controls={`${tab.id}-panel`}
              >
                {tab.label}
              </button>
            </li>
          ))}
        </ul>
        {tabs.map((tab, index) => (
          <div
            key={tab.id}
            id={`${tab.id}-panel`}
            className={`fr-tabs__panel${index === 0 ? " fr-tabs__panel--selected" : ""}`}
            role="tabpanel"
            aria-labelledby={tab.id}
            tabIndex={0}
          >
            {tab.content}
          </div>
        ))}
      </div>
      {tabs.length > 1 ? (
        <noscript>
          {tabs.slice(1).map((tab) => (
            <section className="fr-mt-4w" key={tab.id}>
              <Heading level={headingLevel}>{tab.label}</Heading>
              {tab.content}
            </section>
          ))}
        </noscript>
      ) : null}
    </>
  );
}
