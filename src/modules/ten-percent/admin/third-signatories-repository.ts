import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { agreementThirdSignatories } from "../../../db/schema/index.ts";
import type { ThirdSignatoryKind } from "../domain/agreement-states.ts";

/** A ministry's third signatory (HR or the ministry's data administrator), asked on every agreement of its agents. */
export type ThirdSignatory = { ministryId: string; kind: ThirdSignatoryKind; name: string; email: string; updatedAt: Date };

export async function listThirdSignatories(db: Executor): Promise<ThirdSignatory[]> {
  const rows = await db.select().from(agreementThirdSignatories).orderBy(asc(agreementThirdSignatories.name));
  return rows.map((row) => ({ ...row, kind: row.kind as ThirdSignatoryKind }));
}

/** Sets a ministry's third signatory, replacing the one it had (one per ministry). */
export async function setThirdSignatory(db: Executor, input: Omit<ThirdSignatory, "updatedAt">, now: Date): Promise<void> {
  await db
    .insert(agreementThirdSignatories)
    .values({ ...input, updatedAt: now })
    .onConflictDoUpdate({ target: agreementThirdSignatories.ministryId, set: { kind: input.kind, name: input.name, email: input.email, updatedAt: now } });
}

/** Removes a ministry's third signatory; whether it had one. Agreements already sent keep their signatures. */
export async function removeThirdSignatory(db: Executor, ministryId: string): Promise<boolean> {
  const removed = await db.delete(agreementThirdSignatories).where(eq(agreementThirdSignatories.ministryId, ministryId)).returning({ ministryId: agreementThirdSignatories.ministryId });
  return removed.length > 0;
}
