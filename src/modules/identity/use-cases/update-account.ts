import { eq } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import { users } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";

export type UpdateAccountInput = { userId: string; givenName: string; usualName: string; organisationId?: string | undefined };

export function createUpdateAccount(deps: { db: Database; clock: Clock; organisationExists(id: string): Promise<boolean> }) {
  return async function updateAccount(input: UpdateAccountInput): Promise<void> {
    if (input.organisationId && !(await deps.organisationExists(input.organisationId))) {
      throw new InvalidInputError({ organisationId: "Choisissez une organisation de la liste." });
    }
    await setAccountNameAndOrganisation(deps.db, input, deps.clock.now());
  };
}

/** Writes an account's name and organisation (checked by the caller), inside the caller's transaction if any. */
export async function setAccountNameAndOrganisation(db: Executor, input: UpdateAccountInput, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ givenName: input.givenName, usualName: input.usualName, organisationId: input.organisationId ?? null, updatedAt: now })
    .where(eq(users.id, input.userId));
}
