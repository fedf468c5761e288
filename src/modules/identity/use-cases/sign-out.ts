import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../shared/clock.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { findSessionIdToken } from "../repository.ts";
import { revokeSessionRow } from "./accounts.ts";

/** Ends the current session; returns the ProConnect id_token when the provider must be signed out too. */
export function createSignOut(deps: { db: Database; clock: Clock }) {
  return async function signOut(input: { sessionId: string; userId: string }): Promise<{ idToken: string | null }> {
    return deps.db.transaction(async (tx) => {
      const idToken = await findSessionIdToken(tx, input.sessionId);
      await revokeSessionRow(tx, input, deps.clock.now());
      return { idToken };
    });
  };
}

/** Revokes one of the person's own sessions (listed on the account page). */
export function createRevokeSession(deps: { db: Database; clock: Clock }) {
  return async function revokeSession(input: { sessionId: string; userId: string }): Promise<void> {
    await deps.db.transaction(async (tx) => {
      if (!(await revokeSessionRow(tx, input, deps.clock.now()))) throw new NotFoundError("Cette session n’existe pas ou est déjà fermée.");
    });
  };
}
