import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { count } from "drizzle-orm";
import { contentAssets, contentItems } from "../../../db/schema/index.ts";
import { assertFieldError, escapeHtml } from "../../../../tests/support/form-assertions.ts";
import { assertRefusedByPermission, type HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { isPubliclyVisible } from "../domain/content-item.ts";
import { findItemById, findItemBySlug, findRedirectTarget } from "../repository.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";

let platform: TestPlatform;
let now = new Date("2027-03-01T10:00:00Z");
const clock = { now: () => now };

/** A 1×1 transparent PNG. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const browser = () => httpSessionOn(platform);
const signIn = (email: string) => signInOverHttp(platform, email);

async function itemCount(): Promise<number> {
  const [row] = await platform.database.db.select({ total: count() }).from(contentItems);
  return row!.total;
}

const newsFields = (overrides: Record<string, string> = {}) => ({ kind: "news", title: "", slug: "", summary: "", body: "", tags: "", date: "", status: "draft", publishAt: "", coverImageAlt: "", action: "save", ...overrides });

/** Creates an item through the form and returns its id. */
async function create(session: HttpSession, overrides: Record<string, string>): Promise<string> {
  const response = await session.post("/admin/contenus", newsFields(overrides), { formPage: `/admin/contenus/nouveau?type=${overrides.kind ?? "news"}` });
  assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
  const match = /^\/admin\/contenus\/([0-9a-f-]{36})\?enregistre=1$/.exec(response.headers.location!);
  assert.ok(match, response.headers.location);
  return match[1]!;
}

async function editValues(session: HttpSession, id: string, overrides: Record<string, string>) {
  const item = (await findItemById(platform.database.db, id))!;
  return {
    kind: item.kind,
    version: String(item.version),
    title: item.title,
    slug: item.slug,
    summary: item.summary ?? "",
    body: item.body,
    tags: item.tags.join(", "),
    date: "",
    status: item.status,
    publishAt: "",
    coverImageAlt: item.coverImageAlt ?? "",
    coverImagePath: item.coverImage ?? "",
    action: "save",
    ...overrides,
  };
}

describe("content editor", () => {
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock });
    team = await signIn("camille.martin@numerique.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to the sign-in page", async () => {
    const response = await browser().get("/admin/contenus");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/connexion?retour=%2Fadmin%2Fcontenus");
  });

  it("refuses the editor to a plain member with a 403, storing nothing, also for an upload", async () => {
    const member = await signIn("thomas.leroy@ign.fr");
    for (const path of ["/admin/contenus", "/admin/contenus/nouveau?type=news"]) {
      const page = await member.get(path);
      assert.equal(page.statusCode, 403, path);
      assert.match(page.body, /Accès refusé/);
    }
    const before = await itemCount();
    assertRefusedByPermission(await member.post("/admin/contenus", newsFields({ title: "Intrus" }), { formPage: "/compte" }), 403);
    assertRefusedByPermission(await member.postMultipart("/admin/contenus", newsFields({ title: "Intrus" }), { coverImage: { fileName: "a.png", bytes: png } }, { formPage: "/compte" }), 403);
    assert.equal(await itemCount(), before);
  });

  it("refuses a form without its CSRF token with a 403, URL-encoded or multipart, storing nothing", async () => {
    const before = await itemCount();
    const plain = await team.post("/admin/contenus", newsFields({ title: "Sans jeton" }), { csrf: null });
    assert.equal(plain.statusCode, 403);
    const multipart = await team.postMultipart("/admin/contenus", newsFields({ title: "Sans jeton" }), { coverImage: { fileName: "a.png", bytes: png } }, { csrf: null });
    assert.equal(multipart.statusCode, 403);
    const forged = await team.postMultipart("/admin/contenus", newsFields({ title: "Faux jeton" }), {}, { csrf: "faux-jeton" });
    assert.equal(forged.statusCode, 403);
    assert.equal(await itemCount(), before);
  });

  it("offers a form for each kind and refuses an unknown kind", async () => {
    for (const [kind, heading] of [["news", "Nouvelle actualité"], ["page", "Nouvelle page"], ["project", "Nouveau projet"], ["event", "Nouvel événement"], ["training", "Nouvelle formation"]]) {
      const page = await team.get(`/admin/contenus/nouveau?type=${kind}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${heading}</h1>`));
      assert.match(page.body, /enctype="multipart\/form-data"/i);
      assert.match(page.body, /CommonMark et tableaux GFM/);
    }
    assert.equal((await team.get("/admin/contenus/nouveau?type=blog")).statusCode, 404);
  });

  it("creates a news post whose address comes from its title, then lists it", async () => {
    const id = await create(team, { title: "Données 2024 : l’été des ateliers", body: "Bonjour **tout le monde**.", tags: "données, ateliers", date: "2024-07-01" });
    const item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.slug, "donnees-2024-l-ete-des-ateliers");
    assert.equal(item.path, "/actualites/donnees-2024-l-ete-des-ateliers");
    assert.deepEqual(item.tags, ["données", "ateliers"]);
    assert.equal(item.date?.toISOString(), "2024-06-30T22:00:00.000Z");
    assert.equal(item.status, "draft");

    const edit = await team.get(`/admin/contenus/${id}?enregistre=1`);
    assert.match(edit.body, /Enregistré\. Version 1\./);
    const list = await team.get("/admin/contenus?type=news&statut=draft");
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`href="/admin/contenus/${id}"`));
    assert.ok(list.body.includes(escapeHtml("Données 2024 : l’été des ateliers")));
    assert.match(list.body, /Brouillon/);
    const published = await team.get("/admin/contenus?statut=published&type=news");
    assert.ok(!published.body.includes(`href="/admin/contenus/${id}"`));
  });

  const invalidInputs: { name: string; fields: Record<string, string | string[]>; field: string; message: string; kept?: string }[] = [
    { name: "an empty title", fields: { title: "" }, field: "title", message: "Saisissez un titre.", kept: "" },
    { name: "a title of 301 characters", fields: { title: "x".repeat(301) }, field: "title", message: "Le titre ne doit pas dépasser 300 caractères.", kept: "x".repeat(301) },
    { name: "a title holding a control character (NUL is refused before any form: src/http/hostile-input.test.ts)", fields: { title: "Titre\u0001nul" }, field: "title", message: "Ce champ contient des caractères non autorisés.", kept: "Titrenul" },
    { name: "a title sent twice", fields: { title: ["Un", "Deux"] }, field: "title", message: "Ce champ doit être un texte." },
    { name: "a slug with HTML", fields: { title: "Correct", slug: "<b>x</b>" }, field: "slug", message: "L’identifiant d’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (par exemple saison-2024).", kept: "<b>x</b>" },
    { name: "an impossible date", fields: { title: "Correct", date: "2024-02-31" }, field: "date", message: "Saisissez une date valide (par exemple 14/02/2023).", kept: "2024-02-31" },
    { name: "a publication time that is not one", fields: { title: "Correct", status: "published", publishAt: "demain" }, field: "publishAt", message: "Saisissez une date et une heure valides (par exemple 03/03/2027 09:00).", kept: "demain" },
    { name: "an alternative text without an image", fields: { title: "Correct", coverImageAlt: "x".repeat(301) }, field: "coverImageAlt", message: "Le texte alternatif ne doit pas dépasser 300 caractères." },
  ];

  for (const invalid of invalidInputs) {
    it(`refuses ${invalid.name} at the field, keeps the input and stores nothing`, async () => {
      const before = await itemCount();
      const response = await team.post("/admin/contenus", { ...newsFields({ body: "Texte <script>alert(1)</script> gardé" }), ...invalid.fields }, { formPage: "/admin/contenus/nouveau?type=news" });
      assert.equal(response.statusCode, 400, response.body.slice(0, 2000));
      assertFieldError(response.body, invalid.field, invalid.message, invalid.kept);
      assert.match(response.body, /Le formulaire contient/);
      assert.ok(response.body.includes("Texte &lt;script&gt;alert(1)&lt;/script&gt; gardé"), "texte conservé et échappé");
      assert.ok(!response.body.includes("<script>alert(1)"));
      assert.equal(await itemCount(), before);
    });
  }

  it("refuses a project's links that are not web addresses and a season that is not a year", async () => {
    const before = await itemCount();
    const response = await team.post(
      "/admin/contenus",
      { ...newsFields({ kind: "project", title: "Projet" }), githubUrl: "javascript:alert(1)", tchapUrl: "https://matrix.to/#/#salon:agent.tchap.gouv.fr", season: "24", administrations: "DINUM\nIGN" },
      { formPage: "/admin/contenus/nouveau?type=project" },
    );
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "githubUrl", "Saisissez une adresse web complète, commençant par https:// (par exemple https://github.com/etalab/projet).", "javascript:alert(1)");
    assertFieldError(response.body, "season", "Saisissez l’année de la saison sur 4 chiffres (par exemple 2024).", "24");
    assert.ok(response.body.includes("DINUM\nIGN</textarea>"));
    assert.equal(await itemCount(), before);
  });

  it("saves a project's and an event's own details", async () => {
    const project = await create(team, { kind: "project", title: "Cartographie des données", githubUrl: "https://github.com/etalab/carto", administrations: "DINUM\n IGN \n", season: "2024", responsible: "Camille Martin" });
    assert.deepEqual((await findItemById(platform.database.db, project))!.details, { githubUrl: "https://github.com/etalab/carto", administrations: ["DINUM", "IGN"], season: 2024, responsible: "Camille Martin" });
    const event = await create(team, { kind: "event", title: "Atelier de rentrée", startsAt: "2026-09-15T14:00", endsAt: "2026-09-15T17:30", location: "Paris" });
    const details = (await findItemById(platform.database.db, event))!.details;
    assert.equal(details.startsAt, "2026-09-15T12:00:00.000Z");
    assert.equal(details.endsAt, "2026-09-15T15:30:00.000Z");
    assert.equal(details.allDay, false);
    const page = await team.get(`/admin/contenus/${event}`);
    assert.ok(page.body.includes('value="2026-09-15T14:00"'), "l’heure est montrée en heure de Paris");
  });

  it("previews the rendered text without storing anything, script removed", async () => {
    const before = await itemCount();
    const response = await team.postMultipart("/admin/contenus", newsFields({ title: "Aperçu", body: "## Intertitre\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>[x](javascript:alert(1))", action: "preview" }), {}, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Aperçu \(non enregistré\)/);
    assert.match(response.body, /<h4[^>]*>Intertitre<\/h4>/);
    assert.match(response.body, /<table>/);
    assert.ok(!response.body.includes("<script>alert"));
    assert.ok(!/href="javascript:/.test(response.body));
    assert.equal(await itemCount(), before);
  });

  it("refuses a save made on a version another person has changed since, keeping the input", async () => {
    const id = await create(team, { title: "Version concurrente" });
    const first = await team.post(`/admin/contenus/${id}`, await editValues(team, id, { title: "Modifiée par Camille", version: "1" }));
    assert.equal(first.statusCode, 303);
    const stale = await team.post(`/admin/contenus/${id}`, await editValues(team, id, { title: "Modifiée par Thomas", version: "1" }));
    assert.equal(stale.statusCode, 409);
    assertFieldError(stale.body, "title", "Ce contenu a été modifié entre-temps (version 2). Rechargez la page pour repartir de la dernière version ; vos modifications sont conservées ci-dessous.", "Modifiée par Thomas");
    const item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.title, "Modifiée par Camille");
    assert.equal(item.version, 2);
  });

  it("redirects the old address to the new one when the slug changes, and lists old addresses", async () => {
    const id = await create(team, { title: "Ancien nom" });
    const saved = await team.post(`/admin/contenus/${id}`, await editValues(team, id, { slug: "nouveau-nom" }));
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/admin/contenus/${id}?enregistre=2`);
    assert.equal(await findRedirectTarget(platform.database.db, "/actualites/ancien-nom"), "/actualites/nouveau-nom");
    const published = await team.post(`/admin/contenus/${id}/publier`, { version: "2" }, { formPage: `/admin/contenus/${id}` });
    assert.equal(published.statusCode, 303);
    const old = await browser().get("/actualites/ancien-nom");
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, "/actualites/nouveau-nom");
    const page = await team.get(`/admin/contenus/${id}`);
    assert.match(page.body, /L’ancienne adresse redirigera vers la nouvelle/);
    assert.match(page.body, /<code>\/actualites\/ancien-nom<\/code>/);
  });

  it("schedules a publication in Paris time: invisible until the clock passes it", async () => {
    const id = await create(team, { title: "Annonce programmée", status: "published", publishAt: "2027-03-03T09:00" });
    const item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.publishAt?.toISOString(), "2027-03-03T08:00:00.000Z");
    now = new Date("2027-03-03T07:59:00Z");
    assert.equal(isPubliclyVisible(item, clock.now()), false);
    const list = await team.get("/admin/contenus?statut=scheduled");
    assert.ok(list.body.includes("Programmé le 3 mars 2027 à\u00a09\u00a0h"), "statut programmé affiché");
    assert.ok(list.body.includes(`href="/admin/contenus/${id}"`));
    now = new Date("2027-03-03T08:01:00Z");
    assert.equal(isPubliclyVisible(item, clock.now()), true);
    const published = await team.get("/admin/contenus?statut=published");
    assert.ok(published.body.includes(`href="/admin/contenus/${id}"`));

  });

  it("publishes now and unpublishes with one button each", async () => {
    const id = await create(team, { title: "À publier" });
    const published = await team.post(`/admin/contenus/${id}/publier`, { version: "1" }, { formPage: `/admin/contenus/${id}` });
    assert.equal(published.statusCode, 303);
    let item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.status, "published");
    assert.ok(isPubliclyVisible(item, clock.now()));
    const page = await team.get(published.headers.location!);
    assert.match(page.body, /Enregistré\. Version 2\./);
    assert.ok(page.body.includes(`href="${item.path}"`), "lien vers le site");
    assert.match(page.body, />\s*Dépublier\s*</);

    const unpublished = await team.post(`/admin/contenus/${id}/depublier`, { version: "2" }, { formPage: `/admin/contenus/${id}` });
    assert.equal(unpublished.statusCode, 303);
    item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.status, "draft");
    assert.equal(item.version, 3);
    const stale = await team.post(`/admin/contenus/${id}/depublier`, { version: "2" }, { formPage: `/admin/contenus/${id}` });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /modifié entre-temps/);
  });

  it("lists every version with its author and restores an old one as a new version", async () => {
    const id = await create(team, { title: "Première rédaction", body: "Texte d’origine." });
    assert.equal((await team.post(`/admin/contenus/${id}`, await editValues(team, id, { title: "Deuxième rédaction", body: "Texte revu." }))).statusCode, 303);
    const history = await team.get(`/admin/contenus/${id}/historique`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Camille Martin/);
    assert.match(history.body, /Création/);
    assert.match(history.body, /Modification/);
    assert.ok(history.body.indexOf("2 (actuelle)") < history.body.indexOf(">1<"), "la plus récente d’abord");

    const version = await team.get(`/admin/contenus/${id}/versions/1`);
    assert.equal(version.statusCode, 200);
    assert.match(version.body, /Texte d’origine\./);
    assert.equal((await team.get(`/admin/contenus/${id}/versions/9`)).statusCode, 404);

    const restored = await team.post(`/admin/contenus/${id}/versions/1/restaurer`, {}, { formPage: `/admin/contenus/${id}/historique` });
    assert.equal(restored.statusCode, 303);
    const item = (await findItemById(platform.database.db, id))!;
    assert.equal(item.version, 3);
    assert.equal(item.title, "Première rédaction");
    assert.equal(item.body, "Texte d’origine.");
    const after = await team.get(restored.headers.location!);
    assert.match(after.body, /Restauration de la version 1/);
    assert.match(after.body, /Version 1 restaurée\./);
  });

  it("explains why a version whose address another item took cannot be restored", async () => {
    const id = await create(team, { title: "Adresse convoitée" });
    assert.equal((await team.post(`/admin/contenus/${id}`, await editValues(team, id, { slug: "adresse-liberee" }))).statusCode, 303);
    await create(team, { title: "Adresse convoitée" });
    const refused = await team.post(`/admin/contenus/${id}/versions/1/restaurer`, {}, { formPage: `/admin/contenus/${id}/historique` });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /La version 1 ne peut pas être restaurée/);
    assert.match(refused.body, /\/actualites\/adresse-convoitee/);
    assert.equal((await findItemById(platform.database.db, id))!.version, 2);
  });

  it("stores an image to insert in the text, served with its type, and shows its Markdown", async () => {
    const response = await team.postMultipart("/admin/contenus", newsFields({ title: "", action: "insert-image", insertImageAlt: "Un pixel" }), { insertImage: { fileName: "Pixel Été.png", bytes: png, type: "image/png" } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(response.statusCode, 200, response.body.slice(0, 2000));
    const snippet = /value="!\[Un pixel\]\((\/medias\/[a-f0-9]{12}\/pixel-ete\.png)\)"/.exec(response.body);
    assert.ok(snippet, "code Markdown affiché");
    const served = await browser().get(snippet[1]!);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers["content-type"], "image/png");
    assert.deepEqual(served.rawPayload, png);
  });

  it("refuses a PNG renamed .jpg, an image without alternative text and a file over 10 MB", async () => {
    const assets = async () => (await platform.database.db.select({ total: count() }).from(contentAssets))[0]!.total;
    const before = await assets();
    const renamed = await team.postMultipart("/admin/contenus", newsFields({ action: "insert-image", insertImageAlt: "Photo" }), { insertImage: { fileName: "photo.jpg", bytes: png } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(renamed.statusCode, 400);
    assert.match(renamed.body, /Le contenu du fichier ne correspond pas à son extension\./);
    const noAlt = await team.postMultipart("/admin/contenus", newsFields({ action: "insert-image", insertImageAlt: " " }), { insertImage: { fileName: "pixel.png", bytes: png } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(noAlt.statusCode, 400);
    assertFieldError(noAlt.body, "insertImageAlt", "Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).");
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await team.postMultipart("/admin/contenus", newsFields({ title: "Grande image", coverImageAlt: "Grande" }), { coverImage: { fileName: "grande.png", bytes: big } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(tooLarge.statusCode, 400);
    assert.match(tooLarge.body, /L’image dépasse 10\u00a0Mo/);
    assert.equal(await assets(), before);
  });

  it("saves a cover image with its alternative text, refuses it without, and removes it on request", async () => {
    const before = await itemCount();
    const missingAlt = await team.postMultipart("/admin/contenus", newsFields({ title: "Avec couverture" }), { coverImage: { fileName: "couverture.png", bytes: png } }, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(missingAlt.statusCode, 400);
    assertFieldError(missingAlt.body, "coverImageAlt", "Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).");
    assert.equal(await itemCount(), before);
    const kept = /name="coverImagePath" value="(\/medias\/[^"]+)"/.exec(missingAlt.body);
    assert.ok(kept, "l’image envoyée est gardée pour le formulaire suivant");

    const saved = await team.postMultipart("/admin/contenus", newsFields({ title: "Avec couverture", coverImagePath: kept[1]!, coverImageAlt: "Un pixel transparent" }), {}, { formPage: "/admin/contenus/nouveau?type=news" });
    assert.equal(saved.statusCode, 303);
    const item = (await findItemBySlug(platform.database.db, "news", "avec-couverture"))!;
    assert.equal(item.coverImage, kept[1]);
    assert.equal(item.coverImageAlt, "Un pixel transparent");

    const tampered = await team.postMultipart(`/admin/contenus/${item.id}`, { ...(await editValues(team, item.id, {})), coverImagePath: "https://exemple.org/x.png" });
    assert.equal(tampered.statusCode, 303);
    assert.equal((await findItemById(platform.database.db, item.id))!.coverImage, kept[1], "une adresse inconnue est ignorée");

    const removed = await team.postMultipart(`/admin/contenus/${item.id}`, { ...(await editValues(team, item.id, {})), removeCover: "on" });
    assert.equal(removed.statusCode, 303);
    assert.equal((await findItemById(platform.database.db, item.id))!.coverImage, null);
  });
});
