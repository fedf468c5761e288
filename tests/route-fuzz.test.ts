import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { mayEnter, openRoleSession, type RoleSession, testRoles } from "./support/roles.ts";
import { createRouteTable, databaseFingerprint, fillRoute, fingerprintChanges, loadSampleParams, paramsOf, type RegisteredRoute } from "./support/route-table.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

// Property-based fuzzing of every route of Fastify's route table (ADR 0029): generated parameters, query
// strings, headers, content types and bodies (URL-encoded, multipart, JSON, garbage), as each role.
// Whatever arrives: no 5xx, the server still answers /healthz, and a refused request writes nothing.
// FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> changes the runs per route (bounded: both engines run it in CI).

// A GET has no body to vary: fewer runs. Pages render in 50–500 ms on a loaded CI machine, hence the bound.
const runsPerRoute = { GET: Number(process.env.FUZZ_RUNS ?? 3), POST: Number(process.env.FUZZ_RUNS ?? 6) };
/** The table is fuzzed in slices, each its own test, so that each stays under the runner's per-test timeout. */
const slices = 6;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

const table = createRouteTable();
let platform: TestPlatform;
let routes: RegisteredRoute[];
let sessions: RoleSession[];
let sampleFor: Awaited<ReturnType<typeof loadSampleParams>>;

before(async () => {
  platform = await startTestPlatform({ onRoute: table.observe });
  routes = table.routes();
  sessions = [];
  for (const role of testRoles) sessions.push(await openRoleSession(platform, role));
  sampleFor = await loadSampleParams(platform.database.db, routes);
});

after(async () => {
  await platform.stop();
});

/** Text a hostile or clumsy client sends: any Unicode, control characters, encodings, long runs, injections. */
const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "%", "%E0%A4%A", "..", "../../etc/passwd", "' or 1=1 --", "<script>alert(1)</script>", "\u0000", "\uFEFF", "🙂", "é".normalize("NFD"), "-1", "0", "1e309", "NaN", "2026-02-30", "true", "[]", "{}"),
  fc.nat({ max: 20_000 }).map((length) => "a".repeat(length)),
);

const fieldNames = fc.oneof(fc.constantFrom("_csrf", "email", "title", "body", "slug", "name", "status", "id", "q", "page", "startsAt", "capacity", "jeton", "topic", "message", "confirmation", "website"), fc.string({ maxLength: 12 }));
const fields = fc.array(fc.tuple(fieldNames, oddText), { maxLength: 8 });

type Body = { contentType: string | undefined; payload: string | Buffer | undefined };

function urlEncoded(pairs: [string, string][], csrf: string | null): string {
  const form = new URLSearchParams(pairs);
  if (csrf) form.set("_csrf", csrf);
  return form.toString();
}

