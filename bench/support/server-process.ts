import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type ServerProcess = {
  baseUrl: string;
  port: number;
  /** The process's stdout and stderr, kept in a file of its temporary directory. */
  logFile: string;
  stop(): Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args>` from the repository root with its own temporary directory (given as
 * DATA_DIR) and a free PORT, and waits until `readyPath` answers 200.
 */
export async function startServerProcess(options: {
  name: string;
  args: string[];
  env?: Record<string, string>;
  readyPath: string;
  readyTimeoutMs?: number;
  /** An existing embedded database directory (kept when the server stops) instead of a fresh one. */
  dataDir?: string;
  /** A PostgreSQL database instead of the embedded one. */
  databaseUrl?: string;
}): Promise<ServerProcess> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `p10-bench-${options.name}-`));
  const logFile = path.join(directory, "server.log");
  const log = fs.openSync(logFile, "a");
  const port = await findFreePort();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: options.dataDir ?? path.join(directory, "data") };
  // The demo data is seeded only outside production; the bundle uses React's production build anyway.
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, options.args, { cwd: repositoryRoot, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (running) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(directory, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (!running) {
      const output = tail(logFile);
      await stop();
      throw new Error(`${options.name} stopped before it was ready:\n${output}`);
    }
    const response = await fetch(`${baseUrl}${options.readyPath}`).catch(() => null);
    if (response?.status === 200) {
      await response.arrayBuffer();
      return { baseUrl, port, logFile, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const output = tail(logFile);
  await stop();
  throw new Error(`${options.name} not ready after ${options.readyTimeoutMs ?? 120_000} ms:\n${output}`);
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}
