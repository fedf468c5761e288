import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../../../db/client.ts";
import { wishes, wishLists } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { listSeasons } from "../../../seasons/api.ts";
import { isAssignmentPublished } from "../../team-repository.ts";
import { findWishWindow, publishedMessage, requireWishesOpen, WishesClosedError, type WishWindow } from "../wish-window.ts";
import type { WishInput } from "../wishes-form.ts";

export type SaveWishListInput = { userId: string; wishes: WishInput[]; anyProject: boolean; keepPreviousProject: boolean; submit: boolean };

/** The season whose wishes phase is open now and whose teams are not published yet; throws WishesClosedError (French) otherwise. */
export async function requireOpenWishWindow(db: Database | Transaction, now: Date): Promise<WishWindow> {
  const window = requireWishesOpen(findWishWindow(await listSeasons(db), now));
  if (await isAssignmentPublished(db, window.season.id)) throw new WishesClosedError(publishedMessage(window));
  return window;
}

/** Replaces the ranked rows of a wish list in the caller's transaction (ranks 1…n in the given order). */
export async function replaceWishes(tx: Transaction, userId: string, seasonId: string, list: WishInput[]): Promise<void> {
  await tx.delete(wishes).where(and(eq(wishes.userId, userId), eq(wishes.seasonId, seasonId)));
  if (list.length > 0) await tx.insert(wishes).values(list.map((wish, index) => ({ userId, seasonId, rank: index + 1, projectId: wish.projectId, motivation: wish.motivation })));
}

/**
 * Saves a member's wishes for the season whose phase is open (refused outside it): a draft, or sent
 * (`submitted`, again after a change). The list and its ranked rows are replaced in one transaction.
 * `keepPreviousProject` must already be checked against the member's previous project by the caller.
 */
export function createSaveWishList(deps: { db: Database; clock: Clock }) {
  return async function saveWishList(input: SaveWishListInput): Promise<{ seasonId: string; window: WishWindow }> {
    const now = deps.clock.now();
    const window = await requireOpenWishWindow(deps.db, now);
    const seasonId = window.season.id;
    await deps.db.transaction(async (tx) => {
      const values = { anyProject: input.anyProject, keepPreviousProject: input.keepPreviousProject, state: input.submit ? "submitted" : "draft", submittedAt: input.submit ? now : null, updatedAt: now };
      await tx
        .insert(wishLists)
        .values({ userId: input.userId, seasonId, ...values })
        .onConflictDoUpdate({ target: [wishLists.userId, wishLists.seasonId], set: values });
      await replaceWishes(tx, input.userId, seasonId, input.wishes);
    });
    return { seasonId, window };
  };
}
