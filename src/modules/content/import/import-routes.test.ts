import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import zlib from "node:zlib";
import { assertRefusedByPermission, type HttpSession } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { like } from "drizzle-orm";
import { events } from "../../../db/schema/index.ts";
import { findItemByPath } from "../repository.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";

let platform: TestPlatform;

/** A zip archive as any tool writes it (deflated entries, central directory), built here to control every byte. */
function zipOf(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const compressed = zlib.deflateRawSync(data);
    const fileName = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const browser = () => httpSessionOn(platform);
const signIn = (email: string) => signInOverHttp(platform, email);

/** Posts the upload form as a browser does (multipart/form-data). */
function upload(session: HttpSession, archive: { fileName: string; bytes: Buffer } | null, options: { csrf?: string | null; formPage?: string } = {}) {
  return session.postMultipart("/admin/contenus/import", {}, { archive: { fileName: archive?.fileName ?? "", bytes: archive?.bytes ?? Buffer.alloc(0), type: "application/zip" } }, options);
}

const goodArchive = () =>
  zipOf({
    "export/actualites/2024-03-01-printemps.md": "---\ntitle: Le printemps des données\ndate: 2024-03-01\nslug: printemps\n---\nBonjour ![photo](photo.png)\n",
    "export/actualites/casse.md": "---\ntitle: [non fermé\n---\nTexte\n",
    "export/actualites/photo.png": Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
  });

describe("importing content from a zip in the administration", () => {
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signIn("camille.martin@numerique.gouv.fr");
  });
  after(() => platform.stop());

  it("asks anonymous visitors to sign in and refuses members, with the form's valid token, importing nothing", async () => {
    const anonymous = await browser().get("/admin/contenus/import");
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, "/connexion?retour=%2Fadmin%2Fcontenus%2Fimport");
    assertRefusedByPermission(await upload(browser(), { fileName: "a.zip", bytes: goodArchive() }, { formPage: "/connexion" }), 401);
    const member = await signIn("thomas.leroy@ign.fr");
    assertRefusedByPermission(await member.get("/admin/contenus/import"), 403);
    assertRefusedByPermission(await upload(member, { fileName: "a.zip", bytes: goodArchive() }, { formPage: "/compte" }), 403);
    assert.equal(await findItemByPath(platform.database.db, "/actualites/printemps"), null);
  });

  it("refuses an upload without its CSRF token", async () => {
    const response = await upload(team, { fileName: "contenus.zip", bytes: goodArchive() }, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.equal(await findItemByPath(platform.database.db, "/actualites/printemps"), null);
  });

  it("answers a missing, empty or invalid archive with a field error", async () => {
    for (const [archive, message] of [
      [null, "Choisissez une archive zip à importer."],
      [{ fileName: "vide.zip", bytes: Buffer.alloc(0) }, "Le fichier est vide."],
      [{ fileName: "pas-un.zip", bytes: Buffer.from("ceci n’est pas un zip") }, "Ce fichier n’est pas une archive zip lisible."],
      [{ fileName: "evasion.zip", bytes: zipOf({ "../evasion.md": "---\ntitle: x\n---\n" }) }, null],
    ] as const) {
      const response = await upload(team, archive);
      assert.equal(response.statusCode, 400, response.body.slice(0, 200));
      assert.match(response.body, /fr-upload-group--error/);
      if (message) assert.ok(response.body.includes(message.replace(/’/g, "&#x27;")) || response.body.includes(message), message);
    }
  });

  it("imports the archive, shows the report with its rejection, and the new post is online", async () => {
    const form = await team.get("/admin/contenus/import");
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/i);
    const response = await upload(team, { fileName: "contenus.zip", bytes: goodArchive() });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.match(response.body, /<caption>Rapport d’import/);
    assert.match(response.body, /En-tête YAML illisible/);
    assert.match(response.body, /export\/actualites\/casse\.md/);
    const post = await findItemByPath(platform.database.db, "/actualites/printemps");
    assert.ok(post);
    assert.match(post.body, /\/medias\/[0-9a-f]{12}\/photo\.png/);
    assert.equal((await browser().get("/actualites/printemps")).statusCode, 200);

    const again = await upload(team, { fileName: "contenus.zip", bytes: goodArchive() });
    assert.match(again.body, /0\u00a0créé, 0\u00a0mis à jour/);
  });

  it("finds the site of a `zip -r site.zip /work/shared/content/site-2023` archive, under a folder named content", async () => {
    const site = "work/shared/content/site-2099";
    const archive = zipOf({
      [`${site}/config.yaml`]: "title: Site 2099\n",
      [`${site}/content/actualites/2099-01-02_nouvelle-saison.md`]: "---\ntitle: La saison 2099\ndate: 2099-01-02\nslug: saison2099\n---\nBonjour.\n",
      [`${site}/content/adhesion2099/_index.html`]: '---\ntitle: "Adhérer"\ndescription: "adhesion2099"\n---\n<p>Écrivez-nous.</p>\n',
    });
    const response = await upload(team, { fileName: "site.zip", bytes: archive });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    const post = await findItemByPath(platform.database.db, "/actualites/saison2099");
    assert.equal(post?.kind, "news");
    assert.equal(await findItemByPath(platform.database.db, "/site-2099/content/actualites/saison2099"), null);
    const page = await findItemByPath(platform.database.db, "/adhesion2099");
    assert.equal(page?.kind, "page");
    assert.equal(page?.summary, null, "a description that only repeats the page's name is no lead");
  });

  it("lists in the report the placeholder pages, imported as drafts, and the links to outside forms with what replaces them", async () => {
    const archive = zipOf({
      "vieux-site/config.toml": 'title = "Vieux site"\n',
      "vieux-site/content/inscriptions/_index.md": '---\ntitle: "Nous suivre"\n---\nAbonnez-vous à [notre newsletter](https://x1y2.sibforms.com/serve/MUIFAB) ou inscrivez-vous à l’[atelier](https://www.eventbrite.fr/e/billets-atelier-42).\n',
      "vieux-site/content/modele.html": '<!DOCTYPE html>\n<html lang="en"><head><title>Template page</title></head><body><p>Lorem ipsum.</p></body></html>\n',
    });
    const response = await upload(team, { fileName: "vieux-site.zip", bytes: archive });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.match(response.body, /<caption>Pages de remplacement importées en brouillon, non publiées<\/caption>/);
    assert.match(response.body, /<code>\/modele<\/code>/);
    assert.match(response.body, /<caption>Liens vers des formulaires ou services d’inscription que la plateforme remplace<\/caption>/);
    assert.match(response.body, /https:\/\/x1y2\.sibforms\.com\/serve\/MUIFAB<\/code><\/td><td>Brevo \(Sendinblue\)<\/td><td>la lettre d’information du programme/);
    assert.match(response.body, /https:\/\/www\.eventbrite\.fr\/e\/billets-atelier-42<\/code><\/td><td>Eventbrite<\/td><td><a href="\/evenements">l’inscription aux événements de l’agenda<\/a>/);
    assert.equal((await findItemByPath(platform.database.db, "/modele"))?.status, "draft");
    assert.equal((await browser().get("/modele")).statusCode, 404);
    assert.equal((await findItemByPath(platform.database.db, "/inscriptions"))?.status, "published");
  });

  it("makes an imported Hugo Academic event page an event of the agenda, in the archive of /evenements, its old address leading there, once", async () => {
    const archive = zipOf({
      "academic/config.yaml": "title: Site Academic\n",
      "academic/content/event/rencontre-donnees/index.md":
        '---\ntitle: "Rencontre des données 2021"\nevent: Programme 10%\nlocation: Salle Ségur\ndate: "2021-06-10T12:00:00Z"\ndate_end: "2021-06-10T15:30:00Z"\nall_day: false\nsummary: Une rencontre des experts.\n---\nLe programme de la rencontre.\n',
    });
    const response = await upload(team, { fileName: "academic.zip", bytes: archive });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.match(response.body, /Agenda\u00a0: événement créé \/evenements\/rencontre-donnees\./);
    const agenda = await browser().get("/evenements");
    const past = agenda.body.slice(agenda.body.indexOf('id="passes"'));
    assert.match(past, /<a href="\/evenements\/rencontre-donnees">Rencontre des données 2021<\/a>/);
    const old = await browser().get("/event/rencontre-donnees/");
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, "/evenements/rencontre-donnees");
    const page = await browser().get("/evenements/rencontre-donnees");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Jeudi 10 juin 2021, 14\u00a0h – 17\u00a0h\u00a030/);
    assert.match(page.body, /Salle Ségur/);

    const again = await upload(team, { fileName: "academic.zip", bytes: archive });
    assert.match(again.body, /Agenda\u00a0: événement inchangé \/evenements\/rencontre-donnees\./);
    const rows = await platform.database.db.select({ id: events.id }).from(events).where(like(events.slug, "rencontre-donnees%"));
    assert.equal(rows.length, 1);
  });

  it("leads an imported training's old address to its event even when its address identifier was taken by another event", async () => {
    const existing = { kind: "atelier", title: "Collision", startsAt: new Date("2030-01-01T13:00:00Z"), endsAt: new Date("2030-01-01T15:00:00Z") };
    await platform.database.db.insert(events).values({ ...existing, slug: "collision" });
    const archive = zipOf({
      "formations-site/config.yaml": "title: Formations\n",
      "formations-site/content/formations/_index.md": "---\ntitle: Formations\n---\n\n## Saison 2021\n\nUne formation **Collision** a été donnée par Ada Lovelace le 3 mars 2021, avec son replay.\n",
    });
    const response = await upload(team, { fileName: "formations.zip", bytes: archive });
    assert.match(response.body, /Agenda\u00a0: événement créé \/evenements\/collision-2\./);
    const old = await browser().get("/formations/collision");
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, "/evenements/collision-2");
  });
});
