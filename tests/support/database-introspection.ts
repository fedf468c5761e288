import { type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../../src/db/client.ts";

export type TableRef = { schema: string; table: string };

/** `users` for public tables, `pgboss.job` elsewhere: the keys of the personal data export. */
export function keyOf(ref: TableRef): string {
  return ref.schema === "public" ? ref.table : `${ref.schema}.${ref.table}`;
}

export function tableSql(ref: TableRef): SQL {
  return sql`${sql.identifier(ref.schema)}.${sql.identifier(ref.table)}`;
}

/** Every column that references `public.users(id)`, read from information_schema. */
export async function columnsReferencingUsers(db: Executor): Promise<(TableRef & { column: string })[]> {
  const result = await db.execute(sql`
    select distinct kcu.table_schema as schema, kcu.table_name as table, kcu.column_name as column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
    join information_schema.constraint_column_usage ccu on ccu.constraint_schema = tc.constraint_schema and ccu.constraint_name = tc.constraint_name
    where tc.constraint_type = 'FOREIGN KEY' and ccu.table_schema = 'public' and ccu.table_name = 'users' and ccu.column_name = 'id'
    order by 1, 2, 3`);
  return rowsOf<TableRef & { column: string }>(result);
}

/** The primary key's columns of a table, in order. */
export async function primaryKeyOf(db: Executor, ref: TableRef): Promise<string[]> {
  const result = await db.execute(sql`
    select kcu.column_name as column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = ${ref.schema} and tc.table_name = ${ref.table}
    order by kcu.ordinal_position`);
  return rowsOf<{ column: string }>(result).map((row) => row.column);
}

export type TextColumn = TableRef & { column: string; type: string };

/**
 * Every text-like column (text, varchar, char, json, jsonb, tsvector, arrays, enums and other user-defined
 * types, all cast to text) of every table in every non-system schema — public and pgboss included.
 */
export async function textLikeColumns(db: Executor): Promise<TextColumn[]> {
  const result = await db.execute(sql`
    select c.table_schema as schema, c.table_name as table, c.column_name as column, c.data_type as type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where t.table_type = 'BASE TABLE'
      and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_%'
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY', 'USER-DEFINED')
    order by 1, 2, 3`);
  return rowsOf<TextColumn>(result);
}

export type TextHit = TextColumn & { needle: string; count: number };

/** Where any of `needles` (compared lower-case and unaccented) appears in any text-like column. */
export async function findText(db: Executor, needles: string[]): Promise<TextHit[]> {
  const hits: TextHit[] = [];
  const patterns = needles.map((needle) => `%${needle.toLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "")}%`);
  for (const column of await textLikeColumns(db)) {
    for (const [index, pattern] of patterns.entries()) {
      const result = await db.execute(
        sql`select count(*)::int as count from ${tableSql(column)} where public.unaccent(lower(${sql.identifier(column.column)}::text)) like ${pattern}`,
      );
      const count = rowsOf<{ count: number }>(result)[0]?.count ?? 0;
      if (count > 0) hits.push({ ...column, needle: needles[index]!, count });
    }
  }
  return hits;
}

export function describeHits(hits: TextHit[]): string {
  return hits.map((hit) => `${keyOf(hit)}.${hit.column} (${hit.type}) : ${hit.count} ligne(s) contenant « ${hit.needle} »`).join("\n");
}
