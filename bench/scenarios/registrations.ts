import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "../../src/db/client.ts";
import { eventRegistrations, events, sessions, userRoles, users } from "../../src/db/schema/index.ts";
import { createTemporaryDatabase } from "../support/temporary-database.ts";
import { startServerProcess } from "../support/server-process.ts";
import { notMeasured } from "../reporter.ts";
import type { Figure, Scenario } from "../types.ts";

/** Done-when #2 of issue 6: 200 members register at once for an event of 50 seats in person. */
const members = 200;
const seats = 50;
const targets = [
  { kind: "pglite", label: "PGlite" },
  { kind: "postgres", label: "PostgreSQL" },
] as const;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

type BenchMember = { email: string; token: string };

/** The members (accounts with the member role and an open session, as signing in leaves them) and the event, in bulk. */
async function buildDataset(handle: DatabaseHandle, now: Date): Promise<{ members: BenchMember[]; eventId: string; slug: string }> {
  const db = handle.db;
  const people = Array.from({ length: members }, (_, index) => ({ email: `rafale.${String(index + 1).padStart(3, "0")}@banc.gouv.fr`, token: randomBytes(32).toString("base64url") }));
  const accounts = await db
    .insert(users)
    .values(people.map((person, index) => ({ email: person.email, givenName: `Membre${index + 1}`, usualName: "Banc" })))
    .returning({ id: users.id, email: users.email });
  const idOf = new Map(accounts.map((account) => [account.email, account.id]));
  await db.insert(userRoles).values(accounts.map((account) => ({ userId: account.id, role: "member" })));
  await db.insert(sessions).values(
    people.map((person) => ({
      tokenHash: createHash("sha256").update(person.token).digest("hex"),
      userId: idOf.get(person.email)!,
      method: "magic_link",
      expiresAt: new Date(now.getTime() + 7 * 24 * 3600_000),
    })),
  );
  const day = 24 * 3600_000;
  const [event] = await db
    .insert(events)
    .values({
      slug: `atelier-rafale-${randomBytes(3).toString("hex")}`,
      kind: "atelier",
      title: "Atelier de la rafale",
      startsAt: new Date(now.getTime() + 8 * day),
      endsAt: new Date(now.getTime() + 8 * day + 3 * 3600_000),
      placeName: "Salle Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      visioUrl: "https://webinaire.numerique.gouv.fr/rafale",
      inPersonCapacity: seats,
      registrationOpensAt: new Date(now.getTime() - day),
      registrationClosesAt: new Date(now.getTime() + 7 * day),
      audience: "members",
      questions: [{ key: "diet", label: "Avez-vous un régime alimentaire particulier\u00a0?", kind: "text", required: false }],
    })
    .returning({ id: events.id, slug: events.slug });
  return { members: people, eventId: event!.id, slug: event!.slug };
}

/** A member's browser: their session cookie, then the CSRF cookie and token of the form they opened. */
type Browser = { cookie: string; csrf: string };

async function openForm(baseUrl: string, slug: string, member: BenchMember): Promise<Browser> {
  const sessionCookie = `p10_session=${member.token}`;
  const response = await fetch(`${baseUrl}/evenements/${slug}/inscription`, { headers: { cookie: sessionCookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET the form answered ${response.status} for ${member.email}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
  if (!csrf) throw new Error(`No registration form for ${member.email}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
  return { cookie: [sessionCookie, ...cookies].join("; "), csrf };
}

async function register(baseUrl: string, slug: string, browser: Browser): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/evenements/${slug}/inscription`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: browser.cookie, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: browser.csrf, mode: "in_person", "q-diet": "" }).toString(),
  }).catch(() => null);
  await response?.arrayBuffer();
  return { status: response?.status ?? 0, ms: performance.now() - started };
}

