import type { Executor, Transaction } from "../../db/client.ts";

/** The person whose data is exported or erased: their account id and the address they signed in with. */
export type PersonalDataSubject = { id: string; email: string };

/** One row of a table, keyed by the database's column names; secrets (token hashes, id tokens) are left out. */
export type PersonalDataRow = Record<string, unknown>;

/** Rows about the person, one key per table (`schema.table` outside `public`). */
export type PersonalDataTables = Record<string, PersonalDataRow[]>;

/** Where a section's data can be corrected: a fixed page, or one that depends on the export (a profile's slug); null hides the link. */
export type CorrectionLink = { label: string; href: string | ((tables: PersonalDataTables) => string | null) };

/** How `/compte/donnees` shows one table: French title, what it is for, column labels (in order) and where to correct it. */
export type PersonalDataSection = {
  title: string;
  purpose: string;
  columns: Record<string, string>;
  /** French labels of coded values, by column (`{ role: { member: "Membre" } }`). */
  valueLabels?: Record<string, Record<string, string>>;
  correction?: CorrectionLink;
};

/**
 * What a module contributes to the GDPR self-service for the tables it owns (ADR 0012):
 * - `sections`: how each exported table is presented (keys are the table keys `export` returns);
 * - `export`: every row about the person, one key per table, even when empty;
 * - `erase`: in the deletion's one transaction, deletes what is personal and anonymises what must stay.
 */
export type PersonalDataContribution = {
  module: string;
  sections: Record<string, PersonalDataSection>;
  export(db: Executor, person: PersonalDataSubject): Promise<PersonalDataTables>;
  erase(tx: Transaction, person: PersonalDataSubject, context: { now: Date }): Promise<void>;
};

/** Every module's rows about the person, in one object; two modules claiming the same table is a programming error. */
export async function exportPersonalData(db: Executor, contributions: readonly PersonalDataContribution[], person: PersonalDataSubject): Promise<PersonalDataTables> {
  const tables: PersonalDataTables = {};
  for (const contribution of contributions) {
    const exported = await contribution.export(db, person);
    for (const [table, rows] of Object.entries(exported)) {
      if (table in tables) throw new Error(`La table ${table} est exportée par deux modules (dont ${contribution.module}).`);
      tables[table] = rows;
    }
  }
  return tables;
}

/** The sections of every module, by table key. */
export function sectionsOf(contributions: readonly PersonalDataContribution[]): Record<string, PersonalDataSection> {
  return Object.assign({}, ...contributions.map((contribution) => contribution.sections)) as Record<string, PersonalDataSection>;
}
