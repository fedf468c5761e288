import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OverbookingNotConfirmedError } from "./manage-registrations.ts";

describe("the message asking to confirm a registration beyond the capacity", () => {
  it("agrees with the number of places (never « Les 1 places » nor « Les 0 places »)", () => {
    assert.equal(new OverbookingNotConfirmedError(3, 0).message, "Aucune place n’est prévue\u00a0: confirmez l’inscription au-delà de la capacité.");
    assert.equal(new OverbookingNotConfirmedError(3, 1).message, "La seule place est prise\u00a0: confirmez l’inscription au-delà de la capacité.");
    assert.equal(new OverbookingNotConfirmedError(3, 12).message, "Les 12\u00a0places sont prises\u00a0: confirmez l’inscription au-delà de la capacité.");
  });
});
