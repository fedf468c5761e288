import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client.ts";
import { emailDomains, organisations } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { descendantIds } from "../domain/hierarchy.ts";
import { type Organisation, findOrganisationById, listAllOrganisations, refreshMinistries } from "../repository.ts";

/** What other modules attach to an organisation, moved by them inside the merge's transaction. */
export type OrganisationMembersMover = {
  moveToOrganisation(tx: Transaction, fromId: string, toId: string): Promise<{ accounts: number; roleGrants: number; droppedRoleGrants: number }>;
};

export type MergeResult = { accounts: number; roleGrants: number; droppedRoleGrants: number; domains: number; children: number; target: Organisation };

/** Why `targetId` cannot receive `source`, or null when it can. */
export async function mergeRefusal(db: Database | Transaction, source: Organisation, targetId: string): Promise<string | null> {
  if (targetId === source.id) return "Une organisation ne peut pas être fusionnée dans elle-même : choisissez l’organisation à garder.";
  const target = await findOrganisationById(db, targetId);
  if (!target) return "Cette organisation n’existe pas.";
  if (descendantIds(await listAllOrganisations(db), source.id).has(targetId)) {
    return `« ${target.name} » dépend de « ${source.name} » : fusionnez plutôt dans une organisation qui n’en dépend pas (ses services seront rattachés à l’organisation gardée).`;
  }
  return null;
}

/**
 * Merges a duplicate into the organisation to keep, in one transaction: accounts and AMD grants (through
 * identity), e-mail domains and children move to the target; the target takes the source's SIREN,
 * SIRET, reference id and acronym where it has none; the source is deleted and ministries recomputed.
 */
export function createMergeOrganisations({ db, members }: { db: Database; members: OrganisationMembersMover }) {
  return async function mergeOrganisations(sourceId: string, targetId: string): Promise<MergeResult> {
    return db.transaction(async (tx) => {
      // Locks both rows so a concurrent edit or merge waits for this one.
      await tx.execute(sql`select id from organisations where id in (${sourceId}, ${targetId}) order by id for update`);
      const source = await findOrganisationById(tx, sourceId);
      if (!source) throw new NotFoundError("Cette organisation n’existe pas ou a déjà été fusionnée.");
      const refusal = await mergeRefusal(tx, source, targetId);
      if (refusal) throw new InvalidInputError({ cible: refusal });
      const target = (await findOrganisationById(tx, targetId))!;

      const moved = await members.moveToOrganisation(tx, source.id, target.id);
      const domains = await tx.update(emailDomains).set({ organisationId: target.id }).where(eq(emailDomains.organisationId, source.id)).returning({ domain: emailDomains.domain });
      const children = await tx.update(organisations).set({ parentId: target.id, updatedAt: sql`now()` }).where(eq(organisations.parentId, source.id)).returning({ id: organisations.id });

      const inherited = {
        siren: target.siren ?? source.siren,
        siret: target.siret ?? source.siret,
        referenceId: target.referenceId ?? source.referenceId,
        acronym: target.acronym ?? source.acronym,
      };
      // The unique indexes on SIREN and reference id would refuse the target's update while the source still holds them.
      await tx.update(organisations).set({ siren: null, referenceId: null }).where(eq(organisations.id, source.id));
      await tx.update(organisations).set({ ...inherited, updatedAt: sql`now()` }).where(eq(organisations.id, target.id));
      await tx.delete(organisations).where(eq(organisations.id, source.id));
      await refreshMinistries(tx);
      return { ...moved, domains: domains.length, children: children.length, target: { ...target, ...inherited } };
    });
  };
}
