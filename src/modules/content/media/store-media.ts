import { createHash } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { contentAssets } from "../../../db/schema/index.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import type { MediaStorage } from "./media-storage.ts";
import { acceptedMediaTypes, maxMediaBytes, sniffMediaType } from "./media-types.ts";
import { safeFileName } from "../../../shared/safe-file-name.ts";

export type StoredMedia = { path: string; created: boolean };

/**
 * Stores an image or file and records it; the same bytes under the same name are stored once.
 * The field named in errors is `field` (the form's upload field).
 */
export async function storeMedia(
  db: Executor,
  storage: MediaStorage,
  input: { fileName: string; bytes: Uint8Array; createdBy: string | null; field?: string },
): Promise<StoredMedia> {
  const field = input.field ?? "file";
  const fileName = safeFileName(input.fileName);
  const declared = acceptedMediaTypes[path.extname(fileName)];
  if (!declared) throw new InvalidInputError({ [field]: "Format non accepté : choisissez une image PNG, JPEG, GIF, WebP ou SVG, ou un PDF." });
  if (input.bytes.byteLength === 0) throw new InvalidInputError({ [field]: "Le fichier est vide." });
  if (input.bytes.byteLength > maxMediaBytes) throw new InvalidInputError({ [field]: "Le fichier dépasse 10 Mo." });
  const sniffed = sniffMediaType(input.bytes);
  if (sniffed !== declared) throw new InvalidInputError({ [field]: "Le contenu du fichier ne correspond pas à son extension." });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const publicPath = `/medias/${sha256.slice(0, 12)}/${fileName}`;
  const [existing] = await db.select({ path: contentAssets.path }).from(contentAssets).where(eq(contentAssets.path, publicPath));
  if (existing) return { path: existing.path, created: false };
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  await storage.put(storageKey, input.bytes);
  await db
    .insert(contentAssets)
    .values({ path: publicPath, storageKey, contentType: declared, size: input.bytes.byteLength, sha256, fileName, createdBy: input.createdBy })
    .onConflictDoNothing();
  return { path: publicPath, created: true };
}
