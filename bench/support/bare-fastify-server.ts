// Started by the bench as its own process: Fastify 5 with no plugin, no hook and no logger, answering
// one constant HTML string (read from BENCH_HTML_FILE) on every GET /. The framework's ceiling on this
// machine, given for information next to the app's own ceiling (see ceiling-route.ts).
import fs from "node:fs";
import Fastify from "fastify";

const html = fs.readFileSync(process.env.BENCH_HTML_FILE ?? "", "utf8");
const app = Fastify({ logger: false });
app.get("/", async (_request, reply) => reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
