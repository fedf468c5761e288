import type { Database } from "../../db/client.ts";
import { emailDomains, organisations } from "../../db/schema/index.ts";
import { refreshMinistries } from "./repository.ts";

type DemoOrganisation = { key: string; name: string; acronym?: string; kind: "ministry" | "body" | "service"; parent?: string; siren?: string; domains?: string[] };

/** The organisations named on the programme's published site (the repository's content/). */
export const demoOrganisations: DemoOrganisation[] = [
  { key: "economie", name: "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique", kind: "ministry", domains: ["finances.gouv.fr", "economie.gouv.fr"] },
  { key: "insee", name: "Institut national de la statistique et des études économiques", acronym: "Insee", kind: "body", parent: "economie", siren: "120027016", domains: ["insee.fr"] },
  { key: "dgfip", name: "Direction générale des Finances publiques", acronym: "DGFiP", kind: "service", parent: "economie", domains: ["dgfip.finances.gouv.fr"] },
  { key: "transformation", name: "Ministère de la Transformation et de la Fonction publiques", kind: "ministry", domains: ["fonction-publique.gouv.fr"] },
  { key: "dinum", name: "Direction interministérielle du numérique", acronym: "DINUM", kind: "service", parent: "transformation", siren: "130025265", domains: ["numerique.gouv.fr", "modernisation.gouv.fr", "data.gouv.fr", "beta.gouv.fr"] },
  { key: "etalab", name: "Etalab", kind: "service", parent: "dinum" },
  { key: "interieur", name: "Ministère de l’Intérieur et des Outre-mer", kind: "ministry", domains: ["interieur.gouv.fr"] },
  { key: "gendarmerie", name: "Gendarmerie nationale", kind: "service", parent: "interieur", domains: ["gendarmerie.interieur.gouv.fr"] },
  { key: "ecologie", name: "Ministère de la Transition écologique et de la Cohésion des territoires", kind: "ministry", domains: ["developpement-durable.gouv.fr"] },
  { key: "ign", name: "Institut national de l’information géographique et forestière", acronym: "IGN", kind: "body", parent: "ecologie", domains: ["ign.fr"] },
  { key: "sdes", name: "Service des données et études statistiques", acronym: "SDES", kind: "service", parent: "ecologie" },
  { key: "armees", name: "Ministère des Armées", kind: "ministry", domains: ["intradef.gouv.fr", "def.gouv.fr"] },
  { key: "justice", name: "Ministère de la Justice", kind: "ministry", domains: ["justice.gouv.fr"] },
  { key: "culture", name: "Ministère de la Culture", kind: "ministry", domains: ["culture.gouv.fr"] },
  { key: "education", name: "Ministère de l’Éducation nationale", kind: "ministry", domains: ["education.gouv.fr"] },
  { key: "travail", name: "Ministère du Travail, de la Santé et des Solidarités", kind: "ministry", domains: ["travail.gouv.fr", "sante.gouv.fr", "social.gouv.fr"] },
  { key: "dares", name: "Direction de l’animation de la recherche, des études et des statistiques", acronym: "DARES", kind: "service", parent: "travail" },
  { key: "drees", name: "Direction de la recherche, des études, de l’évaluation et des statistiques", acronym: "DREES", kind: "service", parent: "travail" },
  { key: "agriculture", name: "Ministère de l’Agriculture et de la Souveraineté alimentaire", kind: "ministry", domains: ["agriculture.gouv.fr"] },
  { key: "ssp", name: "Service de la statistique et de la prospective", acronym: "SSP", kind: "service", parent: "agriculture" },
  { key: "europe", name: "Ministère de l’Europe et des Affaires étrangères", kind: "ministry", domains: ["diplomatie.gouv.fr"] },
  { key: "spf", name: "Santé publique France", kind: "body", parent: "travail", domains: ["santepubliquefrance.fr"] },
  { key: "cnam", name: "Caisse nationale de l’Assurance maladie", acronym: "CNAM", kind: "body", parent: "travail", domains: ["assurance-maladie.fr"] },
  { key: "francetravail", name: "France Travail", kind: "body", parent: "travail", domains: ["francetravail.fr", "pole-emploi.fr"] },
];

/** Inserts the demo organisations and their domains; returns their ids by key. */
export async function seedDemoOrganisations(db: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const organisation of demoOrganisations) {
      const parentId = organisation.parent ? (ids.get(organisation.parent) ?? null) : null;
      const [row] = await tx
        .insert(organisations)
        .values({ name: organisation.name, acronym: organisation.acronym ?? null, kind: organisation.kind, parentId, siren: organisation.siren ?? null })
        .returning({ id: organisations.id });
      if (!row) throw new Error(`Organisation non créée : ${organisation.name}`);
      ids.set(organisation.key, row.id);
      for (const domain of organisation.domains ?? []) {
        await tx.insert(emailDomains).values({ domain, organisationId: row.id }).onConflictDoUpdate({ target: emailDomains.domain, set: { organisationId: row.id } });
      }
    }
    await refreshMinistries(tx);
  });
  return ids;
}

