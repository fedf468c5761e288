import type { Executor } from "../../../db/client.ts";
import type { PublicDomains } from "../domain/public-domains.ts";
import { isKnownEmailDomain } from "../repository.ts";

/** A public agent's address: its domain is on the reference list or was added by the programme team. */
export function createCheckEmailEligibility({ db, publicDomains }: { db: Executor; publicDomains: PublicDomains }) {
  return async function isEligibleEmail(email: string): Promise<boolean> {
    const domain = email.split("@").pop()?.toLowerCase() ?? "";
    if (!domain.includes(".")) return false;
    return publicDomains.has(domain) || (await isKnownEmailDomain(db, domain));
  };
}
