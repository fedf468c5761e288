import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { countOrganisations } from "../src/modules/organisations/api.ts";
import { HttpSession } from "./support/http.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("outgoing mail over SMTP", () => {
  const received: { to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;
  let platform: TestPlatform;

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => (raw += chunk));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    platform = await startTestPlatform({ config: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });

  after(async () => {
    await platform.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("delivers the sign-in link to the SMTP server, not to the local outbox", async () => {
    const browser = new HttpSession(platform.app);
    const response = await browser.post("/connexion", { email: "agent.smtp@insee.fr" });
    assert.equal(response.statusCode, 200);
    const started = Date.now();
    // Other mails may reach the server too (the demo's monthly summary to a manager, sent at start).
    const toAgent = () => received.find((mail) => mail.to.includes("agent.smtp@insee.fr"));
    while (!toAgent() && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(toAgent()?.to, ["agent.smtp@insee.fr"]);
    assert.match(toAgent()?.raw.replace(/=\r?\n/g, "") ?? "", /\/connexion\/lien\?jeton=3D[\w-]{40,}|\/connexion\/lien\?jeton=[\w-]{40,}/);
    const outbox = await browser.get("/_dev/mails");
    assert.equal(outbox.statusCode, 404, "the local outbox does not exist when SMTP is configured");
  });
});

describe("demo data", () => {
  it("is seeded outside production", async () => {
    const platform = await startTestPlatform();
    try {
      assert.ok((await countOrganisations(platform.database.db)) > 10);
    } finally {
      await platform.stop();
    }
  });

  it("is never seeded with NODE_ENV=production, even when SEED_DEMO asks for it", async () => {
    const platform = await startTestPlatform({
      config: { NODE_ENV: "production", SEED_DEMO: "true", SESSION_SECRET: "x".repeat(40), SMTP_URL: "smtp://127.0.0.1:2525", PUBLIC_URL: "https://10pourcent.example.gouv.fr" },
    });
    try {
      assert.equal(await countOrganisations(platform.database.db), 0);
      assert.equal(platform.demo, null);
    } finally {
      await platform.stop();
    }
  });
});
