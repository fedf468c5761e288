import type { ReactNode } from "react";
import type { DiffPart, SectionDiff } from "../framing-diff.ts";

/** A text typed in a textarea, its line breaks kept (`<br>`), without any HTML of its own. */
export function MultilineText({ text }: { text: string }): ReactNode {
  const lines = text.split("\n");
  return lines.map((line, index) => (
    <span key={index}>
      {line}
      {index < lines.length - 1 ? <br /> : null}
    </span>
  ));
}

function Part({ part }: { part: DiffPart }) {
  if (part.kind === "same") return <MultilineText text={part.text} />;
  // <del> and <ins> are struck through and underlined by the browser; the hidden words say it to screen readers (not colour alone).
  if (part.kind === "removed")
    return (
      <del>
        <span className="fr-sr-only">[texte supprimé&nbsp;: </span>
        <MultilineText text={part.text} />
        <span className="fr-sr-only">]</span>
      </del>
    );
  return (
    <ins>
      <span className="fr-sr-only">[texte ajouté&nbsp;: </span>
      <MultilineText text={part.text} />
      <span className="fr-sr-only">]</span>
    </ins>
  );
}

/** Two versions compared section by section: unchanged sections said in one line, changed ones with their removed and added words. */
export function FramingDiffView({ sections, headingLevel = 3 }: { sections: SectionDiff[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const changed = sections.filter((section) => section.changed);
  return (
    <div className="fr-mb-4w">
      <p className="fr-text--sm">
        Le texte supprimé est <del>barré</del>, le texte ajouté est <ins>souligné</ins>.{" "}
        {changed.length === 0 ? "Aucune section ne diffère." : changed.length === 1 ? "Une section diffère." : `${changed.length}\u00a0sections diffèrent.`}
      </p>
      {changed.map((section) => (
        <section key={section.key} aria-labelledby={`diff-${section.key}`} className="fr-mb-3w">
          <Heading className="fr-h6 fr-mb-1w" id={`diff-${section.key}`}>
            {section.label}
          </Heading>
          <p className="fr-mb-0">{section.parts.length === 0 ? null : section.parts.map((part, index) => <Part key={index} part={part} />)}</p>
        </section>
      ))}
      {changed.length < sections.length ? (
        <p className="fr-text--sm">
          {`Sections inchangées\u00a0: ${sections
            .filter((section) => !section.changed)
            .map((section) => section.label)
            .join(", ")}.`}
        </p>
      ) : null}
    </div>
  );
}
