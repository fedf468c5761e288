import type { TenPercentDeps } from "../../deps.ts";
import type { ThirdSignatoryKind } from "../../domain/agreement-states.ts";
import { setThirdSignatory } from "../third-signatories-repository.ts";

/**
 * Sets a ministry's third signatory (one per ministry: a new one replaces the former). It is asked on the
 * agreements sent afterwards; those already sent keep their signatories.
 */
export function createSetThirdSignatory(deps: Pick<TenPercentDeps, "db" | "clock">) {
  return async (input: { ministryId: string; kind: ThirdSignatoryKind; name: string; email: string }): Promise<void> => {
    await setThirdSignatory(deps.db, input, deps.clock.now());
  };
}
