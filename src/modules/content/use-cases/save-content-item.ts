import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import { contentItems, contentRevisions } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { type ContentAuthor, type ContentFields, type ContentItem, contentPath } from "../domain/content-item.ts";
import { validateContentFields } from "../domain/validate-content.ts";
import { deleteRedirect, fieldsToRow, findItemById, findItemByPath, upsertRedirect } from "../repository.ts";

export type SaveContentItemInput = {
  /** Absent to create an item. */
  id?: string | undefined;
  /** The version the author was editing; a newer one saved meanwhile refuses the save. */
  expectedVersion?: number | undefined;
  fields: ContentFields;
  author: ContentAuthor;
  /** What the history says of this change (« Modification », « Import », « Restauration de la version 3 »). */
  note: string;
  sourceKey?: string | null | undefined;
  importHash?: string | null | undefined;
};

export type SaveContentItemResult = { item: ContentItem; created: boolean };

/**
 * Creates or updates an item in one transaction: the item, its revision (history), and the redirect
 * from its previous path when its slug changed. Used by the editor, the restore and the importer.
 */
export function createSaveContentItem({ db, clock }: { db: Database; clock: Clock }) {
  return async function saveContentItem(input: SaveContentItemInput): Promise<SaveContentItemResult> {
    return db.transaction((tx) => saveInTransaction(tx, clock, input));
  };
}

export async function saveInTransaction(tx: Executor, clock: Clock, input: SaveContentItemInput): Promise<SaveContentItemResult> {
  const fields = validateContentFields(input.fields);
  const path = contentPath(fields.kind, fields.slug);
  const now = clock.now();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('content_paths'))`);

  const owner = await findItemByPath(tx, path);
  if (owner && owner.id !== input.id) {
    throw new InvalidInputError({ slug: `Cette adresse (${path}) est déjà celle de « ${owner.title} ». Choisissez un autre identifiant.` }, "duplicate_path");
  }

  let item: ContentItem;
  let created = false;
  if (input.id) {
    const previous = await findItemById(tx, input.id);
    if (!previous) throw new NotFoundError("Ce contenu n’existe pas ou a été supprimé.");
    if (input.expectedVersion !== undefined && previous.version !== input.expectedVersion) {
      throw new InvalidInputError(
        { title: `Ce contenu a été modifié entre-temps (version ${previous.version}). Rechargez la page pour repartir de la dernière version ; vos modifications sont conservées ci-dessous.` },
        "stale_version",
      );
    }
    const [row] = await tx
      .update(contentItems)
      .set({
        ...fieldsToRow(fields),
        path,
        version: previous.version + 1,
        updatedAt: now,
        updatedBy: input.author.userId,
        ...(input.sourceKey !== undefined ? { sourceKey: input.sourceKey } : {}),
        ...(input.importHash !== undefined ? { importHash: input.importHash } : {}),
      })
      .where(eq(contentItems.id, previous.id))
      .returning({ id: contentItems.id });
    if (!row) throw new NotFoundError("Ce contenu n’existe pas ou a été supprimé.");
    if (previous.path !== path) await upsertRedirect(tx, previous.path, { itemId: previous.id });
    item = (await findItemById(tx, previous.id))!;
  } else {
    const [row] = await tx
      .insert(contentItems)
      .values({
        ...fieldsToRow(fields),
        path,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: input.author.userId,
        sourceKey: input.sourceKey ?? null,
        importHash: input.importHash ?? null,
      })
      .returning({ id: contentItems.id });
    item = (await findItemById(tx, row!.id))!;
    created = true;
  }
  await deleteRedirect(tx, path);
  await tx.insert(contentRevisions).values({
    itemId: item.id,
    version: item.version,
    snapshot: snapshotOf(fields),
    authorId: input.author.userId,
    authorLabel: input.author.label,
    note: input.note,
    createdAt: now,
  });
  return { item, created };
}

function snapshotOf(fields: ContentFields): Record<string, unknown> {
  return { ...fields, date: fields.date?.toISOString() ?? null, publishAt: fields.publishAt?.toISOString() ?? null };
}
