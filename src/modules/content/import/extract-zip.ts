import fs from "node:fs/promises";
import path from "node:path";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { InvalidInputError } from "../../../shared/domain-error.ts";

export const zipLimits = { uploadBytes: 50 * 1024 * 1024, extractedBytes: 200 * 1024 * 1024, entries: 5000 };

const invalid = (message: string) => new InvalidInputError({ archive: message });

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(invalid("Ce fichier n’est pas une archive zip lisible."));
      else resolve(zip);
    });
  });
}

/**
 * Unpacks a zip into `destination`, refusing what could escape it or exhaust the disk: paths outside
 * the folder (zip slip), more than `zipLimits.entries` entries or `zipLimits.extractedBytes` once unpacked.
 * Only regular files and folders are written (never links). Errors are field errors of `archive`.
 */
export async function extractZip(bytes: Buffer, destination: string): Promise<{ files: number }> {
  if (bytes.length === 0) throw invalid("Le fichier est vide.");
  const zip = await openZip(bytes);
  const root = path.resolve(destination);
  if (zip.entryCount > zipLimits.entries) {
    zip.close();
    throw invalid(`L’archive contient trop de fichiers (${zipLimits.entries} au plus).`);
  }
  let extracted = 0;
  let files = 0;

  const writeEntry = (entry: Entry, target: string) =>
    new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(invalid("Un fichier de l’archive est illisible."));
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => {
          extracted += chunk.length;
          if (extracted > zipLimits.extractedBytes) {
            stream.destroy(invalid(`L’archive décompressée dépasse ${zipLimits.extractedBytes / 1024 / 1024} Mo.`));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("error", (streamError) => reject(streamError instanceof InvalidInputError ? streamError : invalid("Un fichier de l’archive est illisible ou corrompu.")));
        stream.on("end", () => {
          fs.mkdir(path.dirname(target), { recursive: true })
            .then(() => fs.writeFile(target, Buffer.concat(chunks), { flag: "wx" }))
            .then(() => resolve(), () => reject(invalid("Un fichier de l’archive n’a pas pu être décompressé (nom en double ?).")));
        });
      });
    });

  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", () => reject(invalid("Cette archive zip est corrompue.")));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: Entry) => {
        const name = entry.fileName.replace(/\\/g, "/");
        const target = path.resolve(root, name);
        if (path.isAbsolute(name) || name.split("/").includes("..") || (target !== root && !target.startsWith(root + path.sep))) {
          return reject(invalid("L’archive contient un chemin qui sort de son dossier : elle est refusée."));
        }
        if (name.endsWith("/")) {
          fs.mkdir(target, { recursive: true }).then(() => zip.readEntry(), reject);
          return;
        }
        // Mac archives add resource forks; they are not content.
        if (name.startsWith("__MACOSX/")) return zip.readEntry();
        files += 1;
        writeEntry(entry, target).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (files === 0) throw invalid("L’archive est vide.");
  return { files };
}
