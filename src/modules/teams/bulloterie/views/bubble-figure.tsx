import { Table } from "../../../../ui/table.tsx";
import { countOf } from "../../../../shared/french-plural.ts";
import { levelColours, renderBubbleChart } from "../bubble-chart.ts";
import { layoutBubbles } from "../bubble-layout.ts";
import type { TopicFigures } from "../topic-figures.ts";

export const levelHeadings = { curious: "Curieux·ses", knows: "Connaissent", experts: "Expert·es" } as const;

/** What the figure says to assistive technologies: its reading, the largest topics, and where the figures are. */
export function figureLabel(topics: readonly TopicFigures[], scope: string): string {
  const largest = topics
    .slice(0, 5)
    .map((topic) => `${topic.name} (${countOf(topic.total, "personne")})`)
    .join(", ");
  return `Bulles des sujets ${scope}\u00a0: ${countOf(topics.length, "sujet")}, une bulle par sujet, d’autant plus grande que plus de membres l’ont indiqué, en trois cercles\u00a0: curieux·ses, connaissent, expert·es. Les plus grandes\u00a0: ${largest}. Tous les chiffres sont dans le tableau qui suit.`;
}

/** The drawing for phones: narrower, so its labels come out at a readable size on a 375 px screen. */
const narrowDrawing = { width: 400, fontSize: 16 };

/**
 * The bubbles (server-rendered SVG) in a `<figure role="img">` labelled with their summary, and the
 * legend of the three levels. Two drawings of the same layout rules: the wide one from the md breakpoint,
 * a narrow one below it (a 800-unit drawing shrunk to a phone's width would print its names at 6 px);
 * DSFR's display utilities choose, without script. The SVG strings are Plot's output built from numbers
 * and our own labels, escaped by linkedom: they are inserted as markup.
 */
export function BubbleFigure({ topics, scope, width = 800, fontSize = 14, id, maxWidth }: { topics: readonly TopicFigures[]; scope: string; width?: number; fontSize?: number; id: string; maxWidth?: string }) {
  const wide = renderBubbleChart(layoutBubbles(topics, { width, fontSize }), { fontSize });
  const narrow = renderBubbleChart(layoutBubbles(topics, narrowDrawing), { fontSize: narrowDrawing.fontSize });
  return (
    <div className="fr-mb-3w">
      <figure className="fr-my-0" style={maxWidth ? { maxWidth, marginLeft: "auto", marginRight: "auto" } : undefined} role="img" aria-label={figureLabel(topics, scope)} id={id}>
        <div className="fr-hidden fr-unhidden-md" dangerouslySetInnerHTML={{ __html: wide }} />
        <div className="fr-hidden-md" dangerouslySetInnerHTML={{ __html: narrow }} />
      </figure>
      <ul className="fr-mt-2w" style={{ paddingLeft: 0 }} aria-label="Légende des cercles">
        <LegendItem colour={levelColours.curious} label="Cercle extérieur : tous les membres (curieux·ses compris)" />
        <LegendItem colour={levelColours.knows} label="Cercle du milieu : ceux qui connaissent ou sont expert·es" />
        <LegendItem colour={levelColours.experts} label="Cercle intérieur : les expert·es" />
      </ul>
    </div>
  );
}

function LegendItem({ colour, label }: { colour: string; label: string }) {
  return (
    <li className="fr-mr-3w fr-mb-1w" style={{ listStyle: "none", display: "inline-flex", alignItems: "center", gap: "0.5rem" }}>
      <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" fill={colour} stroke={levelColours.outline} strokeWidth="1" />
      </svg>
      {label.replace(" : ", "\u00a0: ")}
    </li>
  );
}

/** The table of the figure's numbers, in the figure's order. */
export function TopicsTable({ topics, caption }: { topics: readonly TopicFigures[]; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={["Sujet", "Catégorie", levelHeadings.curious, levelHeadings.knows, levelHeadings.experts, "Total"]}
      rowHeaders
      rows={topics.map((topic) => [topic.name, topic.categoryLabel, topic.curious, topic.knows, topic.experts, topic.total])}
    />
  );
}
