import type { TenPercentDeps } from "../../deps.ts";
import { NotFoundError } from "../../../../shared/domain-error.ts";
import { removeThirdSignatory } from "../third-signatories-repository.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Removes a ministry's third signatory: its agents' next agreements are signed by their manager alone. 404 when it had none. */
export function createRemoveThirdSignatory(deps: Pick<TenPercentDeps, "db">) {
  return async (ministryId: string): Promise<void> => {
    if (!uuidPattern.test(ministryId) || !(await removeThirdSignatory(deps.db, ministryId))) throw new NotFoundError("Ce ministère n’a pas de signataire.");
  };
}
