import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Accordion } from "./accordion.tsx";
import { Layout } from "./layout.tsx";
import { InputField, SelectField, TextareaField } from "./fields.tsx";
import { Pagination, paginationItems, paginationSlots } from "./pagination.tsx";
import { Table } from "./table.tsx";
import { Tabs } from "./tabs.tsx";
import { Tag } from "./tag.tsx";

const render = (element: ReactElement) => renderToStaticMarkup(element);

/** The opening tag of the first `tag` element whose text is `text`. */
function openingTag(html: string, tag: string, text: string): string {
  const match = new RegExp(`<${tag}\\b[^>]*>${text}</${tag}>`).exec(html);
  assert.ok(match, `no <${tag}> with the text « ${text} » in ${html}`);
  return match[0].slice(0, match[0].indexOf(">") + 1);
}

describe("pagination", () => {
  test("shows the first pages, an ellipsis and the last page on page 1", () => {
    assert.deepEqual(paginationItems(1, 12), [1, 2, 3, 4, 5, "ellipsis", 12]);
  });

  test("frames the current page with an ellipsis on each side in the middle", () => {
    assert.deepEqual(paginationItems(6, 12), [1, "ellipsis", 5, 6, 7, "ellipsis", 12]);
  });

  test("shows the last pages after an ellipsis on the last page", () => {
    assert.deepEqual(paginationItems(12, 12), [1, "ellipsis", 8, 9, 10, 11, 12]);
  });

  test("lists every page when there are seven or fewer", () => {
    assert.deepEqual(paginationItems(3, 5), [1, 2, 3, 4, 5]);
    assert.deepEqual(paginationItems(7, 7), [1, 2, 3, 4, 5, 6, 7]);
  });

  test("keeps seven slots, the current page, the first and the last, whatever the page", () => {
    for (let page = 1; page <= 30; page++) {
      const items = paginationItems(page, 30);
      assert.equal(items.length, 7, `page ${page}`);
      assert.ok(items.includes(page), `page ${page}`);
      assert.equal(items[0], 1);
      assert.equal(items.at(-1), 30);
      const numbers = items.filter((item) => item !== "ellipsis");
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `page ${page}: pages in order`);
    }
  });

  test("keeps only the first, current and last pages on small screens, with an ellipsis for each gap", () => {
    const smallScreen = (page: number, pageCount: number) => paginationSlots(page, pageCount).filter((slot) => slot.small).map((slot) => slot.item);
    assert.deepEqual(smallScreen(1, 12), [1, "ellipsis", 12]);
    assert.deepEqual(smallScreen(4, 12), [1, "ellipsis", 4, "ellipsis", 12]);
    assert.deepEqual(smallScreen(11, 12), [1, "ellipsis", 11, 12]);
    assert.deepEqual(smallScreen(1, 5), [1, "ellipsis", 5]);
    assert.deepEqual(smallScreen(2, 3), [1, 2, 3]);
    for (const [page, pageCount] of [[1, 12], [4, 12], [6, 12], [12, 12], [3, 5]] as const) {
      const largeScreen = paginationSlots(page, pageCount).filter((slot) => slot.large).map((slot) => slot.item);
      assert.deepEqual(largeScreen, paginationItems(page, pageCount));
    }
  });

  test("disables the first and previous links on page 1, the DSFR way", () => {
    const html = render(<Pagination page={1} pageCount={12} hrefFor={(page) => `/projets?page=${page}`} />);
    for (const label of ["Première page", "Page précédente"]) {
      const link = openingTag(html, "a", label);
      assert.match(link, /aria-disabled="true"/);
      assert.match(link, /role="link"/);
      assert.doesNotMatch(link, /href=/);
    }
    assert.match(openingTag(html, "a", "Page suivante"), /href="\/projets\?page=2"/);
    assert.match(openingTag(html, "a", "Dernière page"), /href="\/projets\?page=12"/);
  });

  test("disables the next and last links on the last page", () => {
    const html = render(<Pagination page={12} pageCount={12} hrefFor={(page) => `/projets?page=${page}`} />);
    for (const label of ["Page suivante", "Dernière page"]) {
      const link = openingTag(html, "a", label);
      assert.match(link, /aria-disabled="true"/);
      assert.doesNotMatch(link, /href=/);
    }
    assert.match(openingTag(html, "a", "Première page"), /href="\/projets\?page=1"/);
    assert.match(openingTag(html, "a", "Page précédente"), /href="\/projets\?page=11"/);
  });

  test("marks the current page without a link and links the others", () => {
    const html = render(<Pagination page={6} pageCount={12} hrefFor={(page) => `/projets?page=${page}`} />);
    const current = openingTag(html, "a", "6");
    assert.match(openingTag(html, "a", "5"), /class="fr-pagination__link fr-hidden fr-unhidden-lg"/);
    assert.match(current, /aria-current="page"/);
    assert.doesNotMatch(current, /href=/);
    assert.match(openingTag(html, "a", "7"), /href="\/projets\?page=7"/);
    assert.equal(html.match(/aria-current=/g)?.length, 1);
    assert.equal(html.match(/…/g)?.length, 2);
  });

  test("renders nothing for a single page", () => {
    assert.equal(render(<Pagination page={1} pageCount={1} hrefFor={() => "/"} />), "");
  });
});

