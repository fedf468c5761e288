import type { Database } from "../../../db/client.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { findSeasonCall, insertCall } from "../repository.ts";

export type OpenCallInput = { seasonId: string; title: string; opensAt: Date; closesAt: Date };

/** Opens the call of a season (one per season). */
export async function openCall(db: Database, input: OpenCallInput): Promise<string> {
  return db.transaction(async (tx) => {
    if (await findSeasonCall(tx, input.seasonId)) throw new InvalidInputError({ seasonId: "Cette saison a déjà son appel à projets." });
    const id = await insertCall(tx, input);
    if (!id) throw new InvalidInputError({ seasonId: "Cette saison a déjà son appel à projets." });
    return id;
  });
}
