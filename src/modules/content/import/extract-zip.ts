import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { InvalidInputError } from "../../../shared/domain-error.ts";

export const zipLimits = { uploadBytes: 50 * 1024 * 1024, extractedBytes: 200 * 1024 * 1024, entries: 5000 };

const invalid = (message: string) => new InvalidInputError({ archive: message });

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Names are decoded here (decodeStrings: false) so that an escaping path gets its own message below,
    // not yauzl's generic error; validateEntrySizes stops a stream as soon as it exceeds its declared size.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (error, zip) => {
      if (error || !zip) reject(invalid("Ce fichier n’est pas une archive zip lisible."));
      else resolve(zip);
    });
  });
}

const megabytes = (bytes: number) => `${bytes / 1024 / 1024}\u00a0Mo`;

/** Unix file type bits of an entry's external attributes (zero when the archive was not made on Unix). */
const isSymbolicLink = (entry: Entry) => ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

type CheckedEntry = { entry: Entry; name: string; target: string };

/** Reads the archive's directory only, and refuses it whole before anything is written (see `extractZip`). */
async function checkEntries(bytes: Buffer, root: string): Promise<CheckedEntry[]> {
  const zip = await openZip(bytes);
  if (zip.entryCount > zipLimits.entries) {
    zip.close();
    throw invalid(`L’archive contient trop de fichiers (${zipLimits.entries} au plus).`);
  }
  const checked: CheckedEntry[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", () => reject(invalid("Cette archive zip est corrompue.")));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false).replace(/\\/g, "/");
        const target = path.resolve(root, name);
        if (/^[a-zA-Z]:/.test(name) || path.isAbsolute(name) || name.split("/").includes("..") || (target !== root && !target.startsWith(root + path.sep))) {
          return reject(invalid(`L’archive contient un chemin qui sort de son dossier (${name}) : elle est refusée.`));
        }
        if (isSymbolicLink(entry)) {
          return reject(invalid(`L’archive contient un lien symbolique (${name}) : elle est refusée. Recréez-la sans l’option -y de zip, qui garde les liens.`));
        }
        declared += entry.uncompressedSize;
        if (declared > zipLimits.extractedBytes) return reject(invalid(`L’archive décompressée dépasse ${megabytes(zipLimits.extractedBytes)}.`));
        checked.push({ entry, name, target });
        zip.readEntry();
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return checked;
}

/**
 * Unpacks a zip into `destination`, refusing what could escape it or exhaust the disk: paths outside
 * the folder (zip slip), symbolic links, more than `zipLimits.entries` entries or more than
 * `zipLimits.extractedBytes` once unpacked. Those are checked on the archive's directory before anything
 * is written; while unpacking, a file's stream is cut as soon as it exceeds its declared size. Only regular
 * files and folders are written. Errors are field errors of `archive`; the caller removes `destination`.
 */
export async function extractZip(bytes: Buffer, destination: string): Promise<{ files: number }> {
  if (bytes.length === 0) throw invalid("Le fichier est vide.");
  const root = path.resolve(destination);
  const entries = await checkEntries(bytes, root);
  // Mac archives add resource forks; they are not content.
  const wanted = entries.filter(({ name }) => !name.startsWith("__MACOSX/"));
  if (!wanted.some(({ name }) => !name.endsWith("/"))) throw invalid("L’archive est vide.");
  const zip = await openZip(bytes);
  const readStream = (entry: Entry) =>
    new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(invalid("Un fichier de l’archive est illisible.")) : resolve(stream))),
    );
  let files = 0;
  try {
    for (const { entry, name, target } of wanted) {
      if (name.endsWith("/")) {
        await fs.mkdir(target, { recursive: true });
        continue;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(await readStream(entry), createWriteStream(target, { flags: "wx" }));
      } catch (error) {
        if (error instanceof InvalidInputError) throw error;
        const duplicate = (error as NodeJS.ErrnoException).code === "EEXIST";
        throw invalid(duplicate ? "Un fichier de l’archive n’a pas pu être décompressé (nom en double ?)." : "Un fichier de l’archive est illisible ou corrompu.");
      }
      files += 1;
    }
  } finally {
    zip.close();
  }
  return { files };
}
