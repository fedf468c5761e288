import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectLanguage, placeholderReason } from "./placeholder-page.ts";
import { findReplacedForms } from "./replaced-forms.ts";

const frenchText = "Le programme 10 % vise à encourager les experts de la donnée de la sphère publique à consacrer une partie de leur temps à des projets d’intérêt commun. Les équipes se réunissent dans les ateliers et les formations, et nous vous accueillons pour rejoindre la communauté des experts.";
const englishText = "This is a static example page for use in illustrative examples in documents, based upon the model of the example domain. This page comes with absolutely no warranty and third parties are strongly encouraged to use the regular page instead of this one, for the sake of reliability.";

describe("placeholder pages", () => {
  it("are whole HTML documents with their own <html> and <head>, pages declared in another language, or English texts", () => {
    const page = { data: {}, hasFrontMatter: false, isHtml: true };
    assert.match(placeholderReason({ ...page, text: "<!doctype html><html><head><title>Example page</title></head><body><p>Bonjour.</p></body></html>", body: "" }) ?? "", /document HTML complet/);
    assert.match(placeholderReason({ text: "", body: "Bonjour.", data: { lang: "en-GB" }, hasFrontMatter: true, isHtml: false }) ?? "", /langue «\u00a0en\u00a0»/);
    assert.match(placeholderReason({ ...page, text: '<html lang="de"><body>Hallo</body></html>', body: "<body>Hallo</body>" }) ?? "", /langue «\u00a0de\u00a0»/);
    assert.match(placeholderReason({ text: englishText, body: englishText, data: {}, hasFrontMatter: true, isHtml: false }) ?? "", /anglais/);
  });

  it("are not French pages, even in HTML with a front matter, nor short texts", () => {
    assert.equal(placeholderReason({ text: frenchText, body: frenchText, data: { lang: "fr" }, hasFrontMatter: true, isHtml: false }), null);
    assert.equal(placeholderReason({ text: `---\ntitle: x\n---\n<p>${frenchText}</p>`, body: `<p>${frenchText}</p>`, data: {}, hasFrontMatter: true, isHtml: true }), null);
    assert.equal(detectLanguage("Data science and the state"), null);
    assert.equal(detectLanguage(frenchText), "fr");
    assert.equal(detectLanguage(`${frenchText} Lien vers the page of the project on GitHub.`), "fr");
  });
});

describe("links to outside forms the platform replaces", () => {
  it("finds questionnaires, ticketing and hosted newsletter forms, with what replaces each", () => {
    const body = [
      "Remplissez [ce questionnaire](https://framaforms.org/rejoindre-le-programme-10-pour-cent-session-2023-1674643585) pour nous rejoindre.",
      "Proposez une idée par [le formulaire](https://docs.google.com/forms/d/e/1FAIpQLSc/viewform).",
      '<a href="https://www.eventbrite.fr/e/billets-atelier-123">Inscrivez-vous</a>',
      '<a href="https://a1b2c3.sibforms.com/serve/MUIFA">Recevoir les nouvelles</a>',
      "Newsletter : https://etalab.us1.list-manage.com/subscribe?u=1&id=2.",
      '<a href="https://lettres.example.org/f/lp/newsletter-du-programme/x1">S’inscrire à la newsletter</a>',
      "[Lire la newsletter de mars](https://ssphub.netlify.app/infolettre/infolettre_12/) et [le site](https://www.systeme-de-design.gouv.fr/).",
      "[Un questionnaire](https://framaforms.org/sans-objet-123).",
    ].join("\n\n");
    const forms = findReplacedForms({ path: "/actualites/x", texts: [body, null], registrationUrl: "https://www.eventbrite.fr/e/billets-atelier-123" });
    assert.deepEqual(
      forms.map((form) => [form.url.replace(/\?.*$/, ""), form.service, form.replacement]),
      [
        ["https://framaforms.org/rejoindre-le-programme-10-pour-cent-session-2023-1674643585", "Framaforms", "joining"],
        ["https://docs.google.com/forms/d/e/1FAIpQLSc/viewform", "Google Forms", "call"],
        ["https://framaforms.org/sans-objet-123", "Framaforms", "undecided"],
        ["https://www.eventbrite.fr/e/billets-atelier-123", "Eventbrite", "registration"],
        ["https://a1b2c3.sibforms.com/serve/MUIFA", "Brevo (Sendinblue)", "newsletter"],
        ["https://lettres.example.org/f/lp/newsletter-du-programme/x1", "formulaire de lettre d’information hébergé (lettres.example.org)", "newsletter"],
        ["https://etalab.us1.list-manage.com/subscribe", "Mailchimp", "newsletter"],
      ],
    );
  });

  it("reads the page's path when the link says nothing of its purpose", () => {
    assert.deepEqual(findReplacedForms({ path: "/projets", texts: ["[ici](https://framaforms.org/formulaire-1)"] }).map((form) => form.replacement), ["call"]);
    assert.deepEqual(findReplacedForms({ path: "/rejoindre", texts: ["[ici](https://tally.so/r/abc)"] }).map((form) => form.replacement), ["joining"]);
    assert.deepEqual(findReplacedForms({ path: "/", texts: ["[site](https://example.org/formulaire)"] }), []);
  });
});
