import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { RouteOptions } from "fastify";
import { type Executor, rowsOf } from "../../src/db/client.ts";
import type { RouteAccess } from "../../src/http/fastify-types.ts";

/** One route as Fastify registered it: its method, URL pattern and declared access (absent = a defect). */
export type RegisteredRoute = { method: string; url: string; access: RouteAccess | undefined };

/**
 * Fastify's own route table, read through an `onRoute` hook added before any route is registered
 * (ADR 0029): pass `observe` to `startTestPlatform({ onRoute })`, then read `routes()` once it started.
 */
export function createRouteTable() {
  const seen: RouteOptions[] = [];
  return {
    observe: (route: RouteOptions) => {
      seen.push(route);
    },
    /** Every method × URL, HEAD left out (Fastify derives it from GET); read after start, as later onRoute hooks may still set the config. */
    routes(): RegisteredRoute[] {
      const routes = new Map<string, RegisteredRoute>();
      for (const route of seen) {
        for (const method of [route.method].flat()) {
          if (method === "HEAD") continue;
          routes.set(`${method} ${route.url}`, { method, url: route.url, access: route.config?.access });
        }
      }
      return [...routes.values()].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
    },
  };
}

/** The parameters of a route pattern (`:id`, `:token.ics` → `token`, and the wildcard `*`). */
export function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? "*");
}

/** Fills a route pattern with `values` (each URL-encoded); a missing value is left to `fallback`. */
export function fillRoute(url: string, value: (param: string) => string): string {
  return url.replace(/:(\w+)|\*/g, (_whole, name: string | undefined) => {
    const param = name ?? "*";
    return param === "*" ? value(param).split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value(param));
  });
}

type SampleRule = { route: RegExp; param: string; query: SQL };

/**
 * Where a parameter names something of the demo data, the test uses a real one so that allowed roles reach
 * the handler's real work (not only its 404). `:id` means a different table under each prefix.
 * Routes not listed get a random value (a UUID, a word): they still must answer without a 5xx.
 */
const sampleRules: SampleRule[] = [
  { route: /^\/admin\/competences\//, param: "id", query: sql`select id::text as value from skills order by slug limit 1` },
  { route: /^\/admin\/contenus\//, param: "id", query: sql`select id::text as value from content_items order by slug limit 1` },
  { route: /^\/admin\/contenus\//, param: "version", query: sql`select '1' as value` },
  { route: /^\/admin\/evenements\//, param: "id", query: sql`select id::text as value from events order by starts_at desc limit 1` },
  { route: /^\/admin\/evenements\//, param: "registrationId", query: sql`select id::text as value from event_registrations order by id limit 1` },
  { route: /^\/admin\/evenements\//, param: "action", query: sql`select 'confirmer' as value` },
  { route: /^\/admin\/messages\//, param: "id", query: sql`select id::text as value from contact_messages order by id limit 1` },
  { route: /^\/admin\/organisations\//, param: "id", query: sql`select id::text as value from organisations order by name limit 1` },
  { route: /^\/admin\/saisons\//, param: "id", query: sql`select id::text as value from seasons order by slug limit 1` },
  { route: /^\/appel-a-projets\//, param: "id", query: sql`select id::text as value from proposals order by id limit 1` },
  { route: /^\/annuaire\/competences\//, param: "slug", query: sql`select slug as value from skills order by slug limit 1` },
  { route: /^\/annuaire\//, param: "slug", query: sql`select slug as value from profiles order by slug limit 1` },
  { route: /^\/actualites\//, param: "slug", query: sql`select slug as value from content_items where kind = 'news' order by slug limit 1` },
  { route: /^\/evenements\//, param: "slug", query: sql`select slug as value from events order by starts_at desc limit 1` },
  { route: /^\/formations\//, param: "slug", query: sql`select slug as value from events where kind = 'formation' order by slug limit 1` },
  { route: /^\/projets\//, param: "slug", query: sql`select slug as value from projects order by slug limit 1` },
  { route: /^\/pointage\//, param: "token", query: sql`select check_in_token as value from event_registrations order by id limit 1` },
  { route: /^\/conventions\//, param: "id", query: sql`select id::text as value from agreements order by created_at limit 1` },
  { route: /^\/mes-agents\//, param: "agreementId", query: sql`select id::text as value from agreements order by created_at limit 1` },
  { route: /^\/mon-10-pourcent\/temps\//, param: "id", query: sql`select id::text as value from time_entries order by worked_on limit 1` },
  { route: /^\/dsfr\//, param: "*", query: sql`select 'dsfr.min.css' as value` },
  { route: /^\/static\//, param: "*", query: sql`select 'app.css' as value` },
];

/** Random values for parameters the demo data does not name: a UUID for ids, a word otherwise. */
export function randomParam(param: string): string {
  if (/id$/i.test(param)) return randomUUID();
  if (param === "index" || param === "version") return String(Math.floor(Math.random() * 5));
  return `x${randomUUID().slice(0, 8)}`;
}

/** The sample value of each route's parameters, read once from the demo data (table of rules above). */
export async function loadSampleParams(db: Executor, routes: RegisteredRoute[]): Promise<(route: RegisteredRoute) => (param: string) => string> {
  const found = new Map<string, string>();
  for (const rule of sampleRules) {
    const value = rowsOf<{ value: string }>(await db.execute(rule.query))[0]?.value;
    if (value !== undefined) found.set(`${rule.route.source} ${rule.param}`, value);
  }
  const fixed = new Map<string, Map<string, string>>();
  for (const route of routes) {
    const values = new Map<string, string>();
    for (const param of paramsOf(route.url)) {
      const rule = sampleRules.find((candidate) => candidate.param === param && candidate.route.test(route.url));
      values.set(param, (rule && found.get(`${rule.route.source} ${rule.param}`)) ?? randomParam(param));
    }
    fixed.set(`${route.method} ${route.url}`, values);
  }
  return (route) => (param) => fixed.get(`${route.method} ${route.url}`)?.get(param) ?? randomParam(param);
}

/**
 * A cheap fingerprint of everything a request could write: the row count of every table (public schema
 * and pg-boss's job table, so a mail queued counts) and the latest `updated_at` where a table has one.
 * `dev_mails` is left out: the job worker fills it on its own time, after the request that queued the mail.
 */
export async function databaseFingerprint(db: Executor): Promise<Record<string, string>> {
  const columns = rowsOf<{ table: string; hasUpdatedAt: boolean }>(
    await db.execute(sql`
      select t.table_name as "table", exists (
        select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'updated_at'
      ) as "hasUpdatedAt"
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> 'dev_mails' and t.table_name not like '\\_\\_%'
      order by 1`),
  );
  const parts = columns.map(({ table, hasUpdatedAt }) => {
    const name = sql.identifier(table);
    return hasUpdatedAt
      ? sql`select ${table} as key, count(*)::text || ' ' || coalesce(max(updated_at)::text, '') as value from public.${name}`
      : sql`select ${table} as key, count(*)::text as value from public.${name}`;
  });
  // Jobs of scheduled queues (the hourly sweeps) are created by pg-boss's clock, not by a request.
  parts.push(sql`select 'pgboss.job' as key, count(*)::text as value from pgboss.job where name not in (select name from pgboss.schedule)`);
  const rows = rowsOf<{ key: string; value: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** The tables whose fingerprint differs, as « table: before → after ». */
export function fingerprintChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key] ?? "—"} → ${after[key] ?? "—"}`);
}
