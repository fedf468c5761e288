import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../shared/clock.ts";
import { DomainError } from "../../../shared/domain-error.ts";
import { emailSchema } from "../domain/email-address.ts";
import { ensureAccount, openSession, type OpenedSession, type OrganisationLookup } from "./accounts.ts";

/** The claims ProConnect returns for the scopes we ask. */
export type ProConnectClaims = { sub: string; email: string; given_name?: string; usual_name?: string; uid?: string; siret?: string; idp_id?: string };

export class ProConnectRefusedError extends DomainError {
  constructor(message = "La connexion avec ProConnect n’a pas abouti. Réessayez, ou recevez un lien de connexion par courriel.", cause?: unknown) {
    super("proconnect_refused", message, { cause });
  }
}

/** ProConnect vouched for an agent whose address is not a public body's, nor its SIRET: refused like a magic link. */
export class ProConnectAddressRefusedError extends ProConnectRefusedError {
  constructor(email: string) {
    super(
      `L’adresse ${email} transmise par ProConnect n’est pas celle d’un organisme public, ni son SIRET. La plateforme est réservée aux agents publics. Si votre administration n’est pas reconnue, écrivez à l’équipe du programme.`,
    );
  }
}

/** SIREN of public-law legal persons start with 1 (State, national public bodies) or 2 (local authorities and their bodies). */
function isPublicSiret(siret: string | undefined): boolean {
  return siret !== undefined && /^[12]\d{13}$/.test(siret);
}

export function createSignInWithProConnect(deps: { db: Database; clock: Clock; organisations: OrganisationLookup & { isEligibleEmail(email: string): Promise<boolean> } }) {
  return async function signInWithProConnect(input: { claims: ProConnectClaims; idToken: string; userAgent?: string | undefined }): Promise<OpenedSession & { userId: string }> {
    const email = emailSchema.safeParse(input.claims.email);
    if (!email.success) throw new ProConnectRefusedError("ProConnect n’a pas transmis d’adresse électronique valide.");
    if (!(await deps.organisations.isEligibleEmail(email.data)) && !isPublicSiret(input.claims.siret)) throw new ProConnectAddressRefusedError(email.data);
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const userId = await ensureAccount(
        tx,
        {
          email: email.data,
          givenName: input.claims.given_name?.slice(0, 100) ?? null,
          usualName: input.claims.usual_name?.slice(0, 100) ?? null,
          siret: input.claims.siret?.slice(0, 14) ?? null,
          proconnectSub: input.claims.sub,
        },
        deps.organisations,
        now,
      );
      const session = await openSession(tx, { userId, method: "proconnect", userAgent: input.userAgent, idToken: input.idToken }, deps.clock);
      return { ...session, userId };
    });
  };
}
