import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { isDeletionConfirmed, wrongConfirmationMessage } from "../domain/deletion-confirmation.ts";
import type { PersonalDataContribution, PersonalDataSubject } from "../personal-data.ts";

export type DeleteAccountDeps = { db: Database; clock: Clock; contributions: readonly PersonalDataContribution[] };

/**
 * Deletes the person's account in ONE transaction: every module erases what it owns (personal data
 * deleted, contributions kept on the anonymised account, shown as « Ancien membre »). Either everything
 * is erased or nothing is.
 */
export function createDeleteAccount(deps: DeleteAccountDeps) {
  return async function deleteAccount(input: { person: PersonalDataSubject; confirmation: string }): Promise<void> {
    if (!isDeletionConfirmed(input.confirmation, input.person.email)) throw new InvalidInputError({ confirmation: wrongConfirmationMessage }, "deletion_not_confirmed");
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      for (const contribution of deps.contributions) await contribution.erase(tx, input.person, { now });
    });
  };
}
