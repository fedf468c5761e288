import { packEnclose, packSiblings } from "d3-hierarchy";
import type { TopicFigures } from "./topic-figures.ts";

/**
 * One topic's bubble: three concentric discs whose AREAS are proportional to people, the outer one to
 * everyone who marked the topic, the middle one to those who know it or are experts, the inner one to
 * the experts. `labelled`: the name fits inside the outer disc.
 */
export type Bubble = {
  topic: TopicFigures;
  x: number;
  y: number;
  r: number;
  rKnowsOrExpert: number;
  rExpert: number;
  labelled: boolean;
};

export type BubbleLayout = { width: number; height: number; bubbles: Bubble[] };

export type LayoutOptions = {
  /** Width of the drawing, in its own units (the SVG's viewBox). */
  width: number;
  /** Space kept around the packed bubbles. */
  margin?: number;
  /** Label font size, in the drawing's units: decides which names fit in their bubble. */
  fontSize?: number;
};

/** Average width of a Marianne character, as a share of the font size (for deciding what fits). */
const characterWidth = 0.58;

/** Text lines of a bubble's label: its name, and the number of people. */
export function labelLines(topic: TopicFigures): [string, string] {
  return [topic.name, String(topic.total)];
}

/**
 * Packs the topics' bubbles (d3-hierarchy's front-chain packing: deterministic, same figures → same
 * drawing), biggest first, then scales the whole to `width`. The height follows from the packing.
 */
export function layoutBubbles(topics: readonly TopicFigures[], options: LayoutOptions): BubbleLayout {
  const margin = options.margin ?? 4;
  const fontSize = options.fontSize ?? 14;
  if (topics.length === 0) return { width: options.width, height: 0, bubbles: [] };
  const circles = packSiblings(topics.map((topic) => ({ topic, r: Math.sqrt(topic.total) })));
  const enclosing = packEnclose(circles);
  const minX = Math.min(...circles.map((c) => c.x - c.r));
  const maxX = Math.max(...circles.map((c) => c.x + c.r));
  const minY = Math.min(...circles.map((c) => c.y - c.r));
  const maxY = Math.max(...circles.map((c) => c.y + c.r));
  // Scale so the packing's bounding box spans the width; the enclosing circle only guards a single bubble.
  const span = Math.max(maxX - minX, Number.EPSILON, topics.length === 1 ? 2 * enclosing.r : 0);
  const scale = (options.width - 2 * margin) / span;
  const height = Math.ceil((maxY - minY) * scale + 2 * margin);
  const bubbles = circles.map((circle) => {
    const { topic } = circle;
    const r = circle.r * scale;
    const widest = Math.max(...labelLines(topic).map((line) => line.length)) * characterWidth * fontSize;
    return {
      topic,
      x: round((circle.x - minX) * scale + margin),
      y: round((circle.y - minY) * scale + margin),
      r: round(r),
      rKnowsOrExpert: round(Math.sqrt(topic.knows + topic.experts) * scale),
      rExpert: round(Math.sqrt(topic.experts) * scale),
      // Two lines of text must fit inside the disc (its inscribed width at ±1 line from the centre).
      labelled: widest <= 2 * Math.sqrt(Math.max(r * r - (fontSize * 1.2) ** 2, 0)) - 4,
    };
  });
  return { width: options.width, height, bubbles };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
