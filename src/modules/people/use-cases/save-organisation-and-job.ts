import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import { profiles } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { setAccountNameAndOrganisation } from "../../identity/api.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { firstFreeSlug, profileSlugBase } from "../domain/slugs.ts";
import { listTakenProfileSlugs } from "../repository.ts";
import type { OrganisationAndJob } from "../schemas.ts";

export type SaveOrganisationAndJobInput = OrganisationAndJob & { userId: string; mode: "wizard" | "edit" };

/**
 * Step 1 of joining (and the first section of the edit page): the account's name and organisation
 * and the profile's job, in one transaction. The first save creates the profile with its address.
 * Returns the profile's slug.
 */
export function createSaveOrganisationAndJob({ db, clock }: { db: Database; clock: Clock }) {
  return async function saveOrganisationAndJob(input: SaveOrganisationAndJobInput): Promise<string> {
    return db.transaction(async (tx) => {
      if (input.organisationId && (await organisationLookup.findName(tx, input.organisationId)) === null) {
        throw new InvalidInputError({ organisationId: "Cette organisation n’existe pas\u00a0: choisissez-en une de la liste." });
      }
      const now = clock.now();
      await setAccountNameAndOrganisation(tx, { userId: input.userId, givenName: input.givenName, usualName: input.usualName, organisationId: input.organisationId }, now);
      const [existing] = await tx.select({ slug: profiles.slug }).from(profiles).where(eq(profiles.userId, input.userId)).for("update");
      if (existing) {
        await tx
          .update(profiles)
          .set({
            jobFamily: input.jobFamily,
            unlistedOrganisation: input.unlistedOrganisation ?? null,
            updatedAt: now,
            ...(input.mode === "wizard" ? { onboardingStep: sql`greatest(${profiles.onboardingStep}, 2)` } : {}),
          })
          .where(eq(profiles.userId, input.userId));
        return existing.slug;
      }
      return createProfile(tx, {
        userId: input.userId,
        jobFamily: input.jobFamily,
        unlistedOrganisation: input.unlistedOrganisation ?? null,
        base: profileSlugBase(input.givenName, input.usualName),
        now,
      });
    });
  };
}

/** Inserts the profile under the first free address; a concurrent insert of the same address moves on to the next. */
async function createProfile(tx: Executor, input: { userId: string; jobFamily: string; unlistedOrganisation: string | null; base: string; now: Date }): Promise<string> {
  const taken = await listTakenProfileSlugs(tx, input.base);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const slug = firstFreeSlug(input.base, taken);
    const inserted = await tx
      .insert(profiles)
      .values({ userId: input.userId, slug, jobFamily: input.jobFamily, unlistedOrganisation: input.unlistedOrganisation, onboardingStep: 2, createdAt: input.now, updatedAt: input.now })
      .onConflictDoNothing()
      .returning({ slug: profiles.slug });
    if (inserted[0]) return inserted[0].slug;
    const [mine] = await tx.select({ slug: profiles.slug }).from(profiles).where(eq(profiles.userId, input.userId));
    if (mine) return mine.slug;
    taken.add(slug);
  }
  throw new Error(`Aucune adresse libre pour le profil ${input.base}`);
}