describe("table", () => {
  const columns = ["Projet", "Administration"];
  const rows = [["Doublons du répertoire des associations", "Insee"]];

  test("has its caption and column headers with a scope", () => {
    const html = render(<Table caption="Projets de la saison 2025" columns={columns} rows={rows} />);
    assert.match(html, /<caption>Projets de la saison 2025<\/caption>/);
    assert.match(html, /<th scope="col">Projet<\/th><th scope="col">Administration<\/th>/);
    assert.match(html, /<td>Insee<\/td>/);
    assert.match(html, /class="fr-table fr-table--multiline"[^>]*><div class="fr-table__wrapper"><div class="fr-table__container"[^>]*><div class="fr-table__content"><table/);
  });

  test("makes its scroll container a keyboard-reachable region named by the caption", () => {
    const html = render(<Table caption="Projets de la saison 2025" noCaption columns={columns} rows={rows} />);
    const container = /<div class="fr-table__container"[^>]*>/.exec(html)?.[0] ?? "";
    assert.match(container, /role="region"/);
    assert.match(container, /tabindex="0"/);
    assert.match(container, /aria-label="Projets de la saison 2025"/);
  });

  test("heads each row with its first cell when asked", () => {
    const html = render(<Table caption="Projets" columns={columns} rows={rows} rowHeaders />);
    assert.match(html, /<th scope="row">Doublons du répertoire des associations<\/th><td>Insee<\/td>/);
  });

  test("keeps a hidden caption in the markup", () => {
    const html = render(<Table caption="Temps consacré au programme" noCaption columns={columns} rows={rows} />);
    assert.match(html, /class="fr-table fr-table--multiline fr-table--no-caption"/);
    assert.match(html, /<caption>Temps consacré au programme<\/caption>/);
  });
});

describe("fields", () => {
  test("an input in error is marked invalid, shows its message and keeps the value typed", () => {
    const html = render(<InputField name="courriel" label="Adresse électronique" value="camille.martin@" error="Saisissez une adresse complète." />);
    const input = /<input[^>]*>/.exec(html)?.[0] ?? "";
    assert.match(input, /aria-invalid="true"/);
    assert.match(input, /value="camille\.martin@"/);
    assert.match(input, /aria-describedby="courriel-messages"/);
    assert.match(html, /class="fr-input-group fr-input-group--error"/);
    assert.match(html, /<div class="fr-messages-group" id="courriel-messages" aria-live="polite"><p class="fr-message fr-message--error">Saisissez une adresse complète\.<\/p><\/div>/);
  });

  test("an input without error is neither invalid nor followed by a message", () => {
    const html = render(<InputField name="nom" label="Nom" value="Camille Martin" />);
    assert.doesNotMatch(html, /aria-invalid/);
    assert.doesNotMatch(html, /fr-message--error/);
    assert.match(html, /value="Camille Martin"/);
  });

  test("a textarea and a select in error keep the value sent", () => {
    const textarea = render(<TextareaField name="experience" label="Expérience" value="Statisticien" error="Trop long." />);
    assert.match(textarea, /<textarea[^>]*aria-invalid="true"[^>]*>Statisticien<\/textarea>/);
    const select = render(<SelectField name="administration" label="Administration" options={[{ value: "insee", label: "Insee" }]} value="insee" error="Choix invalide." />);
    assert.match(select, /<option value="insee" selected="">Insee<\/option>/);
    assert.match(select, /<select[^>]*aria-invalid="true"/);
  });
});

describe("escaping", () => {
  const hostile = "<script>alert(1)</script>";

  test("a label containing markup renders as text", () => {
    const html = render(<InputField name="nom" label={hostile} value={`"><script>alert(2)</script>`} />);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;"/);
  });

  test("table cells, captions and tags render markup as text", () => {
    const html = render(
      <>
        <Table caption={hostile} columns={[hostile]} rows={[[hostile]]} />
        <Tag label={hostile} href="/projets?theme=<b>" />
      </>,
    );
    assert.doesNotMatch(html, /<script>|<b>/);
    // The caption is written twice: in <caption> and as the name of the scroll region.
    assert.equal(html.match(/&lt;script&gt;/g)?.length, 5);
  });
});

describe("content reachable without JavaScript", () => {
  test("tabs repeat the unselected panels in a noscript, each under its label", () => {
    const html = render(
      <Tabs
        label="Le projet"
        tabs={[
          { id: "presentation", label: "Présentation", content: <p>Objectifs</p> },
          { id: "equipe", label: "Équipe", content: <p>Trois experts</p> },
        ]}
      />,
    );
    assert.match(openingTag(html, "button", "Présentation"), /aria-selected="true"/);
    assert.match(openingTag(html, "button", "Équipe"), /aria-selected="false"/);
    assert.match(html, /<noscript><section class="fr-mt-4w"><h3>Équipe<\/h3><p>Trois experts<\/p><\/section><\/noscript>/);
    assert.doesNotMatch(html, /<noscript>.*Objectifs/);
  });

  test("a closed accordion repeats its content in a noscript, an open one does not", () => {
    assert.match(render(<Accordion id="faq" title="Question">Réponse</Accordion>), /<noscript><div[^>]*>Réponse<\/div><\/noscript>/);
    const open = render(
      <Accordion id="faq" title="Question" expanded>
        Réponse
      </Accordion>,
    );
    assert.doesNotMatch(open, /noscript/);
    assert.match(open, /class="fr-collapse fr-collapse--expanded"/);
  });
});

describe("layout", () => {
  const context = { path: "/formulaire", user: null, nonce: "n", csrfToken: "" };
  test("a form shown again with errors says so in the document title, not in the breadcrumb", () => {
    const html = renderToStaticMarkup(
      <Layout context={context} title="S’inscrire" hasErrors breadcrumb={[{ label: "Accueil", href: "/" }]}>
        <p>Formulaire</p>
      </Layout>,
    );
    assert.match(html, /<title>Erreur — S’inscrire — Programme 10\u00a0%<\/title>/);
    assert.match(html, /<a class="fr-breadcrumb__link" aria-current="page">S’inscrire<\/a>/);
    assert.doesNotMatch(html, /fr-breadcrumb__link[^>]*>Erreur/);
  });
});
