import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { emailDomains, organisations } from "../../db/schema/index.ts";

export type Organisation = {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  parentId: string | null;
  siren: string | null;
  siret: string | null;
  ministryId: string | null;
  referenceId: string | null;
};
export type EmailDomain = { domain: string; organisationId: string | null; organisationName: string | null; createdAt: Date };

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  acronym: organisations.acronym,
  kind: organisations.kind,
  parentId: organisations.parentId,
  siren: organisations.siren,
  siret: organisations.siret,
  ministryId: organisations.ministryId,
  referenceId: organisations.referenceId,
};

/** Sets every organisation's ministry: the nearest ancestor (or itself) of kind `ministry`, none otherwise. */
export async function refreshMinistries(db: Executor): Promise<void> {
  await db.execute(sql`
    with recursive chain as (
      select id as organisation_id, id as ancestor_id, kind, parent_id, 0 as depth from organisations
      union all
      select chain.organisation_id, parent.id, parent.kind, parent.parent_id, chain.depth + 1
      from chain join organisations parent on parent.id = chain.parent_id
      where chain.kind <> 'ministry' and chain.depth < 20
    ),
    found as (
      select distinct on (organisation_id) organisation_id, ancestor_id from chain where kind = 'ministry' order by organisation_id, depth
    )
    update organisations set ministry_id = found.ancestor_id
    from organisations target left join found on found.organisation_id = target.id
    where organisations.id = target.id and organisations.ministry_id is distinct from found.ancestor_id`);
}

export async function findOrganisationById(db: Executor, id: string): Promise<Organisation | null> {
  const [row] = await db.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function findOrganisationBySiren(db: Executor, siren: string): Promise<Organisation | null> {
  const [row] = await db.select(organisationColumns).from(organisations).where(eq(organisations.siren, siren));
  return row ?? null;
}

export async function findOrganisationBySiret(db: Executor, siret: string): Promise<Organisation | null> {
  const [row] = await db.select(organisationColumns).from(organisations).where(eq(organisations.siret, siret)).limit(1);
  return row ?? null;
}

/** The organisation of a domain or of its closest listed parent domain. */
export async function findOrganisationByEmailDomain(db: Executor, domain: string): Promise<Organisation | null> {
  const labels = domain.toLowerCase().split(".");
  const candidates = labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
  if (candidates.length === 0) return null;
  const [row] = await db
    .select(organisationColumns)
    .from(emailDomains)
    .innerJoin(organisations, eq(organisations.id, emailDomains.organisationId))
    .where(sql`${emailDomains.domain} in ${candidates}`)
    .orderBy(sql`length(${emailDomains.domain}) desc`)
    .limit(1);
  return row ?? null;
}

export async function isKnownEmailDomain(db: Executor, domain: string): Promise<boolean> {
  const labels = domain.toLowerCase().split(".");
  const candidates = labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
  if (candidates.length === 0) return false;
  const rows = await db.select({ domain: emailDomains.domain }).from(emailDomains).where(sql`${emailDomains.domain} in ${candidates}`).limit(1);
  return rows.length > 0;
}

export async function listOrganisations(db: Executor): Promise<Organisation[]> {
  return db.select(organisationColumns).from(organisations).orderBy(asc(organisations.name));
}

export async function listEmailDomains(db: Executor): Promise<EmailDomain[]> {
  return db
    .select({ domain: emailDomains.domain, organisationId: emailDomains.organisationId, organisationName: organisations.name, createdAt: emailDomains.createdAt })
    .from(emailDomains)
    .leftJoin(organisations, eq(organisations.id, emailDomains.organisationId))
    .orderBy(asc(emailDomains.domain));
}

export async function countOrganisations(db: Executor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(organisations);
  return row?.count ?? 0;
}

/** Every organisation, for the tree, the pickers and the import (a few thousand rows at most). */
export async function listAllOrganisations(db: Executor): Promise<Organisation[]> {
  return db.select(organisationColumns).from(organisations);
}

/** E-mail domains of each organisation, sorted. */
export async function listDomainsByOrganisation(db: Executor): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ domain: emailDomains.domain, organisationId: emailDomains.organisationId })
    .from(emailDomains)
    .where(sql`${emailDomains.organisationId} is not null`)
    .orderBy(asc(emailDomains.domain));
  const domains = new Map<string, string[]>();
  for (const row of rows) domains.set(row.organisationId!, [...(domains.get(row.organisationId!) ?? []), row.domain]);
  return domains;
}

export async function listDomainsOfOrganisation(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.select({ domain: emailDomains.domain }).from(emailDomains).where(eq(emailDomains.organisationId, organisationId)).orderBy(asc(emailDomains.domain));
  return rows.map((row) => row.domain);
}

/** The stored rows of these domains, with the organisation each belongs to. */
export async function findEmailDomains(db: Executor, domains: string[]): Promise<{ domain: string; organisationId: string | null; organisationName: string | null }[]> {
  if (domains.length === 0) return [];
  return db
    .select({ domain: emailDomains.domain, organisationId: emailDomains.organisationId, organisationName: organisations.name })
    .from(emailDomains)
    .leftJoin(organisations, eq(organisations.id, emailDomains.organisationId))
    .where(inArray(emailDomains.domain, domains));
}

