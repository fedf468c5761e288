import path from "node:path";
import type { Database } from "../../../../db/client.ts";
import { InvalidInputError } from "../../../../shared/domain-error.ts";
import type { MediaStorage } from "../../media/media-storage.ts";
import { storeMedia } from "../../media/store-media.ts";
import type { UploadedFile } from "../../../../http/uploads.ts";

const imageExtensions = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"]);

/**
 * Stores an image sent from the editor (a cover, or one to insert in the text) and returns its public path.
 * Only images: a PDF is a file to link to, not a picture to show.
 */
export function createStoreEditorImage(deps: { db: Database; media: MediaStorage }) {
  return async function storeEditorImage(input: { file: UploadedFile; field: string; createdBy: string }): Promise<string> {
    if (input.file.tooLarge) throw new InvalidInputError({ [input.field]: "L’image dépasse 10\u00a0Mo\u00a0: réduisez-la avant de l’envoyer." });
    if (!input.file.fileName) throw new InvalidInputError({ [input.field]: "Choisissez une image." });
    if (!imageExtensions.has(path.extname(input.file.fileName).toLowerCase())) {
      throw new InvalidInputError({ [input.field]: "Format non accepté\u00a0: choisissez une image PNG, JPEG, GIF, WebP ou SVG." });
    }
    const stored = await storeMedia(deps.db, deps.media, { fileName: input.file.fileName, bytes: input.file.bytes, createdBy: input.createdBy, field: input.field });
    return stored.path;
  };
}
