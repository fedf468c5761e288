import type { Executor } from "../../db/client.ts";
import { orderAsTree } from "./domain/hierarchy.ts";
import type { OrganisationKind } from "./domain/organisation-kinds.ts";
import { sirenOfSiret } from "./domain/public-domains.ts";
import { findOrganisationByEmailDomain, findOrganisationById, findOrganisationBySiren, findOrganisationBySiret, listAllOrganisations, listOrganisations } from "./repository.ts";

/** Organisations: ministries, bodies and services; e-mail domains of public bodies. */
export { PublicDomains, sirenOfSiret } from "./domain/public-domains.ts";
export { createCheckEmailEligibility } from "./use-cases/check-email-eligibility.ts";
export { registerOrganisationRoutes } from "./routes.tsx";
export { seedDemoOrganisations } from "./demo-organisations.ts";
export { countOrganisations, type Organisation } from "./repository.ts";
export type { OrganisationMembers, OrganisationRoutesDeps } from "./deps.ts";
export { type OrganisationKind, OrganisationKinds, kindLabels as organisationKindLabels } from "./domain/organisation-kinds.ts";
/** Import of the State's organisation referential (DILA), for `npm run import:organisations`. */
export { createImportReferenceFile, type ImportReport as OrganisationImportReport } from "./use-cases/import-reference-file.ts";
export { formatImportCounts as formatOrganisationImportCounts, formatImportEntry as formatOrganisationImportEntry, importSummary as organisationImportSummary } from "./use-cases/import-report-text.ts";
export { ReferenceFileError } from "./domain/reference-file.ts";

/** One organisation in a picker: its place in the tree and its derived ministry. */
export type OrganisationInHierarchy = {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  parentId: string | null;
  /** The nearest ministry above it (itself for a ministry), derived from the hierarchy; null when none. */
  ministryId: string | null;
  /** 0 for an organisation without parent, 1 for its children… (for indenting a picker). */
  depth: number;
};

/** The reference list of public-body domains shipped with the platform (DINUM, Licence Ouverte 2.0). */
export const publicDomainsFile = new URL("./data/domaines-organismes-publics.txt", import.meta.url);

/** Lookups other modules need, without reaching into this module's tables. */
export const organisationLookup = {
  async findIdByEmailDomain(db: Executor, domain: string): Promise<string | null> {
    return (await findOrganisationByEmailDomain(db, domain))?.id ?? null;
  },
  /** The organisation with exactly this SIRET, else the one holding its SIREN (first 9 digits). */
  async findIdBySiret(db: Executor, siret: string): Promise<string | null> {
    const siren = sirenOfSiret(siret);
    if (!siren) return null;
    return (await findOrganisationBySiret(db, siret.replace(/\s/g, "")))?.id ?? (await findOrganisationBySiren(db, siren))?.id ?? null;
  },
  async findName(db: Executor, id: string): Promise<string | null> {
    return (await findOrganisationById(db, id))?.name ?? null;
  },
  /**
   * Every organisation, in tree order for a picker: each ministry followed by what depends on it, depth
   * first (a parent before its children); siblings as ministries, then bodies, then services, each in
   * French alphabetical order. Organisations without a parent come first level, ministries first.
   */
  async listHierarchy(db: Executor): Promise<OrganisationInHierarchy[]> {
    return orderAsTree(await listAllOrganisations(db)).map(({ id, name, acronym, kind, parentId, ministryId, depth }) => ({
      id,
      name,
      acronym,
      kind: kind as OrganisationKind,
      parentId,
      ministryId,
      depth,
    }));
  },
  async listOptions(db: Executor): Promise<{ value: string; label: string }[]> {
    return (await listOrganisations(db)).map((organisation) => ({ value: organisation.id, label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name }));
  },
};

/** E-mail domains a person added, in the GDPR export (privacy module). */
export { organisationsPersonalData } from "./personal-data.ts";
