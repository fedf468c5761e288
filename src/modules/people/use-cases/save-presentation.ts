import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { profiles } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { finishedOnboardingStep } from "../domain/profile-choices.ts";
import type { Presentation } from "../schemas.ts";

export type SavePresentationInput = Presentation & { userId: string; mode: "wizard" | "edit" };

/**
 * Step 3 of joining (and the last section of the edit page). In the wizard, the charter is accepted
 * and the member joins: `joined_at` is set once, and the profile enters the directory.
 */
export function createSavePresentation({ db, clock }: { db: Database; clock: Clock }) {
  return async function savePresentation(input: SavePresentationInput): Promise<void> {
    const now = clock.now();
    const updated = await db
      .update(profiles)
      .set({
        availability: input.availability,
        bio: input.bio ?? null,
        forgeUrl: input.forgeUrl ?? null,
        tchapId: input.tchapId ?? null,
        managerName: input.managerName ?? null,
        managerEmail: input.managerEmail ?? null,
        visibility: input.visibility,
        updatedAt: now,
        ...(input.mode === "wizard"
          ? {
              onboardingStep: finishedOnboardingStep,
              charterAcceptedAt: sql`coalesce(${profiles.charterAcceptedAt}, ${now.toISOString()}::timestamptz)`,
              joinedAt: sql`coalesce(${profiles.joinedAt}, ${now.toISOString()}::timestamptz)`,
            }
          : {}),
      })
      .where(eq(profiles.userId, input.userId))
      .returning({ userId: profiles.userId });
    if (updated.length === 0) throw new NotFoundError("Commencez par l’étape « Votre organisation et votre métier ».");
  };
}
