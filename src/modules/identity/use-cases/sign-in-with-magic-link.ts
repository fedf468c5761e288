import { and, gt, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { magicLinks } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { DomainError } from "../../../shared/domain-error.ts";
import { hashToken } from "../domain/tokens.ts";
import { ensureAccount, openSession, type OpenedSession, type OrganisationLookup } from "./accounts.ts";

export class InvalidSignInLinkError extends DomainError {
  constructor() {
    super("invalid_sign_in_link", "Ce lien de connexion n’est plus valable\u00a0: il a déjà servi ou il a expiré (au bout de 15 minutes). Demandez-en un nouveau.");
  }
}

/** Uses a link once (atomically), creates the account at first sign-in and opens a session. */
export function createSignInWithMagicLink(deps: { db: Database; clock: Clock; organisations: OrganisationLookup }) {
  return async function signInWithMagicLink(input: { token: string; userAgent?: string | undefined }): Promise<OpenedSession & { returnTo: string | null; userId: string }> {
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const [link] = await tx
        .update(magicLinks)
        .set({ usedAt: now })
        .where(and(eq(magicLinks.tokenHash, hashToken(input.token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
        .returning({ email: magicLinks.email, returnTo: magicLinks.returnTo });
      if (!link) throw new InvalidSignInLinkError();
      const userId = await ensureAccount(tx, { email: link.email }, deps.organisations, now);
      const session = await openSession(tx, { userId, method: "magic_link", userAgent: input.userAgent }, deps.clock);
      return { ...session, returnTo: link.returnTo, userId };
    });
  };
}
