import { type AnyPgColumn, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id, { onDelete: "set null" }),
    siren: text("siren"),
    siret: text("siret"),
    /** The ministry the organisation is attached to (itself for a ministry); kept by the organisations module. */
    ministryId: uuid("ministry_id").references((): AnyPgColumn => organisations.id, { onDelete: "set null" }),
    /** Identifier in the official « Référentiel de l'organisation administrative de l'État » (DILA), for idempotent imports. */
    referenceId: text("reference_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("one_organisation_per_siren").on(table.siren),
    uniqueIndex("one_organisation_per_reference_id").on(table.referenceId),
    index("organisations_by_parent").on(table.parentId),
    index("organisations_by_ministry").on(table.ministryId),
  ],
);

/** E-mail domains added by the programme team, on top of the reference list of public bodies. */
export const emailDomains = pgTable("email_domains", {
  domain: text("domain").primaryKey(),
  organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
  addedBy: uuid("added_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
