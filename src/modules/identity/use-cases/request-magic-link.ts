import type { Database } from "../../../db/client.ts";
import { magicLinks } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError, TooManyRequestsError } from "../../../shared/domain-error.ts";
import type { Mailer } from "../../mail/api.ts";
import { createToken, hashToken, magicLinkLifetimeMs, magicLinksPerAddressPerWindow } from "../domain/tokens.ts";
import { countRecentMagicLinks, lockMagicLinksOfAddress } from "../repository.ts";

export type RequestMagicLinkDeps = {
  db: Database;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  isEligibleEmail(email: string): Promise<boolean>;
  /** The refusal suggests ProConnect only when it is configured. */
  proconnectEnabled: boolean;
};

export const notPublicAddressCode = "not_public_address";

/** Why an address is refused, and what to do instead; the sign-in page adds the link to /contact under it. */
export function notPublicAddressMessage(proconnectEnabled: boolean): string {
  return (
    "Cette adresse n’est pas celle d’un organisme public. La plateforme est réservée aux agents publics\u00a0: utilisez votre adresse professionnelle " +
    `(par exemple prenom.nom@insee.fr)${proconnectEnabled ? " ou ProConnect" : ""}. ` +
    "Si votre administration n’est pas reconnue, écrivez à l’équipe du programme depuis la page Contact."
  );
}

/**
 * Sends a single-use sign-in link valid 15 minutes. The answer is the same whether or not an
 * account exists: accounts are created when the link is used.
 */
export function createRequestMagicLink(deps: RequestMagicLinkDeps) {
  return async function requestMagicLink(input: { email: string; returnTo: string | null; ip: string }): Promise<void> {
    if (!(await deps.isEligibleEmail(input.email))) throw new InvalidInputError({ email: notPublicAddressMessage(deps.proconnectEnabled) }, notPublicAddressCode);
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      // Without the lock, concurrent requests all counted the same links and all inserted (10 or 11 links out of 50 requests on PostgreSQL).
      await lockMagicLinksOfAddress(tx, input.email);
      const recent = await countRecentMagicLinks(tx, input.email, new Date(now.getTime() - magicLinkLifetimeMs));
      if (recent >= magicLinksPerAddressPerWindow) {
        throw new TooManyRequestsError("Trop de liens de connexion ont été demandés pour cette adresse. Utilisez le dernier reçu ou réessayez dans 15 minutes.");
      }
      const token = createToken();
      await tx.insert(magicLinks).values({
        email: input.email,
        tokenHash: hashToken(token),
        returnTo: input.returnTo,
        requestedIp: input.ip,
        createdAt: now,
        expiresAt: new Date(now.getTime() + magicLinkLifetimeMs),
      });
      const link = `${deps.publicUrl}/connexion/lien?jeton=${token}`;
      await deps.mailer.enqueue(tx, {
        to: input.email,
        subject: "Votre lien de connexion au Programme 10 %",
        text: [
          "Bonjour,",
          "",
          "Pour vous connecter à la plateforme du Programme 10 %, ouvrez ce lien\u00a0:",
          "",
          link,
          "",
          "Il est valable 15 minutes et ne peut servir qu’une fois.",
          "Si vous n’avez pas demandé à vous connecter, ignorez ce message\u00a0: personne ne pourra se connecter sans ce lien.",
          "",
          "L’équipe du Programme 10 %",
        ].join("\n"),
      });
    });
  };
}
