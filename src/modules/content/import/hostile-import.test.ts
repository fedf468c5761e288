import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { count } from "drizzle-orm";
import { contentAssets, contentItems } from "../../../db/schema/index.ts";
import { escapeHtml } from "../../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { openTestDatabase, startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { craftZip, deflatedZeros, type ZipEntry } from "../../../../tests/support/zip-archive.ts";
import { systemClock } from "../../../shared/clock.ts";
import { createFileMediaStorage } from "../media/media-storage.ts";
import { findItemByPath } from "../repository.ts";
import { createImportContent } from "./import-content.ts";

/** A 1×1 transparent PNG. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let archives = 0;
let harmless: ZipEntry[] = [];

/**
 * What a harmless archive holds: a post (of its own address, so that one test's leak cannot fail the
 * next one) and its image. A hostile entry comes after them: an archive refused late would import them.
 */
function harmlessEntries(): ZipEntry[] {
  archives += 1;
  return [
    { name: "export/actualites/2024-05-02-accueil.md", data: `---\ntitle: Bienvenue\ndate: 2024-05-02\nslug: bienvenue-${archives}\n---\nBonjour ![photo](photo.png)\n` },
    { name: "export/actualites/photo.png", data: Buffer.concat([png, Buffer.from(String(archives))]) },
  ];
}

