import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "./env.ts";

const productionBase = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), PUBLIC_URL: "https://10pourcent.example.gouv.fr", SMTP_URL: "smtp://mail.example:25" };
const proconnect = { PROCONNECT_ISSUER: "https://proconnect.example/api/v2", PROCONNECT_CLIENT_ID: "client", PROCONNECT_CLIENT_SECRET: "secret" };

/** Asserts loadConfig stops with a ConfigError whose message names `variable`. */
function assertRefused(source: Record<string, string | undefined>, variable: string) {
  assert.throws(
    () => loadConfig(source),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, `ConfigError attendue, reçu ${String(error)}`);
      assert.match(error.message, /^Configuration invalide/);
      assert.ok(error.message.includes(variable), `le message doit nommer ${variable} : ${error.message}`);
      return true;
    },
  );
}

describe("loadConfig", () => {
  it("starts with defaults when nothing is set", () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.NODE_ENV, "development");
    assert.equal(config.isProduction, false);
    assert.equal(config.publicUrl, "http://localhost:3000");
    assert.equal(config.proconnect, null);
    assert.equal(config.DATABASE_URL, undefined);
  });

  it("treats an empty variable as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: "" });
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATABASE_URL, undefined);
  });

  it("reads a port and a PostgreSQL address", () => {
    const config = loadConfig({ PORT: "8080", DATABASE_URL: "postgresql://app@db:5432/p10" });
    assert.equal(config.PORT, 8080);
    assert.equal(config.publicUrl, "http://localhost:8080");
    assert.equal(config.DATABASE_URL, "postgresql://app@db:5432/p10");
  });

  it("gives the programme team's address of the published site by default, reads another, and refuses one that is not an address", () => {
    assert.equal(loadConfig({}).CONTACT_EMAIL, "lab-ia@data.gouv.fr");
    assert.equal(loadConfig({ CONTACT_EMAIL: "equipe@programme.example.gouv.fr" }).CONTACT_EMAIL, "equipe@programme.example.gouv.fr");
    assertRefused({ CONTACT_EMAIL: "équipe du programme" }, "CONTACT_EMAIL");
  });

  it("stops on a port that is not a number, naming PORT", () => {
    assertRefused({ PORT: "abc" }, "PORT");
  });

  it("stops on a port out of range, naming PORT", () => {
    assertRefused({ PORT: "70000" }, "PORT");
    assertRefused({ PORT: "-1" }, "PORT");
    assertRefused({ PORT: "80.5" }, "PORT");
  });

  it("stops on a DATABASE_URL that is not a PostgreSQL address, naming it", () => {
    assertRefused({ DATABASE_URL: "mysql://root@localhost/p10" }, "DATABASE_URL");
    assertRefused({ DATABASE_URL: "localhost:5432" }, "DATABASE_URL");
  });

  it("stops on an unknown NODE_ENV or LOG_LEVEL, naming it", () => {
    assertRefused({ NODE_ENV: "prod" }, "NODE_ENV");
    assertRefused({ LOG_LEVEL: "verbose" }, "LOG_LEVEL");
  });

  it("requires SESSION_SECRET in production", () => {
    assertRefused({ ...productionBase, SESSION_SECRET: undefined }, "SESSION_SECRET");
  });

  it("refuses a SESSION_SECRET shorter than 32 characters", () => {
    assertRefused({ ...productionBase, SESSION_SECRET: "short" }, "SESSION_SECRET");
  });

  it("requires PUBLIC_URL in production", () => {
    assertRefused({ ...productionBase, PUBLIC_URL: undefined }, "PUBLIC_URL");
  });

  it("refuses a PUBLIC_URL that is not a full URL", () => {
    assertRefused({ PUBLIC_URL: "10pourcent.example.gouv.fr" }, "PUBLIC_URL");
  });

  it("starts in production with a secret and a public URL, without its trailing slash", () => {
    const config = loadConfig({ ...productionBase, PUBLIC_URL: "https://10pourcent.example.gouv.fr/" });
    assert.equal(config.isProduction, true);
    assert.equal(config.publicUrl, "https://10pourcent.example.gouv.fr");
  });

  it("refuses a partial ProConnect configuration", () => {
    assertRefused({ PROCONNECT_ISSUER: proconnect.PROCONNECT_ISSUER }, "PROCONNECT_CLIENT_ID");
    assertRefused({ PROCONNECT_CLIENT_ID: "client", PROCONNECT_CLIENT_SECRET: "secret" }, "PROCONNECT_ISSUER");
  });

  it("enables ProConnect when its three variables are set", () => {
    const config = loadConfig(proconnect);
    assert.deepEqual(config.proconnect, {
      issuer: proconnect.PROCONNECT_ISSUER,
      clientId: "client",
      clientSecret: "secret",
      scopes: "openid given_name usual_name email uid siret idp_id",
    });
  });

  it("reads booleans written as true/false or 1/0, and refuses anything else", () => {
    assert.equal(loadConfig({ TRUST_PROXY: "1" }).TRUST_PROXY, true);
    assert.equal(loadConfig({ TRUST_PROXY: "false" }).TRUST_PROXY, false);
    assertRefused({ TRUST_PROXY: "yes" }, "TRUST_PROXY");
  });
});