function multipart(pairs: [string, string][], csrf: string | null, file: { name: string; bytes: Uint8Array } | null, cut: boolean): Body {
  const boundary = `----p10fuzz${randomBytes(6).toString("hex")}`;
  const chunks: Buffer[] = [];
  const all = csrf ? [...pairs, ["_csrf", csrf] as [string, string]] : pairs;
  for (const [name, value] of all) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="fichier"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`), Buffer.from(file.bytes), Buffer.from("\r\n"));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const payload = Buffer.concat(chunks);
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: cut ? payload.subarray(0, Math.floor(payload.length / 2)) : payload };
}

/** A body for a POST: mostly forms with the session's valid token (so the handler is reached), else anything. */
const bodies = (csrf: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fields, fc.boolean()).map(([pairs, withToken]): Body => ({ contentType: "application/x-www-form-urlencoded", payload: urlEncoded(pairs, withToken ? csrf : null) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fields, fc.boolean(), fc.option(fc.record({ name: oddText, bytes: fc.uint8Array({ maxLength: 2_000 }) })), fc.boolean())
        .map(([pairs, withToken, file, cut]) => multipart(pairs, withToken ? csrf : null, file, cut)),
    },
    { weight: 1, arbitrary: fc.jsonValue().map((value): Body => ({ contentType: "application/json", payload: JSON.stringify(value ?? null) })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("text/plain", "multipart/form-data", "application/x-www-form-urlencoded; charset=latin1", "application/xml", "*/*"))), fc.uint8Array({ maxLength: 3_000 }))
        .map(([contentType, bytes]): Body => ({ contentType: contentType ?? undefined, payload: Buffer.from(bytes) })),
    },
  );

const queries = fc.oneof(
  fc.constant(""),
  fc.array(fc.tuple(fieldNames, oddText), { maxLength: 6 }).map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  fc.string({ maxLength: 60 }).map((raw) => `?${raw.replace(/[#\s]/g, "")}`),
);

const extraHeaders = fc.record(
  {
    accept: fc.constantFrom("text/html", "*/*", "application/json", "text/calendar", ""),
    "accept-language": fc.constantFrom("fr-FR", "en", "*", ""),
    "if-none-match": fc.string({ maxLength: 20 }),
    "x-request-id": fc.string({ maxLength: 70 }),
    "sec-fetch-site": fc.constantFrom("same-origin", "cross-site", "none"),
    origin: fc.constantFrom("http://localhost:3000", "https://ailleurs.example", "null"),
  },
  { requiredKeys: [] },
);

function headerSafe(headers: Record<string, string>): Record<string, string> {
  // Node refuses control characters in header values before the request is sent: not the server's input.
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => /^[\t\x20-\x7e]*$/.test(value)));
}

async function send(session: RoleSession, route: RegisteredRoute, request: { params: Record<string, string>; query: string; headers: Record<string, string>; body: Body | null }): Promise<LightMyRequestResponse> {
  const cookie = [...session.http.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const url = fillRoute(route.url, (param) => request.params[param] ?? sampleFor(route)(param)) + request.query;
  const headers: Record<string, string> = { ...headerSafe(request.headers), cookie };
  if (request.body?.contentType !== undefined) headers["content-type"] = request.body.contentType;
  return platform.app.inject({ method: route.method as "GET" | "POST", url, headers, remoteAddress: "198.19.0.1", ...(request.body?.payload !== undefined ? { payload: request.body.payload } : {}) });
}

/** Signing out or deleting one's account would end the session the next runs need: only the anonymous role fuzzes those. */
const endsTheSession = (route: RegisteredRoute) => route.method === "POST" && ["/deconnexion", "/compte/suppression"].includes(route.url);

for (let slice = 0; slice < slices; slice += 1) {
  test(`every route answers generated requests without a 5xx and refused ones write nothing (slice ${slice + 1}/${slices}, seed ${seed})`, async () => {
    const failures: string[] = [];
    for (const route of routes.filter((_route, index) => index % slices === slice)) {
      const roles = endsTheSession(route) ? sessions.filter((session) => !session.role.email) : sessions;
      const params = fc.record(Object.fromEntries(paramsOf(route.url).map((param) => [param, fc.oneof(fc.constant(sampleFor(route)(param)), oddText.filter((text) => text.length > 0 && text.length < 300))])));
      // A counterexample names the role, not the whole session and its cookies.
      const named = roles.map((session) => Object.assign(Object.create(session) as RoleSession, { [fc.toStringMethod]: () => session.role.name }));
      const roleAndBody = fc.constantFrom(...named).chain((session) => fc.tuple(fc.constant(session), route.method === "GET" ? fc.constant(null) : bodies(session.csrf)));
      const property = fc.asyncProperty(roleAndBody, params, queries, extraHeaders, async ([session, body], paramValues, query, headers) => {
        const declaredRefusal = !route.access || !mayEnter(session.role, route.access);
        // Fingerprints cost a query over every table: taken around the requests the declared access refuses.
        const before = declaredRefusal ? await databaseFingerprint(platform.database.db) : null;
        const response = await send(session, route, { params: paramValues as Record<string, string>, query, headers, body });
        const what = `${route.method} ${route.url} en tant que ${session.role.name} → ${response.statusCode}`;
        assert.ok(response.statusCode < 500, what);
        if (before) {
          const changes = fingerprintChanges(before, await databaseFingerprint(platform.database.db));
          assert.deepEqual(changes, [], `${what} : une demande refusée a écrit`);
        }
      });
      const result = await fc.check(property, { numRuns: route.method === "GET" ? runsPerRoute.GET : runsPerRoute.POST, seed, endOnFailure: true });
      const health = await platform.app.inject({ method: "GET", url: "/healthz" });
      if (health.statusCode !== 200) failures.push(`/healthz répond ${health.statusCode} après ${route.method} ${route.url}`);
      if (result.failed) failures.push(`${route.method} ${route.url} (seed ${seed}, path ${result.counterexamplePath}) : ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\n  contre-exemple : ${fc.stringify(result.counterexample)}`);
    }
    const health = await platform.app.inject({ method: "GET", url: "/healthz" });
    assert.equal(health.statusCode, 200, "le serveur ne répond plus à /healthz après le fuzzing");
    assert.deepEqual(failures, [], `rejouer avec FUZZ_SEED=${seed}`);
  });
}
