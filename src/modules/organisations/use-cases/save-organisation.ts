import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client.ts";
import { emailDomains, organisations } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { descendantIds } from "../domain/hierarchy.ts";
import { siretMismatch } from "../domain/identifiers.ts";
import type { OrganisationKind } from "../domain/organisation-kinds.ts";
import { isUniqueViolation } from "../../../db/unique-violation.ts";
import { findEmailDomains, findOrganisationById, findOrganisationBySiren, listAllOrganisations, refreshMinistries } from "../repository.ts";

export type SaveOrganisationInput = {
  /** Absent to create. */
  id?: string | undefined;
  name: string;
  acronym?: string | undefined;
  kind: OrganisationKind;
  parentId?: string | undefined;
  siren?: string | undefined;
  siret?: string | undefined;
  domains: string[];
  savedBy: string;
};

/** Checks what the form alone cannot: the parent (no loop), the SIREN and domains nobody else holds. */
async function checkAgainstOthers(tx: Transaction, input: SaveOrganisationInput): Promise<void> {
  const errors: Record<string, string> = {};
  if (input.parentId) {
    const parent = await findOrganisationById(tx, input.parentId);
    if (!parent) errors.parentId = "Cette organisation n’existe pas.";
    else if (input.id && parent.id === input.id) errors.parentId = "Une organisation ne peut pas être rattachée à elle-même : choisissez une autre organisation parente.";
    else if (input.id && descendantIds(await listAllOrganisations(tx), input.id).has(parent.id)) {
      errors.parentId = `« ${parent.name} » dépend de cette organisation : la choisir comme parente créerait une boucle. Choisissez une organisation qui n’en dépend pas.`;
    }
  }
  const mismatch = siretMismatch(input.siren, input.siret);
  if (mismatch) errors.siret = mismatch;
  if (input.siren) {
    const holder = await findOrganisationBySiren(tx, input.siren);
    if (holder && holder.id !== input.id) errors.siren = `Ce SIREN est déjà celui de « ${holder.name} ». Fusionnez les deux organisations si c’est la même.`;
  }
  const taken = (await findEmailDomains(tx, input.domains)).filter((row) => row.organisationId && row.organisationId !== input.id);
  if (taken.length > 0) {
    errors.domains = taken.map((row) => `Le domaine ${row.domain} est déjà rattaché à « ${row.organisationName} ».`).join(" ");
  }
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
}

/** The programme team creates or edits an organisation: place in the tree, identifiers, e-mail domains. */
export function createSaveOrganisation({ db }: { db: Database }) {
  return async function saveOrganisation(input: SaveOrganisationInput): Promise<string> {
    try {
      return await db.transaction(async (tx) => {
        if (input.id && !(await findOrganisationById(tx, input.id))) throw new NotFoundError("Cette organisation n’existe pas ou a été fusionnée dans une autre.");
        await checkAgainstOthers(tx, input);
        const values = {
          name: input.name,
          acronym: input.acronym ?? null,
          kind: input.kind,
          parentId: input.parentId ?? null,
          siren: input.siren ?? null,
          siret: input.siret ?? null,
        };
        let id = input.id;
        if (id) {
          await tx.update(organisations).set({ ...values, updatedAt: sql`now()` }).where(eq(organisations.id, id));
        } else {
          const [row] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
          id = row!.id;
        }
        // A removed domain is detached, not deleted: addresses of that domain may still sign in.
        await tx
          .update(emailDomains)
          .set({ organisationId: null })
          .where(input.domains.length > 0 ? and(eq(emailDomains.organisationId, id), notInArray(emailDomains.domain, input.domains)) : eq(emailDomains.organisationId, id));
        if (input.domains.length > 0) {
          await tx.update(emailDomains).set({ organisationId: id }).where(and(inArray(emailDomains.domain, input.domains), sql`${emailDomains.organisationId} is null`));
          await tx
            .insert(emailDomains)
            .values(input.domains.map((domain) => ({ domain, organisationId: id, addedBy: input.savedBy })))
            .onConflictDoNothing();
        }
        await refreshMinistries(tx);
        return id;
      });
    } catch (error) {
      // Two people saving the same SIREN at once: the index refuses the second.
      if (isUniqueViolation(error, "one_organisation_per_siren")) throw new InvalidInputError({ siren: "Ce SIREN vient d’être enregistré pour une autre organisation." });
      throw error;
    }
  };
}
