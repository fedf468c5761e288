import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { organisations } from "../../../db/schema/index.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { openTestDatabase } from "../../../../tests/support/test-platform.ts";
import { createSaveOrganisation } from "./save-organisation.ts";

describe("saving organisations", () => {
  let testDatabase: Awaited<ReturnType<typeof openTestDatabase>>;

  before(async () => {
    testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
  });
  after(() => testDatabase.close());

  it("gives one SIREN to one organisation even when two saves race, the other getting a field error", async () => {
    const saveOrganisation = createSaveOrganisation({ db: testDatabase.database.db });
    const save = (name: string) => saveOrganisation({ name, kind: "body", siren: "130025265", domains: [], savedBy: "00000000-0000-4000-8000-000000000001" });
    const results = await Promise.allSettled([save("Première"), save("Seconde")]);
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
    const refused = results.find((result) => result.status === "rejected");
    assert.ok(refused && refused.reason instanceof InvalidInputError, String(refused && (refused as PromiseRejectedResult).reason));
    assert.match(refused.reason.fieldErrors.siren ?? "", /SIREN/);
    assert.equal((await testDatabase.database.db.select().from(organisations).where(eq(organisations.siren, "130025265"))).length, 1);
  });
});
