import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "drizzle-orm";
import { magicLinks } from "../../db/schema/index.ts";
import { csrfTokenIn } from "../../../tests/support/http.ts";
import { describeOnPostgres, reachablePostgres } from "../../../tests/support/postgres-server.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { magicLinksPerAddressPerWindow } from "./domain/tokens.ts";

const burst = 50;
let platform: TestPlatform;
const postgresUrl = await reachablePostgres();

/**
 * The per-address limit of sign-in links is decided under a lock on the address: 50 requests at the same
 * moment (from 50 IP addresses, so the per-IP rate limit stays out of the way) issue exactly 5 links.
 * They race on PostgreSQL's pool (DATABASE_URL's server or the local one); PGlite serves them one at a time.
 */
describeOnPostgres(postgresUrl, `${burst} simultaneous requests for a sign-in link to one address`, "the advisory lock on the address is only contended on PostgreSQL", (postgresUrl) => {
  before(async () => {
    platform = await startTestPlatform({ postgresUrl });
  });
  after(() => platform.stop());

  it(`issues exactly ${magicLinksPerAddressPerWindow} links and refuses the others with 429`, async () => {
    const form = await platform.app.inject({ method: "GET", url: "/connexion" });
    const csrf = csrfTokenIn(form.body)!;
    const cookie = form.cookies.map((item) => `${item.name}=${item.value}`).join("; ");
    const email = "Thomas.Leroy@ign.fr";
    const responses = await Promise.all(
      Array.from({ length: burst }, (_, index) =>
        platform.app.inject({
          method: "POST",
          url: "/connexion",
          remoteAddress: `198.51.100.${index + 1}`,
          payload: new URLSearchParams({ email: index % 2 === 0 ? email : email.toLowerCase(), _csrf: csrf }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 200).length, magicLinksPerAddressPerWindow, statuses.join(" "));
    assert.equal(statuses.filter((status) => status === 429).length, burst - magicLinksPerAddressPerWindow, statuses.join(" "));
    const [row] = await platform.database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(magicLinks)
      .where(sql`lower(${magicLinks.email}) = ${email.toLowerCase()}`);
    assert.equal(row!.count, magicLinksPerAddressPerWindow);
  });
});
