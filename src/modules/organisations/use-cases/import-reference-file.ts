import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { organisations } from "../../../db/schema/index.ts";
import { findCycle } from "../domain/hierarchy.ts";
import { siretMismatch } from "../domain/identifiers.ts";
import { parseReferenceFile, ReferenceFileError } from "../domain/reference-file.ts";
import { planReferenceImport } from "../domain/reference-import-plan.ts";
import { listAllOrganisations, type Organisation, refreshMinistries } from "../repository.ts";

export type ImportOutcome = "created" | "updated" | "unchanged" | "rejected";

export type ImportReportEntry = {
  /** « entrée n° 3 » (JSON) or « ligne 4 » (CSV). */
  position: string;
  referenceId: string;
  name: string;
  outcome: ImportOutcome;
  /** Why the entry was rejected. */
  reason?: string;
  /** What was changed or left out (a SIREN already held…). */
  remarks: string[];
};

export type ImportReport = { format: "json" | "csv"; counts: Record<ImportOutcome, number>; entries: ImportReportEntry[] };

type Values = Pick<Organisation, "name" | "acronym" | "kind" | "parentId" | "siren" | "siret" | "referenceId">;

const fieldLabels: Record<keyof Values, string> = {
  name: "nom",
  acronym: "sigle",
  kind: "type",
  parentId: "rattachement",
  siren: "SIREN",
  siret: "SIRET",
  referenceId: "identifiant du référentiel",
};

/**
 * Imports a file of the State's organisation referential (DILA): creates or updates organisations by
 * their reference id (`id` of the file), with their place in the tree and SIREN/SIRET. What the file
 * leaves empty keeps what the programme team entered; an existing organisation keeps its kind, and its
 * parent when the file gives none. All in one transaction: a wrong file stores nothing.
 */
export function createImportReferenceFile({ db }: { db: Database }) {
  return async function importReferenceFile(content: Buffer | string): Promise<ImportReport> {
    const file = parseReferenceFile(content);
    const plan = planReferenceImport(file.entries);
    return db.transaction(async (tx) => {
      const stored = await listAllOrganisations(tx);
      const byReference = new Map(stored.filter((row) => row.referenceId).map((row) => [row.referenceId!, row]));
      const bySiren = new Map(stored.filter((row) => row.siren).map((row) => [row.siren!, row]));
      const parentOf = new Map(stored.map((row) => [row.id, row.parentId]));
      const idOfReference = new Map<string, string>();
      const adopted = new Set<string>();
      const writes: { id: string; existing: Organisation | null; values: Values; index: number; remarks: string[] }[] = [];

      for (const planned of plan.accepted) {
        const { entry } = planned;
        const remarks = [...planned.remarks];
        let existing = byReference.get(entry.id) ?? null;
        let siren = planned.siren;
        if (siren) {
          const holder = bySiren.get(siren);
          if (holder && holder.id !== existing?.id) {
            // An organisation entered by hand (no reference id) with this SIREN is the same one: the import takes it over.
            if (!existing && !holder.referenceId && !adopted.has(holder.id)) {
              existing = holder;
              adopted.add(holder.id);
              remarks.push(`Rapprochée par son SIREN de l’organisation existante « ${holder.name} ».`);
            } else {
              remarks.push(`SIREN ${siren} non repris : il est déjà celui de « ${holder.name} ».`);
              siren = null;
            }
          }
        }
        const id = existing?.id ?? randomUUID();
        const finalSiren = siren ?? existing?.siren ?? null;
        let finalSiret = planned.siret ?? existing?.siret ?? null;
        const mismatch = siretMismatch(finalSiren, finalSiret);
        if (mismatch) {
          remarks.push(`SIRET ${finalSiret} non repris : ${mismatch[0]!.toLowerCase()}${mismatch.slice(1)}`);
          finalSiret = existing?.siret && !siretMismatch(finalSiren, existing.siret) ? existing.siret : null;
        }
        const values: Values = {
          name: entry.name,
          acronym: entry.acronym || existing?.acronym || null,
          kind: existing?.kind ?? planned.kind,
          parentId: planned.parentReferenceId ? idOfReference.get(planned.parentReferenceId)! : (existing?.parentId ?? null),
          siren: finalSiren,
          siret: finalSiret,
          referenceId: entry.id,
        };
        idOfReference.set(entry.id, id);
        if (finalSiren) bySiren.set(finalSiren, { ...(existing ?? { id, ministryId: null }), ...values, id });
        parentOf.set(id, values.parentId);
        writes.push({ id, existing, values, index: entry.index, remarks });
      }

      // An organisation the file puts on top keeps the parent the programme team gave it: that parent must not be below it in the file.
      const cycle = findCycle(parentOf);
      if (cycle) {
        const names = new Map([...stored.map((row) => [row.id, row.name] as const), ...writes.map((write) => [write.id, write.values.name] as const)]);
        throw new ReferenceFileError(
          `Ce fichier créerait une boucle avec les rattachements déjà enregistrés : ${[...cycle, cycle[0]!].map((id) => `« ${names.get(id)} »`).join(" → ")}. Corrigez le rattachement de l’une de ces organisations avant l’import.`,
        );
      }

      const entries: (ImportReportEntry & { index: number })[] = plan.rejected.map(({ entry, reason }) => ({
        index: entry.index,
        position: entry.position,
        referenceId: entry.id,
        name: entry.name,
        outcome: "rejected",
        reason,
        remarks: [],
      }));
      for (const write of writes) {
        const report = { index: write.index, position: file.entries[write.index]!.position, referenceId: write.values.referenceId!, name: write.values.name, remarks: write.remarks };
        if (!write.existing) {
          // Parents come first in the plan, so each parent row exists before its children point at it.
          await tx.insert(organisations).values({ id: write.id, ...write.values });
          entries.push({ ...report, outcome: "created" });
          continue;
        }
        const changed = (Object.keys(fieldLabels) as (keyof Values)[]).filter((field) => write.values[field] !== write.existing![field]);
        if (changed.length === 0) {
          entries.push({ ...report, outcome: "unchanged" });
          continue;
        }
        await tx.update(organisations).set({ ...write.values, updatedAt: sql`now()` }).where(eq(organisations.id, write.id));
        entries.push({ ...report, outcome: "updated", remarks: [`Modifié : ${changed.map((field) => fieldLabels[field]).join(", ")}.`, ...write.remarks] });
      }
      await refreshMinistries(tx);

      entries.sort((a, b) => a.index - b.index);
      const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const entry of entries) counts[entry.outcome]++;
      return { format: file.format, counts, entries: entries.map(({ index: _index, ...entry }) => entry) };
    });
  };
}
