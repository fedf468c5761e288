import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { repositoryRoot } from "./support/test-platform.ts";

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Server = { child: ChildProcess; url: string; output(): string; exited: Promise<Exit> };

const children = new Set<ChildProcess>();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `node --import tsx src/server.ts` on `dataDir`, as in production but with the embedded database. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", CONTENT_DIR: "content" };
  // The child must use its own PGlite directory whatever the test run uses, and must not think it is a test.
  for (const name of ["DATABASE_URL", "PUBLIC_URL", "SMTP_URL", "PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET", "PUBLIC_DOMAINS_FILE", "NODE_TEST_CONTEXT"]) delete env[name];
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: repositoryRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  void exited.then(() => children.delete(child));
  return { child, url: `http://127.0.0.1:${port}`, output: () => `${stdout}\n${stderr}`, exited };
}

/** Resolves once GET /readyz answers 200; fails if the process exits first. */
async function waitUntilReady(server: Server, timeoutMs = 100_000): Promise<void> {
  const started = Date.now();
  let exited: Exit | null = null;
  void server.exited.then((exit) => (exited = exit));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`Le serveur s’est arrêté (${JSON.stringify(exited)}) :\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Serveur pas prêt en ${timeoutMs} ms :\n${server.output()}`);
}

async function exitWithin(server: Server, timeoutMs = 30_000): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Le processus ne s’est pas arrêté :\n${server.output()}`)), timeoutMs)));
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A browser over real HTTP: cookies, the form's CSRF token, our own Origin, redirects not followed. */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(pathname: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
    if (form) Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl });
    const response = await fetch(`${this.baseUrl}${pathname}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form).toString() : null, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  }

  async post(pathname: string, fields: Record<string, string>, formPage = pathname) {
    const page = await this.request(formPage);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf, `pas de jeton CSRF sur ${formPage}`);
    return this.request(pathname, { ...fields, _csrf: csrf });
  }
}

/** Reads the sign-in token of the last mail to `email` in the local outbox (/_dev/mails). */
async function signInTokenMailedTo(baseUrl: string, email: string): Promise<string> {
  const browser = new Browser(baseUrl);
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    const list = await browser.request("/_dev/mails");
    const mailId = new RegExp(`<td>${email.replace(/\./g, "\\.")}</td><td><a href="/_dev/mails/([0-9a-f-]{36})"`).exec(list.body)?.[1];
    if (mailId) {
      const token = /jeton=([\w-]+)/.exec((await browser.request(`/_dev/mails/${mailId}`)).body)?.[1];
      assert.ok(token, "pas de lien dans le courriel");
      return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Aucun courriel pour ${email}`);
}

describe("server process on an embedded data directory", () => {
  let dataDir: string;
  let server: Server;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "p10-durability-"));
    server = await startServer(dataDir);
    await waitUntilReady(server);
  });

  after(async () => {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all([...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second process on the same data directory, saying it is already used", async () => {
    const second = await startServer(dataDir);
    const exit = await exitWithin(second);
    assert.notEqual(exit.code, 0, second.output());
    assert.notEqual(exit.code, null, second.output());
    assert.match(second.output(), /déjà utilisé/);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200, "le premier processus continue de servir");
  });

  it("keeps a committed change after SIGKILL, and restarts over the stale lock", async () => {
    const email = "agent.durable@insee.fr";
    const browser = new Browser(server.url);
    assert.equal((await browser.post("/connexion", { email })).status, 200);
    const token = await signInTokenMailedTo(server.url, email);
    const signedIn = await browser.post("/connexion/lien", { jeton: token }, `/connexion/lien?jeton=${token}`);
    assert.equal(signedIn.status, 303);
    const saved = await browser.post("/compte", { givenName: "Dominique", usualName: "Après-Coupure", organisationId: "" });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, "/compte?enregistre=1");

    server.child.kill("SIGKILL");
    assert.equal((await exitWithin(server)).signal, "SIGKILL");
    assert.ok(fs.existsSync(path.join(dataDir, "programme-10.lock")), "le verrou du processus tué reste sur le disque");

    server = await startServer(dataDir);
    await waitUntilReady(server);
    const again = new Browser(server.url);
    for (const [name, value] of browser.cookies) again.cookies.set(name, value);
    const account = await again.request("/compte");
    assert.equal(account.status, 200, "la session ouverte avant l’arrêt brutal est conservée");
    assert.match(account.body, /value="Après-Coupure"/);
    assert.match(account.body, /value="Dominique"/);
  });

  it("stops gracefully on SIGTERM with exit code 0 and releases the data directory", async () => {
    server.child.kill("SIGTERM");
    const exit = await exitWithin(server);
    assert.deepEqual(exit, { code: 0, signal: null }, server.output());
    assert.equal(fs.existsSync(path.join(dataDir, "programme-10.lock")), false);
  });
});