export const registrationsScenario: Scenario = {
  name: "registrations",
  description: `${members} members (real sessions) register at the same moment for an event of ${seats} in-person seats, through the built server's HTTP form, on PGlite and on PostgreSQL: latency of the burst, confirmed and waitlisted counts`,
  async run({ log }) {
    const figures: Figure[] = [];
    const figure = (name: string, value: number, unit: string, target: { op: "=" | "<"; limit: number } | null = null) => {
      const met = target ? (target.op === "=" ? value === target.limit : value < target.limit) : null;
      figures.push({ scenario: "registrations", name, value, unit, target: target ? `${target.op} ${target.limit}` : null, met });
    };

    for (const target of targets) {
      let databaseUrl: string | undefined;
      let dropDatabase: (() => Promise<void>) | null = null;
      let scratch: string | null = null;
      let dataDir: string | undefined;
      if (target.kind === "postgres") {
        const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
        const created = await createTemporaryDatabase(serverUrl, "registrations").catch((error: unknown) => {
          const reason = `no PostgreSQL server reachable (${error instanceof Error ? error.message : String(error)})`;
          log(`${target.label}: not measured: ${reason}.`);
          const prefix = `${target.label}, ${members} at once for ${seats} seats`;
          const unmeasured = (name: string, unit: string, limit: number) => notMeasured({ scenario: "registrations", name: `${prefix}: ${name}`, unit, target: `= ${limit}`, reason });
          figures.push(
            unmeasured("confirmed", "registrations", seats),
            unmeasured("waitlisted", "registrations", members - seats),
            unmeasured("error responses (not 303)", "responses", 0),
            unmeasured("waitlist in queue order", "yes = 1", 1),
          );
          return null;
        });
        if (!created) continue;
        databaseUrl = created.url;
        dropDatabase = created.drop;
      } else {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "p10-bench-registrations-"));
        dataDir = path.join(scratch, "data");
      }
      const open = () => openDatabase({ databaseUrl, dataDir: dataDir ?? "unused" });
      try {
        log(`${target.label}: migrating a fresh database, creating ${members} members with their sessions and the event…`);
        let dataset;
        const handle = await open();
        try {
          await handle.migrate();
          dataset = await buildDataset(handle, new Date());
        } finally {
          await handle.close();
        }

        const server = await startServerProcess({ name: `registrations-${target.kind}`, args: ["dist/server.js"], readyPath: "/readyz", dataDir, databaseUrl, env: { SEED_DEMO: "false", LOG_LEVEL: "warn" } });
        let results: { status: number; ms: number }[];
        let burstMs: number;
        try {
          log(`${target.label}: each member opens the form (session and CSRF cookies)…`);
          const browsers: Browser[] = [];
          for (const member of dataset.members) browsers.push(await openForm(server.baseUrl, dataset.slug, member));
          log(`${target.label}: ${members} registrations sent at the same moment…`);
          const started = performance.now();
          results = await Promise.all(browsers.map((browser) => register(server.baseUrl, dataset.slug, browser)));
          burstMs = performance.now() - started;
        } finally {
          await server.stop();
        }

        const counts = { confirmed: 0, waitlisted: 0, other: 0 };
        let inQueueOrder = false;
        const check = await open();
        try {
          const rows = await check.db.select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.eventId, dataset.eventId)).orderBy(asc(eventRegistrations.queuePosition));
          for (const row of rows) {
            if (row.status === "confirmed") counts.confirmed++;
            else if (row.status === "waitlisted") counts.waitlisted++;
            else counts.other++;
          }
          // Seats went to the first decisions, the waitlist follows in the order they were decided.
          inQueueOrder = rows.length === members && rows.every((row, index) => row.status === (index < seats ? "confirmed" : "waitlisted"));
        } finally {
          await check.close();
        }

        const times = results.map((result) => result.ms).sort((a, b) => a - b);
        const errors = results.filter((result) => result.status !== 303).length;
        log(`${target.label}: statuses ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(results, (result) => String(result.status))).map(([status, list]) => [status, list?.length ?? 0])))}`);
        const prefix = `${target.label}, ${members} at once for ${seats} seats`;
        figure(`${prefix}: p50 latency`, round(percentile(times, 0.5)), "ms");
        figure(`${prefix}: p99 latency`, round(percentile(times, 0.99)), "ms");
        figure(`${prefix}: whole burst`, round(burstMs), "ms");
        figure(`${prefix}: confirmed`, counts.confirmed, "registrations", { op: "=", limit: seats });
        figure(`${prefix}: waitlisted`, counts.waitlisted, "registrations", { op: "=", limit: members - seats });
        figure(`${prefix}: error responses (not 303)`, errors, "responses", { op: "=", limit: 0 });
        figure(`${prefix}: waitlist in queue order`, inQueueOrder ? 1 : 0, "yes = 1", { op: "=", limit: 1 });
      } finally {
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
        await dropDatabase?.();
      }
    }
    return figures;
  },
};
