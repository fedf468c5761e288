import { packEnclose, packSiblings } from "d3-hierarchy";
import type { TopicFigures } from "./topic-figures.ts";

/**
 * One topic's bubble: three concentric discs whose AREAS are proportional to people, the outer one to
 * everyone who marked the topic, the middle one to those who know it or are experts, the inner one to
 * the experts. `label`: the name and count, when they fit inside the outer disc.
 */
export type Bubble = {
  topic: TopicFigures;
  x: number;
  y: number;
  r: number;
  rKnowsOrExpert: number;
  rExpert: number;
  /** The label's lines when it fits inside the disc, else null (the topic is named in the table). */
  label: string[] | null;
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

/**
 * The label of a bubble of radius `r`: its name on one to three lines (cut between words), then the number
 * of people; null when even three lines do not fit inside the disc.
 */
export function labelFor(topic: TopicFigures, r: number, fontSize: number): string[] | null {
  const words = topic.name.split(/\s+/);
  for (let count = 1; count <= Math.min(3, words.length); count += 1) {
    const lines = [...wrapWords(words, count), String(topic.total)];
    const lineHeight = fontSize * 1.2;
    // The farthest line from the centre is the narrowest place the text must fit in.
    const halfHeight = (lines.length * lineHeight) / 2;
    const chord = 2 * Math.sqrt(Math.max(r * r - halfHeight * halfHeight, 0));
    const widest = Math.max(...lines.map((line) => line.length)) * characterWidth * fontSize;
    if (widest <= chord - 4) return lines;
  }
  return null;
}

/** The words on `count` lines, cut where the longest line is shortest (names have a few words: every cut is tried). */
function wrapWords(words: readonly string[], count: number): string[] {
  if (count <= 1 || words.length <= 1) return [words.join(" ")];
  let best: string[] = [words.join(" ")];
  for (let cut = 1; cut <= words.length - count + 1; cut += 1) {
    const lines = [words.slice(0, cut).join(" "), ...wrapWords(words.slice(cut), count - 1)];
    if (best.length < count || Math.max(...lines.map((line) => line.length)) < Math.max(...best.map((line) => line.length))) best = lines;
  }
  return best;
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
    return {
      topic,
      x: round((circle.x - minX) * scale + margin),
      y: round((circle.y - minY) * scale + margin),
      r: round(r),
      rKnowsOrExpert: round(Math.sqrt(topic.knows + topic.experts) * scale),
      rExpert: round(Math.sqrt(topic.experts) * scale),
      label: labelFor(topic, r, fontSize),
    };
  });
  return { width: options.width, height, bubbles };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
