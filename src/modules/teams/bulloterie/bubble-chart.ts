import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Bubble, BubbleLayout } from "./bubble-layout.ts";
import type { TopicFigures } from "./topic-figures.ts";

/**
 * The levels' colours: custom properties of static/app.css (with the DSFR blues as fallback), so each
 * follows the light or dark theme the page is shown in (the SVG is inline). Light: pale, medium and deep
 * blue; dark: deep, medium and pale blue. Each disc is outlined in the title colour, so rings stay apart
 * whatever their fills (ADR 0031).
 */
export const levelColours = {
  curious: "var(--bulloterie-curious, var(--blue-france-925-125))",
  knows: "var(--bulloterie-knows, var(--blue-france-main-525))",
  experts: "var(--bulloterie-experts, var(--blue-france-sun-113-625))",
  outline: "var(--text-title-grey)",
  label: "var(--text-title-grey)",
  halo: "var(--background-default-grey)",
} as const;

/** « Python : 12 personnes (curieux·ses : 5, connaissent : 4, expert·es : 3) », a bubble's tooltip. */
export function describeTopic(topic: TopicFigures): string {
  return `${topic.name}\u00a0: ${people(topic.total)} (curieux·ses\u00a0: ${topic.curious}, connaissent\u00a0: ${topic.knows}, expert·es\u00a0: ${topic.experts})`;
}

function people(count: number): string {
  return `${count}\u00a0personne${count > 1 ? "s" : ""}`;
}

export type ChartOptions = { fontSize?: number };

/**
 * The bubbles as an SVG string, drawn by Observable Plot on a linkedom document (server side, no script).
 * The SVG is decorative for assistive technologies (`aria-hidden`): the page's `<figure role="img">`
 * carries the summary and the table that follows carries every figure. Plot's own `<style>` element is
 * dropped (the CSP allows no inline style element); sizing is in a style attribute.
 */
export function renderBubbleChart(layout: BubbleLayout, options: ChartOptions = {}): string {
  const fontSize = options.fontSize ?? 14;
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const data = layout.bubbles;
  const labelled = data.filter((bubble) => bubble.label !== null);
  const disc = (r: "r" | "rKnowsOrExpert" | "rExpert", fill: string) =>
    Plot.dot(data, { x: "x", y: "y", r, fill, stroke: levelColours.outline, strokeWidth: 1, title: (bubble: Bubble) => describeTopic(bubble.topic) });
  const svg = Plot.plot({
    document,
    width: layout.width,
    height: Math.max(layout.height, 1),
    margin: 0,
    axis: null,
    x: { type: "identity" },
    y: { type: "identity" },
    r: { type: "identity" },
    marks: [
      disc("r", levelColours.curious),
      disc("rKnowsOrExpert", levelColours.knows),
      disc("rExpert", levelColours.experts),
      Plot.text(labelled, {
        x: "x",
        y: "y",
        text: (bubble: Bubble) => bubble.label!.join("\n"),
        fill: levelColours.label,
        stroke: levelColours.halo,
        strokeWidth: Math.max(3, fontSize / 4),
        paintOrder: "stroke",
        fontSize,
        fontWeight: 700,
        lineHeight: 1.2,
      }),
    ],
  }) as unknown as Element;
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const element of [svg, ...Array.from(svg.querySelectorAll("*"))]) {
    for (const name of element.getAttributeNames()) if (name.startsWith("aria-")) element.removeAttribute(name);
  }
  svg.removeAttribute("class");
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("font-family", "Marianne, arial, sans-serif");
  svg.setAttribute("style", "display:block;width:100%;height:auto");
  return svg.outerHTML;
}
