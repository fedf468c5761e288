import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { highlightEnd, highlightStart } from "./search-repository.ts";
import { plainTextOf } from "../domain/markdown.ts";
import { highlightedHtml, shorten, withEllipses } from "./search-text.ts";

const marked = (word: string) => `${highlightStart}${word}${highlightEnd}`;

describe("search text", () => {
  it("escapes the whole text and turns only the highlight marks into <mark>", () => {
    assert.equal(highlightedHtml(`<b onclick="x">${marked("données")}</b> & co`), `&lt;b onclick=&quot;x&quot;&gt;<mark>données</mark>&lt;/b&gt; &amp; co`);
  });

  it("drops unpaired marks so the HTML stays balanced", () => {
    assert.equal(highlightedHtml(`a${highlightStart}b ${marked("d")} c${highlightEnd}`), "ab <mark>d</mark> c");
  });

  it("reads a Markdown or HTML body as plain text", () => {
    assert.equal(plainTextOf("## Titre\n\nDu **gras**, un [lien](https://exemple.fr) &amp; <script>alert(1)</script>fin.", "markdown"), "Titre Du gras, un lien & fin.");
  });

  it("shortens between words and marks cuts with ellipses", () => {
    assert.equal(shorten("un deux trois quatre", 12), "un deux\u00a0…");
    assert.equal(withEllipses(`les ${marked("données")}`, "Toutes les données publiques"), `…\u00a0les ${marked("données")}\u00a0…`);
    assert.equal(withEllipses("Toutes les", "Toutes les"), "Toutes les");
  });
});
