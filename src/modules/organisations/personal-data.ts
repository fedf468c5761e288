import { asc, eq, sql } from "drizzle-orm";
import { emailDomains, organisations } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/**
 * E-mail domains a programme team member added (`added_by`, kept without a foreign key). The domains are
 * the programme's and stay on erasure, linked to the anonymised account: nothing to erase here.
 */
export const organisationsPersonalData: PersonalDataContribution = {
  module: "organisations",
  sections: {
    email_domains: {
      title: "Domaines de messagerie ajoutés",
      purpose: "Savoir qui a ouvert la connexion aux adresses d’un organisme public.",
      columns: { domain: "Domaine", organisation_name: "Organisation rattachée", created_at: "Ajouté le" },
    },
  },

  async export(db, person) {
    return {
      email_domains: await db
        .select({
          domain: emailDomains.domain,
          organisation_id: emailDomains.organisationId,
          organisation_name: sql<string | null>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${emailDomains.organisationId})`,
          added_by: emailDomains.addedBy,
          created_at: emailDomains.createdAt,
        })
        .from(emailDomains)
        .where(eq(emailDomains.addedBy, person.id))
        .orderBy(asc(emailDomains.createdAt)),
    };
  },

  async erase() {},
};
