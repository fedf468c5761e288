import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import pino from "pino";
import { openDatabase } from "../db/client.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { createPlatform, type Platform } from "../platform.ts";
import type { HttpSession } from "../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../tests/support/http-sign-in.ts";
import { describeOnPostgres, reachablePostgres } from "../../tests/support/postgres-server.ts";
import { type TestPlatform, testConfig } from "../../tests/support/test-platform.ts";

/**
 * A TCP proxy in front of the PostgreSQL server: `cut()` resets every connection and then accepts new ones
 * without ever answering (a server that stopped answering), `restore()` forwards again.
 */
async function startProxy(target: { host: string; port: number }) {
  let answering = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (!answering) return;
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      answering = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      for (const socket of sockets) socket.destroy();
      answering = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
/**
 * The embedded PGlite runs inside the process and cannot be cut off from it: this test needs a PostgreSQL
 * server, DATABASE_URL's or else the local one (trust authentication), so it also runs in the PGlite pass.
 */
const serverUrl = await reachablePostgres();

describeOnPostgres(
  serverUrl,
  "when PostgreSQL stops answering",
  "the embedded PGlite cannot be cut off from the process",
  (serverUrl) => {
    let proxy: Awaited<ReturnType<typeof startProxy>>;
    let platform: Platform;
    let member: HttpSession;
    const name = `p10_test_${randomBytes(6).toString("hex")}`;

    before(async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const server = new URL(serverUrl);
      proxy = await startProxy({ host: server.hostname, port: Number(server.port || 5432) });
      const url = new URL(serverUrl);
      url.hostname = "127.0.0.1";
      url.port = String(proxy.port);
      url.pathname = `/${name}`;
      // A short connection timeout keeps the test quick; the platform's default is a few seconds.
      const database = await openDatabase({ databaseUrl: url.href, dataDir: "unused", connectTimeoutMs: 1000 });
      const config = testConfig();
      platform = await createPlatform(config, { database, logger: pino({ level: "silent" }) });
      member = await signInOverHttp({ ...platform, config, stop: async () => {} } as TestPlatform, "ines.benali@insee.fr");
    });

    after(async () => {
      proxy?.restore();
      await platform?.close();
      await platform?.database.close();
      await proxy?.close();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it("answers the DSFR 503 page « Service momentanément indisponible » with Retry-After, then recovers without restart", async () => {
      assert.equal((await member.get("/annuaire")).statusCode, 200);

      proxy.cut();
      for (const [who, url] of [
        [member, "/annuaire"],
        [member, "/compte"],
        [httpSessionOn({ ...platform } as TestPlatform), "/recherche?q=atelier"],
      ] as const) {
        const response = await who.get(url);
        assert.equal(response.statusCode, 503, `${url} : ${titleOf(response.body)}`);
        assert.equal(titleOf(response.body), "Service momentanément indisponible");
        assert.equal(response.headers["retry-after"], "30");
        assert.ok(response.body.includes("Erreur 503"));
      }
      const signIn = await httpSessionOn({ ...platform } as TestPlatform).post("/connexion", { email: "thomas.leroy@ign.fr" }, { formPage: "/connexion" });
      assert.equal(signIn.statusCode, 503);

      proxy.restore();
      const page = await member.get("/annuaire");
      assert.equal(page.statusCode, 200, titleOf(page.body));
      assert.equal((await member.get("/compte")).statusCode, 200);
      assert.equal((await platform.app.inject({ url: "/readyz" })).statusCode, 200);
    });
  },
);

describe("which errors mean the database cannot be reached", () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it("recognises refused, reset and timed-out connections, also wrapped as Drizzle wraps them", () => {
    assert.ok(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")));
    assert.ok(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: new Error("Connection terminated unexpectedly") })));
    assert.ok(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect")));
    assert.ok(isDatabaseUnavailable(new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")])));
    assert.ok(isDatabaseUnavailable(withCode("the database system is shutting down", "57P03")));
    assert.ok(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01")));
  });

  it("leaves bugs and bad data to the 500 page", () => {
    assert.ok(!isDatabaseUnavailable(withCode("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
    assert.ok(!isDatabaseUnavailable(withCode("duplicate key value violates unique constraint", "23505")));
    assert.ok(!isDatabaseUnavailable(new TypeError("Cannot read properties of undefined")));
    assert.ok(!isDatabaseUnavailable("ECONNREFUSED"));
  });
});
