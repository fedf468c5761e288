// Started by the bench as its own process: Fastify 5 with no plugin, no hook and no logger, answering each
// page of BENCH_PAGES_FILE (captured from our server just before) with its status, headers and body bytes
// as constants. The ceiling a cached page is compared with: the same bytes on the wire, none of our work.
import fs from "node:fs";
import Fastify from "fastify";
import type { CapturedPage } from "./captured-page.ts";

const pages = JSON.parse(fs.readFileSync(process.env.BENCH_PAGES_FILE ?? "", "utf8")) as CapturedPage[];
const app = Fastify({ logger: false });
for (const page of pages) {
  const body = Buffer.from(page.bodyBase64, "base64");
  app.get(page.path, (_request, reply) => {
    void reply.code(page.statusCode).headers(page.headers).send(body);
  });
}
app.get("/__ready", (_request, reply) => {
  void reply.send("ok");
});
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
