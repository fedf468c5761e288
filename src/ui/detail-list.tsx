import type { ReactNode } from "react";

/** Labelled details of an item (a project's seasons, a training's links…) in a callout; empty values are left out. */
export function DetailList({ entries }: { entries: { label: string; value: ReactNode }[] }) {
  const shown = entries.filter((entry) => entry.value !== null && entry.value !== undefined && entry.value !== "");
  if (shown.length === 0) return null;
  return (
    <div className="fr-callout fr-mb-4w">
      <dl>
        {shown.map((entry) => (
          <div key={entry.label} className="fr-mb-1w">
            <dt className="fr-text--bold">{entry.label}</dt>
            <dd className="fr-ml-0">{entry.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A link opening another site, announced as such (DSFR external link). */
export function ExternalLink({ href, children, label }: { href: string; children: ReactNode; label: string }) {
  return (
    <a href={href} target="_blank" rel="noopener external" title={`${label} — nouvelle fenêtre`}>
      {children}
    </a>
  );
}
