import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { renderToStaticMarkup } from "react-dom/server";
import type { SkillLevelCount } from "../../people/api.ts";
import { renderBubbleChart } from "./bubble-chart.ts";
import { layoutBubbles } from "./bubble-layout.ts";
import { bulloterieCsv, csvColumns } from "./bulloterie-csv.ts";
import { topicFiguresOf } from "./topic-figures.ts";
import { BubbleFigure, TopicsTable } from "./views/bubble-figure.tsx";

const counts: SkillLevelCount[] = [
  { slug: "julia", name: "Julia", category: "languages", curious: 1, knows: 0, experts: 0 },
  { slug: "python", name: "Python", category: "languages", curious: 5, knows: 4, experts: 3 },
  { slug: "r", name: "R", category: "languages", curious: 1, knows: 1, experts: 1 },
  { slug: "sas", name: "SAS", category: "languages", curious: 0, knows: 0, experts: 0 },
  { slug: "sig", name: "Systèmes d’information géographique", category: "geomatics", curious: 2, knows: 2, experts: 2 },
  { slug: "sql", name: "SQL", category: "languages", curious: 2, knows: 5, experts: 2 },
  { slug: "formule", name: "=HYPERLINK(\"x\")", category: "languages", curious: 1, knows: 0, experts: 0 },
];

