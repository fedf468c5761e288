import type { Database } from "../../../../db/client.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { NotFoundError } from "../../../../shared/domain-error.ts";
import type { ContentAuthor } from "../../domain/content-item.ts";
import { findItemById, findRevision } from "../../repository.ts";
import { createSaveContentItem, type SaveContentItemResult } from "../../use-cases/save-content-item.ts";

/**
 * Puts a previous version's fields back as a new version (the history keeps every step).
 * A slug another item took since then is refused by the save, at the `slug` field.
 */
export function createRestoreRevision(deps: { db: Database; clock: Clock }) {
  const saveContentItem = createSaveContentItem(deps);
  return async function restoreRevision(input: { itemId: string; version: number; author: ContentAuthor }): Promise<SaveContentItemResult> {
    const item = await findItemById(deps.db, input.itemId);
    const revision = item ? await findRevision(deps.db, item.id, input.version) : null;
    if (!item || !revision) throw new NotFoundError("Cette version n’existe pas.");
    return saveContentItem({
      id: item.id,
      expectedVersion: item.version,
      fields: { ...revision.fields, kind: item.kind },
      author: input.author,
      note: `Restauration de la version ${input.version}`,
    });
  };
}
