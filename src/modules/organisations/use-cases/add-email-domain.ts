import { emailDomains } from "../../../db/schema/index.ts";
import type { Database } from "../../../db/client.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { findOrganisationById } from "../repository.ts";

export type AddEmailDomainInput = { domain: string; organisationId?: string | undefined; addedBy: string };

/** The programme team opens sign-in to a public body whose domain is not on the reference list. */
export function createAddEmailDomain({ db }: { db: Database }) {
  return async function addEmailDomain(input: AddEmailDomainInput): Promise<void> {
    await db.transaction(async (tx) => {
      if (input.organisationId && !(await findOrganisationById(tx, input.organisationId))) {
        throw new InvalidInputError({ organisationId: "Cette organisation n’existe pas." });
      }
      const inserted = await tx
        .insert(emailDomains)
        .values({ domain: input.domain, organisationId: input.organisationId ?? null, addedBy: input.addedBy })
        .onConflictDoNothing()
        .returning({ domain: emailDomains.domain });
      if (inserted.length === 0) throw new InvalidInputError({ domain: "Ce domaine est déjà enregistré." }, "duplicate_domain");
    });
  };
}
