import { eq } from "drizzle-orm";
import { projectReuses } from "../../../../db/schema/index.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import { InvalidInputError } from "../../../../shared/domain-error.ts";
import type { WorkspaceDeps } from "../../deps.ts";
import type { ReuseInput } from "../reuses-form.ts";

export const alreadyDeclaredMessage = "Votre administration a déjà déclaré utiliser ce projet. Pour modifier sa déclaration, retirez-la puis déclarez-la à nouveau.";

/** Records « Nous l'utilisons » for the person's organisation; a second one of the same organisation is refused at the form (unique index). */
export function createDeclareReuse(deps: Pick<WorkspaceDeps, "db" | "pageCache">) {
  return async function declareReuse(input: ReuseInput & { projectId: string; seasonId: string | null; organisationId: string; userId: string }): Promise<void> {
    try {
      await deps.db.transaction(async (tx) => {
        await tx.insert(projectReuses).values({ projectId: input.projectId, organisationId: input.organisationId, seasonId: input.seasonId, purpose: input.purpose, since: input.since, declaredBy: input.userId });
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_reuse_per_organisation_per_project")) throw new InvalidInputError({ _form: alreadyDeclaredMessage }, "duplicate_reuse");
      throw error;
    }
    deps.pageCache.clear();
  };
}

/** Withdraws a declaration (the route checked it is the declarer's or the programme team's). */
export function createWithdrawReuse(deps: Pick<WorkspaceDeps, "db" | "pageCache">) {
  return async function withdrawReuse(reuseId: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      await tx.delete(projectReuses).where(eq(projectReuses.id, reuseId));
    });
    deps.pageCache.clear();
  };
}