async function filesUnder(directory: string): Promise<string[]> {
  try {
    return (await fs.readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

describe("hostile zip archives uploaded to /admin/contenus/import", () => {
  let platform: TestPlatform;
  let team: HttpSession;
  let temporary: string;
  const previousTmpdir = process.env.TMPDIR;

  const written = async () => {
    const db = platform.database.db;
    return {
      items: (await db.select({ total: count() }).from(contentItems))[0]!.total,
      assets: (await db.select({ total: count() }).from(contentAssets))[0]!.total,
      mediaFiles: (await filesUnder(path.join(platform.config.DATA_DIR, "medias"))).length,
    };
  };

  /** Uploads the archive, expects the form again with `message` at the archive field, and nothing written anywhere. */
  async function assertRefused(archive: Buffer, message: string) {
    const before = await written();
    const response = await team.postMultipart("/admin/contenus/import", {}, { archive: { fileName: "site.zip", bytes: archive, type: "application/zip" } });
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    const field = response.body.slice(response.body.indexOf('<div class="fr-upload-group'));
    assert.match(field, /^<div class="fr-upload-group fr-upload-group--error">/);
    assert.ok(field.includes(`<p class="fr-message fr-message--error">${escapeHtml(message)}</p>`), `message « ${message} » absent : ${field.slice(0, 800)}`);
    assert.deepEqual(await written(), before, "no content item, asset or media file written");
    assert.equal(await findItemByPath(platform.database.db, `/actualites/bienvenue-${archives}`), null);
    assert.deepEqual(await filesUnder(temporary), [], "no temporary file left");
  }

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    // The route unpacks into os.tmpdir(): a folder of this test's own, to see what is left there.
    temporary = await fs.mkdtemp(path.join(os.tmpdir(), "p10-hostile-tmp-"));
    process.env.TMPDIR = temporary;
  });
  beforeEach(async () => {
    harmless = harmlessEntries();
    assert.deepEqual(await filesUnder(temporary), []);
  });
  after(async () => {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    await fs.rm(temporary, { recursive: true, force: true });
    await platform.stop();
  });

  it("refuses names that leave the folder (zip slip): `../`, absolute, drive letters, backslashes", async () => {
    for (const name of ["../evasion.md", "export/../../evasion.md", "/tmp/absolu.md", "C:/Windows/evasion.md", "export\\..\\..\\evasion.md"]) {
      const shown = name.replace(/\\/g, "/");
      await assertRefused(craftZip([...harmless, { name, data: "---\ntitle: Évasion\n---\n" }]), `L’archive contient un chemin qui sort de son dossier (${shown}) : elle est refusée.`);
    }
    assert.equal(await fs.stat(path.join(path.dirname(temporary), "evasion.md")).catch(() => null), null);
  });

  it("refuses a symbolic link entry, whatever it points to", async () => {
    await assertRefused(
      craftZip([...harmless, { name: "export/actualites/lien.md", data: "../../../../etc/passwd", unixMode: 0o120777 }]),
      "L’archive contient un lien symbolique (export/actualites/lien.md) : elle est refusée. Recréez-la sans l’option -y de zip, qui garde les liens.",
    );
  });

  it("refuses more than 5,000 entries", async () => {
    const many = Array.from({ length: 5000 - harmless.length + 1 }, (_, index): ZipEntry => ({ name: `export/pages/page-${index}.md`, data: `---\ntitle: Page ${index}\n---\n` }));
    await assertRefused(craftZip([...harmless, ...many]), "L’archive contient trop de fichiers (5000 au plus).");
  });

  it("refuses an archive that would unpack to more than 200 MB (a zip bomb), before writing any of it", async () => {
    const bomb = await deflatedZeros(70 * 1024 * 1024);
    assert.ok(bomb.bytes.length < 1024 * 1024);
    const entries = [0, 1, 2].map((index): ZipEntry => ({ name: `export/fichiers/zeros-${index}.txt`, deflated: bomb }));
    await assertRefused(craftZip([...harmless, ...entries]), "L’archive décompressée dépasse 200\u00a0Mo.");
  });

  it("cuts a file that unpacks to more than its declared size and leaves nothing behind", async () => {
    const bomb = await deflatedZeros(8 * 1024 * 1024);
    await assertRefused(craftZip([...harmless, { name: "export/fichiers/menteur.txt", deflated: bomb, declaredSize: 100 }]), "Un fichier de l’archive est illisible ou corrompu.");
  });

  it("refuses an upload over 50 MB", async () => {
    await assertRefused(Buffer.concat([craftZip(harmless), Buffer.alloc(50 * 1024 * 1024)]), "L’archive dépasse 50\u00a0Mo.");
  });

  it("still imports the harmless part alone, and leaves no temporary file", async () => {
    const response = await team.postMultipart("/admin/contenus/import", {}, { archive: { fileName: "site.zip", bytes: craftZip(harmless), type: "application/zip" } });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.ok(await findItemByPath(platform.database.db, `/actualites/bienvenue-${archives}`));
    assert.deepEqual(await filesUnder(temporary), []);
  });
});

describe("a folder imported by `npm run import:content` never reads through a symbolic link", () => {
  it("ignores linked folders and linked files, even a referenced image whose link points outside", async () => {
    const testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), "p10-hostile-folder-"));
    try {
      const outside = path.join(workspace, "ailleurs");
      await fs.mkdir(path.join(outside, "secrets"), { recursive: true });
      await fs.writeFile(path.join(outside, "secret.png"), png);
      await fs.writeFile(path.join(outside, "secrets", "2024-01-01-fuite.md"), "---\ntitle: Fuite\nslug: fuite\n---\nSecret.\n");
      const site = path.join(workspace, "site");
      await fs.mkdir(path.join(site, "content", "actualites"), { recursive: true });
      await fs.mkdir(path.join(site, "static", "img"), { recursive: true });
      await fs.writeFile(path.join(site, "config.yaml"), "title: Site\n");
      await fs.writeFile(path.join(site, "content", "actualites", "2024-02-02-photo.md"), "---\ntitle: Photo\nslug: photo-liee\n---\n![Une photo](/img/photo.png) et ![Une autre](/liens/secret.png)\n");
      await fs.symlink(path.join(outside, "secret.png"), path.join(site, "static", "img", "photo.png"));
      await fs.symlink(outside, path.join(site, "static", "liens"));
      await fs.symlink(path.join(outside, "secrets"), path.join(site, "content", "actualites", "lien"));

      const dataDir = path.join(workspace, "data");
      const importContent = createImportContent({ db: testDatabase.database.db, clock: systemClock, media: createFileMediaStorage(dataDir) });
      const report = await importContent(site);
      assert.equal(report.counts.created, 1, JSON.stringify(report.entries));
      const post = await findItemByPath(testDatabase.database.db, "/actualites/photo-liee");
      assert.ok(post);
      assert.match(post.body, /\]\(\/img\/photo\.png\)/, "the linked image is not read");
      assert.match(post.body, /\]\(\/liens\/secret\.png\)/, "nor an image under a linked folder");
      assert.equal(await findItemByPath(testDatabase.database.db, "/actualites/fuite"), null, "a linked folder is not walked");
      assert.equal((await testDatabase.database.db.select({ total: count() }).from(contentAssets))[0]!.total, 0);
      assert.deepEqual(await filesUnder(path.join(dataDir, "medias")), []);
    } finally {
      await testDatabase.close();
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });
});
