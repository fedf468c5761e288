import type { Database } from "../../../../db/client.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { NotFoundError } from "../../../../shared/domain-error.ts";
import type { ContentAuthor } from "../../domain/content-item.ts";
import { findItemById } from "../../repository.ts";
import { createSaveContentItem, type SaveContentItemResult } from "../../use-cases/save-content-item.ts";

/** « Publier maintenant » (published, no waiting) and « Dépublier » (back to draft), as a new version. */
export function createChangePublication(deps: { db: Database; clock: Clock }) {
  const saveContentItem = createSaveContentItem(deps);
  return async function changePublication(input: { itemId: string; expectedVersion: number; publish: boolean; author: ContentAuthor }): Promise<SaveContentItemResult> {
    const item = await findItemById(deps.db, input.itemId);
    if (!item) throw new NotFoundError("Ce contenu n’existe pas ou a été supprimé.");
    const { id: _id, path: _path, sourceKey: _sourceKey, importHash: _importHash, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = item;
    return saveContentItem({
      id: item.id,
      expectedVersion: input.expectedVersion,
      fields: input.publish ? { ...fields, status: "published", publishAt: null } : { ...fields, status: "draft" },
      author: input.author,
      note: input.publish ? "Publication" : "Dépublication",
    });
  };
}
