import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { users } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";

export type UpdateAccountInput = { userId: string; givenName: string; usualName: string; organisationId?: string | undefined };

export function createUpdateAccount(deps: { db: Database; clock: Clock; organisationExists(id: string): Promise<boolean> }) {
  return async function updateAccount(input: UpdateAccountInput): Promise<void> {
    if (input.organisationId && !(await deps.organisationExists(input.organisationId))) {
      throw new InvalidInputError({ organisationId: "Choisissez une organisation de la liste." });
    }
    await deps.db
      .update(users)
      .set({ givenName: input.givenName, usualName: input.usualName, organisationId: input.organisationId ?? null, updatedAt: deps.clock.now() })
      .where(eq(users.id, input.userId));
  };
}
