import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { eq } from "drizzle-orm";
import { contactMessages } from "../../db/schema/index.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import { describeOnPostgres, reachablePostgres } from "../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

const postgresUrl = await reachablePostgres();

/**
 * The per-address limit of the contact form is counted under an advisory lock on the address: ten posts
 * at once race on PostgreSQL's pool (DATABASE_URL's server or the local one); PGlite serves them one at a time.
 */
describeOnPostgres(postgresUrl, "ten contact messages posted at once from one address", "the advisory lock on the address is only contended on PostgreSQL", (postgresUrl) => {
  let platform: TestPlatform;

  before(async () => {
    platform = await startTestPlatform({ config: { CONTACT_EMAIL: "equipe-test@programme.example.gouv.fr" }, postgresUrl });
  });
  after(() => platform?.stop());

  it("stores exactly three and refuses the others with 429 (the address is locked while counted)", async () => {
    const email = "rafale@culture.gouv.fr";
    // Each from its own IP address, so that the per-IP rate limit stays out of the way.
    const visitors = Array.from({ length: 10 }, () => httpSessionOn(platform));
    const tokens = await Promise.all(visitors.map(async (visitor) => /name="_csrf" value="([^"]+)"/.exec((await visitor.get("/contact")).body)![1]!));
    const message = { name: "Léa Visiteuse", topic: "manager", body: "Bonjour,\nmon agente peut-elle consacrer 10 % de son temps au programme ?", site_web: "" };
    const statuses = await Promise.all(visitors.map((visitor, index) => visitor.post("/contact", { ...message, email }, { csrf: tokens[index]! }).then((response) => response.statusCode)));
    assert.deepEqual(statuses.sort(), [...Array(3).fill(303), ...Array(7).fill(429)]);
    assert.equal((await platform.database.db.select().from(contactMessages).where(eq(contactMessages.senderEmail, email))).length, 3);
  });
});
