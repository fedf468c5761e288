import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { profiles } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { Mailer } from "../../mail/api.ts";
import { finishedOnboardingStep } from "../domain/profile-choices.ts";
import { findProfileByUserId } from "../repository.ts";
import type { Presentation } from "../schemas.ts";
import { welcomeMail } from "../views/welcome-mail.ts";

export type SavePresentationInput = Presentation & { userId: string; mode: "wizard" | "edit" };

export const managerOutsidePublicBodiesMessage = "Indiquez l’adresse professionnelle de votre manager dans un organisme public, par exemple prenom.nom@ministere.gouv.fr.";

/**
 * Step 3 of joining (and the last section of the edit page). In the wizard, the charter is accepted
 * and the member joins: `joined_at` is set once, the profile enters the directory, and the welcome mail
 * is enqueued in the same transaction, only by the save that sets `joined_at` (the profile row is locked).
 */
export function createSavePresentation({ db, clock, mailer, publicUrl, isEligibleEmail }: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; isEligibleEmail: (email: string) => Promise<boolean> }) {
  return async function savePresentation(input: SavePresentationInput): Promise<void> {
    // Like the members' own addresses: the manager signs the « convention 10 % » as a public agent.
    if (input.managerEmail && !(await isEligibleEmail(input.managerEmail))) throw new InvalidInputError({ managerEmail: managerOutsidePublicBodiesMessage });
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [before] = await tx.select({ joinedAt: profiles.joinedAt }).from(profiles).where(eq(profiles.userId, input.userId)).for("update");
      if (!before) throw new NotFoundError("Commencez par l’étape « Votre organisation et votre métier ».");
      await tx
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
        .where(eq(profiles.userId, input.userId));
      if (input.mode !== "wizard" || before.joinedAt) return;
      const profile = await findProfileByUserId(tx, input.userId);
      if (profile) await mailer.enqueue(tx, welcomeMail({ to: profile.email, givenName: profile.givenName, slug: profile.slug }, publicUrl));
    });
  };
}