describe("the bulloterie's figures", () => {
  it("keeps the topics someone marked, most people first then by name, with their total and category label", () => {
    const topics = topicFiguresOf(counts);
    assert.deepEqual(
      topics.map((topic) => [topic.name, topic.curious, topic.knows, topic.experts, topic.total]),
      [
        ["Python", 5, 4, 3, 12],
        ["SQL", 2, 5, 2, 9],
        ["Systèmes d’information géographique", 2, 2, 2, 6],
        ["R", 1, 1, 1, 3],
        ["Julia", 1, 0, 0, 1],
        ["=HYPERLINK(\"x\")", 1, 0, 0, 1],
      ],
    );
    assert.equal(topics[2]!.categoryLabel, "Géomatique");
    assert.deepEqual(
      topicFiguresOf(counts, "geomatics").map((topic) => topic.slug),
      ["sig"],
    );
  });

  it("sizes each disc so its area is proportional to its people: everyone, those who know or are experts, experts", () => {
    const layout = layoutBubbles(topicFiguresOf(counts), { width: 800 });
    const python = layout.bubbles.find((bubble) => bubble.topic.slug === "python")!;
    const julia = layout.bubbles.find((bubble) => bubble.topic.slug === "julia")!;
    const area = (r: number) => Math.PI * r * r;
    const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) / expected < 0.01, `${actual} ≠ ${expected}`);
    close(area(python.r) / area(julia.r), 12);
    close(area(python.rKnowsOrExpert) / area(python.r), 7 / 12);
    close(area(python.rExpert) / area(python.r), 3 / 12);
    assert.equal(julia.rExpert, 0);
  });

  it("packs the bubbles inside the drawing without overlap, the same way every time", () => {
    const topics = topicFiguresOf(counts);
    const layout = layoutBubbles(topics, { width: 800 });
    for (const bubble of layout.bubbles) {
      assert.ok(bubble.x - bubble.r >= -0.5 && bubble.x + bubble.r <= 800.5, `${bubble.topic.name} dépasse en largeur`);
      assert.ok(bubble.y - bubble.r >= -0.5 && bubble.y + bubble.r <= layout.height + 0.5, `${bubble.topic.name} dépasse en hauteur`);
    }
    for (const [i, a] of layout.bubbles.entries()) {
      for (const b of layout.bubbles.slice(i + 1)) assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `${a.topic.name} et ${b.topic.name} se chevauchent`);
    }
    assert.deepEqual(layoutBubbles(topics, { width: 800 }), layout);
    assert.equal(renderBubbleChart(layoutBubbles(topics, { width: 800 })), renderBubbleChart(layout));
  });

  it("names the topics whose label fits in their bubble only, on up to three lines", () => {
    const layout = layoutBubbles(topicFiguresOf(counts), { width: 300, fontSize: 14 });
    assert.deepEqual(layout.bubbles.find((bubble) => bubble.topic.slug === "python")!.label, ["Python", "12"]);
    assert.equal(layout.bubbles.find((bubble) => bubble.topic.slug === "sig")!.label, null);
    // A long name is cut between words when that makes it fit.
    const label = (width: number) => layoutBubbles(topicFiguresOf(counts), { width, fontSize: 14 }).bubbles.find((bubble) => bubble.topic.slug === "sig")!.label;
    assert.deepEqual(label(1000), ["Systèmes d’information géographique", "6"]);
    assert.deepEqual(label(600), ["Systèmes d’information", "géographique", "6"]);
    assert.deepEqual(label(400), ["Systèmes", "d’information", "géographique", "6"]);
  });

  it("draws a well-formed SVG hidden from assistive technologies inside a labelled figure, with the same figures as the table", () => {
    const topics = topicFiguresOf(counts);
    const html = renderToStaticMarkup(
      <>
        <BubbleFigure topics={topics} scope="de la communauté" id="bulles" />
        <TopicsTable topics={topics} caption="Membres par sujet et par niveau" />
      </>,
    );
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
    const figure = document.querySelector("figure")!;
    assert.equal(figure.getAttribute("role"), "img");
    assert.match(figure.getAttribute("aria-label")!, /^Bulles des sujets de la communauté\u00a0: 6\u00a0sujets, .*Les plus grandes\u00a0: Python \(12\u00a0personnes\), SQL \(9\u00a0personnes\)/);
    // The wide drawing from the md breakpoint, a narrow one below it.
    const [wideBox, narrowBox] = Array.from(figure.children);
    assert.equal(wideBox!.getAttribute("class"), "fr-hidden fr-unhidden-md");
    assert.equal(narrowBox!.getAttribute("class"), "fr-hidden-md");
    assert.match(narrowBox!.querySelector("svg")!.getAttribute("viewBox")!, /^0 0 400 \d+$/);
    const svg = wideBox!.querySelector("svg")!;
    assert.equal(svg.getAttribute("aria-hidden"), "true");
    assert.match(svg.getAttribute("viewBox")!, /^0 0 800 \d+$/);
    assert.equal(svg.querySelectorAll("style").length, 0, "pas d’élément <style> (CSP)");
    // The SVG is well-formed XML, with a disc per level a topic has people at (6 topics, 4 with people who know or are experts, 4 with experts).
    assert.equal(XMLValidator.validate(svg.outerHTML), true);
    assert.equal(svg.querySelectorAll("circle").length, 6 + 4 + 4);
    // Each bubble's tooltip and the table's row carry the same numbers.
    const titles = Array.from(svg.querySelectorAll("g:first-of-type > circle > title")).map((title) => title.textContent);
    const rows = Array.from(document.querySelectorAll("tbody tr")).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    assert.equal(rows.length, topics.length);
    for (const row of rows) {
      const [name, , curious, knows, experts, total] = row;
      const title = titles.find((text) => text!.startsWith(`${name}\u00a0:`));
      assert.ok(title, `pas de bulle pour ${name}`);
      assert.equal(title, `${name}\u00a0: ${total}\u00a0personne${Number(total) > 1 ? "s" : ""} (curieux·ses\u00a0: ${curious}, connaissent\u00a0: ${knows}, expert·es\u00a0: ${experts})`);
    }
    assert.deepEqual(rows[0], ["Python", "Langages et outils", "5", "4", "3", "12"]);
  });

  it("escapes a topic's name in the SVG inserted as markup", () => {
    const hostile = { slug: "x", name: '<script>alert(1)</script> & "q"', category: "languages", curious: 50, knows: 0, experts: 0 };
    const svg = renderBubbleChart(layoutBubbles(topicFiguresOf([hostile]), { width: 800, fontSize: 10 }), { fontSize: 10 });
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /<tspan[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; "q"<\/tspan>/);
    assert.equal(XMLValidator.validate(svg), true);
  });

  it("writes the table as a spreadsheet CSV that reads back the same, formulas neutralised", () => {
    const topics = topicFiguresOf(counts);
    const csv = bulloterieCsv(topics);
    assert.ok(csv.startsWith("\ufeff"), "BOM UTF-8");
    assert.match(csv, /\r\n/);
    const records = parse(csv, { bom: true, delimiter: ";" }) as string[][];
    assert.deepEqual(records[0], [...csvColumns]);
    assert.deepEqual(records[1], ["Python", "Langages et outils", "5", "4", "3", "12"]);
    assert.equal(records.length, topics.length + 1);
    assert.equal(records.at(-1)![0], "'=HYPERLINK(\"x\")");
  });
});
