import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { contentItems, contentRevisions } from "../../../db/schema/index.ts";
import { openTestDatabase, shippedContentDir } from "../../../../tests/support/test-platform.ts";
import { renderContentBody } from "../domain/markdown.ts";
import { createFileMediaStorage } from "../media/media-storage.ts";
import { findItemByPath, findItemBySlug, findRedirectTarget } from "../repository.ts";
import { formatImportFindings, listPlaceholders, listReplacedForms } from "./format-report.ts";
import { createImportContent, type ImportReport } from "./import-content.ts";

const clock = { now: () => new Date("2026-01-15T10:00:00Z") };
const tinyPng = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

function writeTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "p10-import-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe("importing the programme's content folder", () => {
  let testDatabase: Awaited<ReturnType<typeof openTestDatabase>>;
  let first: ImportReport;
  let second: ImportReport;

  before(async () => {
    testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
    const importContent = createImportContent({ db: testDatabase.database.db, clock, media: createFileMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), "p10-media-"))) });
    first = await importContent(shippedContentDir);
    second = await importContent(shippedContentDir);
  });
  after(() => testDatabase.close());
  const db = () => testDatabase.database.db;

  it("imports every file without rejection, and changes nothing the second time", () => {
    assert.deepEqual(first.entries.filter((entry) => entry.outcome === "rejected"), []);
    assert.ok(first.counts.created > 50, `created: ${first.counts.created}`);
    assert.equal(second.counts.created, 0);
    assert.equal(second.counts.updated, 0);
    assert.equal(second.counts.rejected, 0);
    assert.deepEqual(
      first.entries.filter((entry) => entry.outcome === "ignored").map((entry) => entry.files[0]),
      ["site-2022/config.yaml", "site-2023/config.yaml"],
    );
  });

  it("maps a news post with its date, summary and the newest site's version", async () => {
    const post = await findItemBySlug(db(), "news", "saison2023");
    assert.ok(post);
    assert.equal(post.path, "/actualites/saison2023");
    assert.equal(post.title, "Programme de la saison 2023");
    assert.equal(post.date?.toISOString(), "2023-01-24T12:00:00.000Z");
    assert.equal(post.summary, "Tout sur la saison 2023 du programme 10% !");
    assert.equal(post.status, "published");
    assert.equal(post.bodyFormat, "markdown");
    assert.equal(post.sourceKey, "actualites/2023-01-24_saison2023.md");
  });

  it("keeps one item for a file of both sites, the old site's address redirecting to it", async () => {
    const post = await findItemByPath(db(), "/actualites/ideation2022");
    assert.ok(post);
    assert.equal(await findRedirectTarget(db(), "/actualites/atelier-ideation"), "/actualites/ideation2022");
    assert.match(post.body, /\[Projets 10%\]\(\/projets "Projets"\)/);
    const revisions = await db().select().from(contentRevisions).where(eq(contentRevisions.itemId, post.id));
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]!.authorLabel, "Import");
    assert.match(revisions[0]!.note, /site-2022\/content\/actualites\/2022-05-16_atelier\.md, site-2023/);
  });

  it("groups a loose file with the site's file of the same slug", async () => {
    const entry = first.entries.find((candidate) => candidate.path === "/actualites/bootcamp2023");
    assert.deepEqual(entry?.files, ["seeds/004_ae90007e9efdee95.txt", "site-2023/content/actualites/2023-01-24_bootcamp2023.md"]);
  });

  it("reads a project's GitHub link, administrations, Tchap room and season", async () => {
    const project = await findItemByPath(db(), "/projets/cartiflette");
    assert.ok(project);
    assert.equal(project.kind, "project");
    assert.deepEqual(project.details, {
      githubUrl: "https://github.com/InseeFrLab/cartogether",
      tchapUrl: "https://www.tchap.gouv.fr/#/room/!PrssmkQrqmsWVFkKqS:agent.finances.tchap.gouv.fr",
      administrations: ["INSEE", "ministère de la Santé", "ministère de l’Intérieur", "ministère de la Transition écologique", "enseignants-chercheurs"],
      season: 2023,
    });
    assert.doesNotMatch(project.body, /paticipantes|salon Tchap/, "the body no longer repeats what the details show");
    const withoutGithub = await findItemByPath(db(), "/projets/trouvermonexpertdata");
    assert.equal(withoutGithub?.details.githubUrl, undefined);
    assert.equal(await findRedirectTarget(db(), "/projets/impact_environnemental"), "/projets/impact-environnemental");
    const older = await findItemByPath(db(), "/projets/siretisation");
    assert.equal(older?.details.responsible, "Pierre-Etienne Devineau (Etalab)");
  });

  it("splits the administrations on « et » only where a new name starts", async () => {
    const chartGouv = await findItemByPath(db(), "/projets/chartgouv");
    assert.deepEqual(chartGouv?.details.administrations, [
      "Ministère de l’Intérieur",
      "Ministère de la Culture",
      "Ministère de la Transition Ecologique",
      "Ministère de la Transformation et de Fonction publiques",
    ]);
    const poufdoc = await findItemByPath(db(), "/projets/poufdoc");
    assert.ok((poufdoc?.details.administrations as string[]).includes("Ministère de l’Europe et des Affaires étrangères"));
  });

  it("takes no lead from a description that only repeats the page's name", async () => {
    assert.equal((await findItemByPath(db(), "/rejoindre"))?.summary, null);
    assert.equal((await findItemByPath(db(), "/contact"))?.summary, null);
    assert.equal((await findItemByPath(db(), "/projets"))?.summary, "Les derniers projets 10%");
  });

  it("makes a loose file of a site page's slug that page, not a second item", async () => {
    const entry = first.entries.find((candidate) => candidate.path === "/programme/lancement-programme");
    assert.deepEqual(entry?.files, ["seeds/000_1223f7aafdddac50.txt", "site-2022/content/programme/presentation.md"]);
    assert.equal(entry?.kind, "page");
    assert.equal(await findItemByPath(db(), "/actualites/lancement-programme"), null);
    assert.equal(await findItemBySlug(db(), "news", "lancement-programme"), null);
  });

  it("reads a Hugo Academic event page and converts its callout", async () => {
    const event = await findItemByPath(db(), "/evenements/evenement-de-cloture-de-la-saison-1-du-programme-10");
    assert.ok(event);
    assert.deepEqual(event.details, {
      startsAt: "2022-12-05T14:00:00.000Z",
      endsAt: "2022-12-05T18:00:00.000Z",
      allDay: false,
      location: "Lieu de la transformation publique",
      registrationUrl: "https://www.eventbrite.fr/e/billets-evenement-de-cloture-de-la-saison-1-du-programme-10-460655772817",
      organiser: "Programme 10%",
    });
    assert.equal(event.publishAt?.toISOString(), "2023-01-15T00:00:00.000Z");
    assert.deepEqual(event.tags, ["10%", "Etalab", "MadeByUS"]);
    assert.match(event.body, /<div class="fr-callout"><p class="fr-callout__text">Pour toute information : <a href="mailto:lab-ia@data.gouv.fr">/);
  });

  it("splits the trainings page into one training per paragraph, with replay and slides", async () => {
    const trainings = await db().select().from(contentItems).where(eq(contentItems.kind, "training"));
    assert.equal(trainings.length, 9);
    const python = trainings.find((training) => training.slug === "bonnes-pratiques-de-programmation-avec-python");
    assert.ok(python);
    assert.equal(python.date?.toISOString(), "2023-03-30T00:00:00.000Z");
    assert.deepEqual(python.details, {
      season: 2023,
      trainers: "Lino Galiana et Romain Avouac",
      replayUrl: "https://bbb-dinum-scalelite.visio.education.fr/playback/presentation/2.3/871ab1ad6290d683201d2996582dffe96174d9a6-1680176731865",
      slidesUrl: "https://diit.pages.lab.sspcloud.fr/presentation/2023-03-30-bonnes-pratiques-10pc/#/title-slide",
      resourceUrls: ["https://linogaliana.github.io/ensae-reproductibilite-website/"],
    });
    // Only the environmental impact training has slides and no replay.
    assert.equal(trainings.filter((training) => typeof (training.details as { replayUrl?: string }).replayUrl === "string").length, 8);
    const testing = trainings.find((training) => training.slug === "testing-des-modeles-de-machine-learning");
    assert.equal(testing?.date?.toISOString(), "2022-11-08T00:00:00.000Z");
    const page = await findItemByPath(db(), "/formations");
    assert.equal(page?.kind, "page");
    assert.equal(page?.summary, "Formations dispensées dans le cadre du programme");
  });

  it("stores the pages' images and points their old addresses to them", async () => {
    const contact = await findItemByPath(db(), "/contact");
    assert.ok(contact);
    assert.equal(contact.bodyFormat, "html");
    const sources = [...contact.body.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(sources.length, 4);
    assert.ok(sources.every((source) => source!.startsWith("/medias/")), sources.join(", "));
    assert.match((await findRedirectTarget(db(), "/contact/kim.jpg")) ?? "", /^\/medias\/[0-9a-f]{12}\/kim\.jpg$/);
    const html = renderContentBody(contact.body, "html");
    assert.match(html, /<div class="fr-grid-row fr-grid-row--gutters fr-grid-row--center">/);
    assert.match(html, /<img src="\/medias\/[0-9a-f]{12}\/kim\.jpg" class="fr-responsive-img"/);
  });

  it("takes a full HTML document's title and body, and the home page from the root index", async () => {
    const example = await findItemByPath(db(), "/example");
    assert.equal(example?.title, "Example page");
    assert.doesNotMatch(example?.body ?? "", /<style|<head|background-color/);
    assert.equal((await findItemByPath(db(), "/"))?.slug, "accueil");
    assert.equal((await findItemByPath(db(), "/programme/lancement-programme"))?.title, "Présentation du programme");
  });

  it("imports another site's placeholder page as a draft and reports it as a placeholder", async () => {
    const example = await findItemByPath(db(), "/example");
    assert.equal(example?.status, "draft");
    const entry = first.entries.find((candidate) => candidate.path === "/example");
    assert.deepEqual(entry?.files, ["site-2022/content/example.html", "site-2023/content/example.html"]);
    assert.match(entry?.placeholder ?? "", /document HTML complet/);
    assert.deepEqual(listPlaceholders(first).map((page) => page.path), ["/example"]);
    assert.ok(formatImportFindings(first).some((line) => line.includes("/example «\u00a0Example page\u00a0»")));
    // The programme's own pages, French, stay published.
    for (const path of ["/", "/rejoindre", "/contact", "/equipe", "/programme/contribuer"]) assert.equal((await findItemByPath(db(), path))?.status, "published", path);
  });

  it("reports every imported page linking to an outside form or registration service, with what replaces it", () => {
    const forms = listReplacedForms(first).map((form) => [form.path, form.url.replace(/^https:\/\/(?:www\.)?([^/]+)\/.*$/, "$1"), form.service, form.replacementHref]);
    assert.deepEqual(forms, [
      ["/evenements/evenement-de-cloture-de-la-saison-1-du-programme-10", "eventbrite.fr", "Eventbrite", "/evenements"],
      ["/programme/contribuer", "framaforms.org", "Framaforms", "/rejoindre/inscription"],
      ["/projets", "framaforms.org", "Framaforms", "/appel-a-projets"],
      ["/actualites/saison2023", "framaforms.org", "Framaforms", "/rejoindre/inscription"],
      ["/actualites/saison2023", "eventbrite.fr", "Eventbrite", "/evenements"],
      ["/rejoindre", "framaforms.org", "Framaforms", "/rejoindre/inscription"],
      ["/rejoindre", "f.info.etalab.gouv.fr", "formulaire de lettre d’information hébergé (f.info.etalab.gouv.fr)", null],
    ]);
    const lines = formatImportFindings(first);
    assert.ok(lines.includes("Liens vers des formulaires ou services d’inscription que la plateforme remplace (7)\u00a0:"), lines.join("\n"));
    assert.ok(lines.some((line) => line.startsWith("  /rejoindre «\u00a0Rejoignez-nous !\u00a0» → https://f.info.etalab.gouv.fr/f/lp/newsletter-du-programme-10/o72g0xss") && line.endsWith("remplacé par la lettre d’information du programme, envoyée par la plateforme")));
  });

  it("leaves no Hugo shortcode in any body", async () => {
    const items = await db().select({ path: contentItems.path, body: contentItems.body, summary: contentItems.summary }).from(contentItems);
    for (const item of items) {
      assert.doesNotMatch(item.body, /\{\{|\}\}/, item.path);
      assert.doesNotMatch(item.summary ?? "", /\{\{|\}\}/, item.path);
    }
  });
});

