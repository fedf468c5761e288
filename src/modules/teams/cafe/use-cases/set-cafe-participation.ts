import { DomainError, NotFoundError } from "../../../../shared/domain-error.ts";
import { hashOptOutToken } from "../domain/opt-out-token.ts";
import type { TeamsDeps } from "../../deps.ts";
import { findUserByOptOutTokenHash, optIn, optOut } from "../repository.ts";
import { findProfileSummary } from "../../../people/api.ts";

/** Refused: only a member who finished joining the community (a profile in the directory) takes part. */
export class ProfileNotJoinedError extends DomainError {
  constructor() {
    super("cafe_profile_not_joined", "Terminez d’abord votre inscription à la communauté pour participer au café 10\u00a0%.");
  }
}

/** Opts a member in; refused without a joined profile. */
export function createJoinCafe(deps: Pick<TeamsDeps, "db" | "clock">) {
  return async (userId: string): Promise<void> => {
    const profile = await findProfileSummary(deps.db, userId);
    if (!profile?.joined || profile.erased) throw new ProfileNotJoinedError();
    await optIn(deps.db, userId, deps.clock.now());
  };
}

/** Opts a member out (nothing happens if they were not in). */
export function createLeaveCafe(deps: Pick<TeamsDeps, "db" | "clock">) {
  return async (userId: string): Promise<void> => {
    await optOut(deps.db, userId, deps.clock.now());
  };
}

/** The one-click opt-out of a mail: the token is the authorisation; an unknown token is a 404. */
export function createLeaveCafeByToken(deps: Pick<TeamsDeps, "db" | "clock">) {
  return async (token: string): Promise<void> => {
    const userId = await findUserIdByOptOutToken(deps, token);
    if (!userId) throw new NotFoundError("Ce lien de désinscription n’est pas valable.");
    await optOut(deps.db, userId, deps.clock.now());
  };
}

export async function findUserIdByOptOutToken(deps: Pick<TeamsDeps, "db">, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return findUserByOptOutTokenHash(deps.db, hashOptOutToken(token));
}
