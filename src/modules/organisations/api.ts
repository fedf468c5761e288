import type { Executor } from "../../db/client.ts";
import { sirenOfSiret } from "./domain/public-domains.ts";
import { findOrganisationByEmailDomain, findOrganisationById, findOrganisationBySiren, listOrganisations } from "./repository.ts";

/** Organisations: ministries, bodies and services; e-mail domains of public bodies. */
export { PublicDomains, sirenOfSiret } from "./domain/public-domains.ts";
export { createCheckEmailEligibility } from "./use-cases/check-email-eligibility.ts";
export { registerOrganisationRoutes } from "./routes.tsx";
export { seedDemoOrganisations } from "./demo-organisations.ts";
export { countOrganisations, type Organisation } from "./repository.ts";

/** The reference list of public-body domains shipped with the platform (DINUM, Licence Ouverte 2.0). */
export const publicDomainsFile = new URL("./data/domaines-organismes-publics.txt", import.meta.url);

/** Lookups other modules need, without reaching into this module's tables. */
export const organisationLookup = {
  async findIdByEmailDomain(db: Executor, domain: string): Promise<string | null> {
    return (await findOrganisationByEmailDomain(db, domain))?.id ?? null;
  },
  async findIdBySiret(db: Executor, siret: string): Promise<string | null> {
    const siren = sirenOfSiret(siret);
    return siren ? ((await findOrganisationBySiren(db, siren))?.id ?? null) : null;
  },
  async findName(db: Executor, id: string): Promise<string | null> {
    return (await findOrganisationById(db, id))?.name ?? null;
  },
  async listOptions(db: Executor): Promise<{ value: string; label: string }[]> {
    return (await listOrganisations(db)).map((organisation) => ({ value: organisation.id, label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name }));
  },
};

/** E-mail domains a person added, in the GDPR export (privacy module). */
export { organisationsPersonalData } from "./personal-data.ts";
