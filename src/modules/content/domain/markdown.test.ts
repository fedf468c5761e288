import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderContentBody, renderMarkdown } from "./markdown.ts";

const dangerous = /<script|<iframe|<svg|<style|javascript:|data:|onerror|onclick|onload|onmouseover|style=/i;

describe("rendering content bodies", () => {
  it("renders hostile Markdown harmless", () => {
    const html = renderContentBody(
      [
        "<script>alert(1)</script>",
        "[a](javascript:alert(2)) [b](JAVASCRIPT:alert(3)) <a href=\"javascript&colon;alert(4)\">c</a>",
        '<img src="x" onerror="alert(5)"> <img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d">',
        '<iframe src="https://example.com"></iframe><svg onload="alert(6)"><circle/></svg>',
        '<p onclick="alert(7)" style="position:fixed">texte</p><style>body{display:none}</style>',
      ].join("\n\n"),
      "markdown",
    );
    assert.doesNotMatch(html, dangerous);
    assert.match(html, /texte/);
  });

  it("renders hostile HTML bodies harmless", () => {
    const html = renderContentBody('<div class="fr-callout evil" onmouseover="x()"><a href="javascript:alert(1)">a</a><script>alert(2)</script></div>', "html");
    assert.equal(html, '<div class="fr-callout"><a>a</a></div>');
  });

  it("keeps raw HTML and DSFR classes the old site used, without styles", () => {
    const html = renderMarkdown('Éditeur<br>\n<p style="text-indent: 0" class="fr-text--sm center"><b>DINUM</b></p>');
    assert.match(html, /Éditeur<br>/);
    assert.match(html, /<p class="fr-text--sm"><b>DINUM<\/b><\/p>/);
  });

  it("opens external links without a handle on the site, and keeps only web or /medias/ images", () => {
    const html = renderMarkdown("[e](https://example.com) [i](/projets) ![a](/medias/abc/a.png) ![b](img.png) ![c](https://example.com/c.png)");
    assert.match(html, /<a href="https:\/\/example.com" rel="noopener noreferrer">e<\/a>/);
    assert.match(html, /<a href="\/projets">i<\/a>/);
    assert.match(html, /src="\/medias\/abc\/a.png"/);
    assert.match(html, /src="https:\/\/example.com\/c.png"/);
    assert.doesNotMatch(html, /img.png/);
  });

  it("neutralises Hugo shortcodes written in a body", () => {
    const html = renderMarkdown('Voir [les projets]({{< ref "/projets/" >}}).\n\n{{% callout %}}\nÀ **retenir**\n{{% /callout %}}\n\n{{< link href="https://example.com" text="Exemple" >}} {{< figure src="x.png" >}}');
    assert.match(html, /<a href="\/projets">les projets<\/a>/);
    assert.match(html, /<div class="fr-callout"><p class="fr-callout__text">À <strong>retenir<\/strong><\/p><\/div>/);
    assert.match(html, /<a href="https:\/\/example.com" rel="noopener noreferrer">Exemple<\/a>/);
    assert.doesNotMatch(html, /\{\{|\}\}/);
  });

  it("shifts headings under the page's own", () => {
    assert.equal(renderMarkdown("#### Contexte\n\n##### Détail", { topLevel: 2 }), "<h2>Contexte</h2>\n<h3>Détail</h3>");
  });

  it("keeps only list items inside lists (the old « Rejoindre » page put <br/> in a <ul>)", () => {
    const html = renderContentBody("<ul>\n  <br/>\n  <li>Un</li>\n  <p>intrus</p>\n  <li>Deux</li>\n</ul>", "html");
    assert.doesNotMatch(html, /<br|intrus/);
    assert.match(html, /<li>Un<\/li>[\s]*<li>Deux<\/li>/);
  });

  it("frames GFM tables the DSFR way", () => {
    const html = renderContentBody("| Organisme | Experts |\n|---|---|\n| Insee | 3 |", "markdown");
    assert.match(html, /^<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content"><table>/);
    assert.match(html, /<td>Insee<\/td>/);
  });
});