describe("importing a folder that changes", () => {
  let testDatabase: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
  });
  after(() => testDatabase.close());
  const importer = () => createImportContent({ db: testDatabase.database.db, clock, media: createFileMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), "p10-media-"))) });

  it("calls the agenda for events and trainings only, with whether their files changed, and keeps the item when the agenda fails", async () => {
    const folder = writeTree({
      "academic/content/event/atelier-lyon/index.md": "---\ntitle: Atelier à Lyon\ndate: 2024-03-05T13:00:00Z\nlocation: Lyon\n---\nTexte.\n",
      "academic/content/actualites/2024-03-06-retour.md": "---\ntitle: Retour sur Lyon\ndate: 2024-03-06\n---\nTexte.\n",
    });
    const calls: string[] = [];
    const media = createFileMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), "p10-media-")));
    const agenda = async (item: { path: string }, options: { changed: boolean }) => {
      calls.push(`${item.path} ${options.changed}`);
      if (calls.length === 1) throw new Error("base indisponible");
      return { outcome: "unchanged" as const, path: "/evenements/atelier-lyon" };
    };
    const first = await createImportContent({ db: testDatabase.database.db, clock, media, agenda })(folder);
    const entry = first.entries.find((candidate) => candidate.path === "/evenements/atelier-lyon");
    assert.equal(entry?.outcome, "created");
    assert.equal(entry?.agenda?.outcome, "skipped");
    assert.match(entry?.agenda?.reason ?? "", /relancez l’import/);
    assert.ok(await findItemByPath(testDatabase.database.db, "/evenements/atelier-lyon"));
    // The next import, the file unchanged, asks the agenda again (it creates a missing event).
    await createImportContent({ db: testDatabase.database.db, clock, media, agenda })(folder);
    assert.deepEqual(calls, ["/evenements/atelier-lyon true", "/evenements/atelier-lyon false"]);
  });

  it("updates exactly the item whose file changed", async () => {
    const folder = writeTree({
      "site/content/actualites/2024-01-10-voeux.md": "---\ntitle: Vœux 2024\ndate: 2024-01-10\ntags: [vie du programme]\n---\nBonne année !\n",
      "site/content/actualites/2024-02-01-bilan.md": "+++\ntitle = \"Bilan\"\ndate = 2024-02-01T10:00:00+01:00\ndraft = true\n+++\nLe bilan.\n",
      "site/content/actualites/photo.png": tinyPng,
    });
    const importContent = importer();
    const first = await importContent(folder);
    assert.equal(first.counts.created, 3);
    const draft = await findItemBySlug(testDatabase.database.db, "news", "bilan");
    assert.equal(draft?.status, "draft");
    assert.equal(draft?.date?.toISOString(), "2024-02-01T09:00:00.000Z");

    fs.writeFileSync(path.join(folder, "site/content/actualites/2024-01-10-voeux.md"), "---\ntitle: Vœux 2024\ndate: 2024-01-10\n---\nBonne année ![photo](photo.png)\n");
    const second = await importContent(folder);
    assert.deepEqual([second.counts.created, second.counts.updated, second.counts.unchanged], [0, 1, 2]);
    const post = await findItemBySlug(testDatabase.database.db, "news", "voeux");
    assert.equal(post?.version, 2);
    assert.match(post?.body ?? "", /!\[photo\]\(\/medias\/[0-9a-f]{12}\/photo\.png\)/);
  });

  it("finds the site under several folders, one of them named content (`zip -r site.zip /work/shared/content/site-2023`)", async () => {
    for (const withConfig of [true, false]) {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), "p10-import-"));
      const site = path.join(folder, "work/shared/content/site-2023");
      fs.cpSync(path.join(shippedContentDir, "site-2023"), site, { recursive: true });
      if (!withConfig) fs.rmSync(path.join(site, "config.yaml"));
      const report = await importer()(folder);
      const label = withConfig ? "with config.yaml" : "without configuration";
      assert.equal(report.counts.rejected, 0, label);
      const paths = report.entries.filter((entry) => entry.kind !== "media" && entry.path).map((entry) => entry.path!);
      assert.deepEqual(paths.filter((item) => item.includes("/content/") || item.includes("site-2023")), [], label);
      assert.ok(paths.includes("/actualites/saison2023"), label);
      assert.ok(paths.includes("/projets/cartiflette"), label);
      assert.ok(paths.includes("/rejoindre"), label);
      const news = report.entries.filter((entry) => entry.kind === "news");
      assert.equal(news.length, 9, label);
      assert.ok(news.every((entry) => /^\/actualites\/[a-z0-9-]+$/.test(entry.path!)), label);
    }
  });

  it("rejects a file with an unreadable header, with its file and reason, and imports the others", async () => {
    const folder = writeTree({
      "actualites/bonne-nouvelle.md": "---\ntitle: Bonne nouvelle\n---\nTexte.\n",
      "actualites/casse.md": "---\ntitle: [non fermé\nslug: casse\n---\nTexte.\n",
      "projets/mon-projet.md": "---\ntitle: Mon projet\ngithub: pas une adresse\nimage:\n  filename: absente.png\n---\nAdministrations participantes : DINUM et INSEE\n",
    });
    const report = await importer()(folder);
    const rejected = report.entries.filter((entry) => entry.outcome === "rejected");
    assert.equal(rejected.length, 1);
    assert.deepEqual(rejected[0]!.files, ["actualites/casse.md"]);
    assert.match(rejected[0]!.reason ?? "", /^En-tête YAML illisible/);
    assert.equal(report.counts.created, 2);
    const project = await findItemByPath(testDatabase.database.db, "/projets/mon-projet");
    assert.deepEqual(project?.details, { administrations: ["DINUM", "INSEE"] });
    const projectEntry = report.entries.find((entry) => entry.path === "/projets/mon-projet");
    assert.match(projectEntry?.warnings?.[0] ?? "", /absente\.png.*absente du dossier/);
  });

  it("imports a hostile file as text that renders harmless", async () => {
    const folder = writeTree({
      "seeds/hostile.md": [
        "---",
        'title: "<img src=x onerror=alert(1)>Titre piégé<script>alert(2)</script>"',
        "summary: <b onclick=alert(3)>résumé</b>",
        "---",
        "<script>alert(4)</script>",
        "[clic](javascript:alert(5)) <a href=\"JaVaScRiPt:alert(6)\">lien</a>",
        "<img src=\"x\" onerror=\"alert(7)\"><iframe src=\"https://example.com\"></iframe><svg onload=\"alert(8)\"></svg>",
        "<p style=\"position:fixed\" onmouseover=\"alert(9)\">texte</p>",
        "{{< unknown \"x\" >}}",
      ].join("\n"),
    });
    const report = await importer()(folder);
    assert.equal(report.counts.created, 1);
    const [item] = await testDatabase.database.db.select().from(contentItems).where(eq(contentItems.sourceKey, "seeds/hostile.md"));
    assert.ok(item);
    assert.equal(item.title, "Titre piégé");
    assert.equal(item.slug, "hostile");
    const html = renderContentBody(item.body, "markdown");
    assert.doesNotMatch(html, /<script|<iframe|<svg|javascript:|onerror|onclick|onload|onmouseover|style=|\{\{/i);
    assert.match(html, /texte/);
  });
});
