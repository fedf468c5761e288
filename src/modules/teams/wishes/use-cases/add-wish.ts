import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { wishes, wishLists } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { InvalidInputError } from "../../../../shared/domain-error.ts";
import { listProjectsOfSeason } from "../../../projects/api.ts";
import { isProjectLead } from "../../team-repository.ts";
import { maxWishes, type WishWindow } from "../wish-window.ts";
import { replaceWishes, requireOpenWishWindow } from "./save-wish-list.ts";

/**
 * « Je souhaite contribuer »: appends a project of the open season to the member's wishes at the next
 * free rank; the list becomes a draft to send. A project already wished, a sixth wish, or the project the
 * member leads this season is refused.
 */
export function createAddWish(deps: { db: Database; clock: Clock }) {
  return async function addWish(input: { userId: string; projectId: string }): Promise<{ rank: number; projectId: string; projectTitle: string; window: WishWindow }> {
    const now = deps.clock.now();
    const window = await requireOpenWishWindow(deps.db, now);
    const seasonId = window.season.id;
    const project = (await listProjectsOfSeason(deps.db, seasonId)).find((candidate) => candidate.id === input.projectId);
    if (!project) throw new InvalidInputError({ projectId: "Ce projet ne participe pas à la saison dont les vœux sont ouverts." });
    // A lead is already in their project's team: a wish for it would mean nothing.
    if (await isProjectLead(deps.db, input.userId, project.id, seasonId)) throw new InvalidInputError({ projectId: `Vous portez ${project.title} cette saison : vous êtes déjà dans son équipe.` }, "own_project");
    return deps.db.transaction(async (tx) => {
      // The upsert locks the member's list row: two adds at once take the next ranks one after the other.
      await tx
        .insert(wishLists)
        .values({ userId: input.userId, seasonId, state: "draft", updatedAt: now })
        .onConflictDoUpdate({ target: [wishLists.userId, wishLists.seasonId], set: { state: "draft", submittedAt: null, updatedAt: now } });
      const kept = await tx
        .select({ projectId: wishes.projectId, motivation: wishes.motivation })
        .from(wishes)
        .where(and(eq(wishes.userId, input.userId), eq(wishes.seasonId, seasonId)))
        .orderBy(asc(wishes.rank));
      if (kept.some((wish) => wish.projectId === project.id)) throw new InvalidInputError({ projectId: `${project.title} est déjà dans vos vœux.` }, "already_wished");
      if (kept.length >= maxWishes) throw new InvalidInputError({ projectId: `Vous avez déjà ${maxWishes}\u00a0vœux\u00a0: retirez-en un pour ajouter ${project.title}.` }, "too_many_wishes");
      await replaceWishes(tx, input.userId, seasonId, [...kept, { projectId: project.id, motivation: "" }]);
      return { rank: kept.length + 1, projectId: project.id, projectTitle: project.title, window };
    });
  };
}
