import { type AnyColumn, asc, eq, sql } from "drizzle-orm";
import { magicLinks, organisations, sessions, userRoles, users } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";
import { erasedAccountEmail } from "./domain/current-user.ts";
import { roleLabels } from "./domain/permissions.ts";

const sameAddress = (column: AnyColumn, email: string) => sql`lower(${column}) = ${email.toLowerCase()}`;
const organisationName = (column: AnyColumn) => sql<string | null>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${column})`;

/**
 * The account, its roles, sessions and sign-in links. Secrets never leave the database: token hashes
 * and ProConnect id tokens are not exported. Erasure deletes roles, sessions and links and anonymises the
 * account row, which stays so that contributions keep pointing at « Ancien membre ».
 */
export const identityPersonalData: PersonalDataContribution = {
  module: "identity",
  sections: {
    users: {
      title: "Compte",
      purpose: "Vous identifier et vous écrire.",
      columns: {
        email: "Adresse électronique",
        given_name: "Prénom",
        usual_name: "Nom",
        organisation_name: "Organisation",
        siret: "SIRET (ProConnect)",
        proconnect_sub: "Identifiant ProConnect",
        created_at: "Créé le",
        updated_at: "Modifié le",
        last_sign_in_at: "Dernière connexion",
      },
      correction: { label: "Corriger mon nom et mon organisation", href: "/compte" },
    },
    user_roles: {
      title: "Rôles",
      purpose: "Ce que vous pouvez faire sur la plateforme.",
      columns: { role: "Rôle", organisation_name: "Organisation concernée", created_at: "Attribué le" },
      valueLabels: { role: roleLabels },
    },
    sessions: {
      title: "Sessions",
      purpose: "Vous garder connecté (30 jours au plus)\u00a0; le jeton de session n’est jamais conservé en clair.",
      columns: { method: "Connexion", user_agent: "Navigateur", created_at: "Ouverte le", last_seen_at: "Dernière activité", expires_at: "Expire le", revoked_at: "Fermée le" },
      valueLabels: { method: { magic_link: "Lien par courriel", proconnect: "ProConnect" } },
      correction: { label: "Fermer une session", href: "/compte#sessions" },
    },
    magic_links: {
      title: "Liens de connexion",
      purpose: "Les liens envoyés à votre adresse (valables 15 minutes, une seule fois) et l’adresse IP de la demande, pour la sécurité.",
      columns: { email: "Adresse", requested_ip: "Adresse IP de la demande", return_to: "Page de retour", created_at: "Demandé le", expires_at: "Valable jusqu’au", used_at: "Utilisé le" },
    },
  },

  async export(db, person) {
    return {
      users: await db
        .select({
          id: users.id,
          email: users.email,
          given_name: users.givenName,
          usual_name: users.usualName,
          organisation_id: users.organisationId,
          organisation_name: organisationName(users.organisationId),
          siret: users.siret,
          proconnect_sub: users.proconnectSub,
          created_at: users.createdAt,
          updated_at: users.updatedAt,
          last_sign_in_at: users.lastSignInAt,
        })
        .from(users)
        .where(eq(users.id, person.id)),
      user_roles: await db
        .select({ id: userRoles.id, user_id: userRoles.userId, role: userRoles.role, organisation_id: userRoles.organisationId, organisation_name: organisationName(userRoles.organisationId), created_at: userRoles.createdAt })
        .from(userRoles)
        .where(eq(userRoles.userId, person.id))
        .orderBy(asc(userRoles.createdAt)),
      sessions: await db
        .select({
          id: sessions.id,
          user_id: sessions.userId,
          method: sessions.method,
          user_agent: sessions.userAgent,
          created_at: sessions.createdAt,
          last_seen_at: sessions.lastSeenAt,
          expires_at: sessions.expiresAt,
          revoked_at: sessions.revokedAt,
        })
        .from(sessions)
        .where(eq(sessions.userId, person.id))
        .orderBy(asc(sessions.createdAt)),
      magic_links: await db
        .select({
          id: magicLinks.id,
          email: magicLinks.email,
          requested_ip: magicLinks.requestedIp,
          return_to: magicLinks.returnTo,
          created_at: magicLinks.createdAt,
          expires_at: magicLinks.expiresAt,
          used_at: magicLinks.usedAt,
        })
        .from(magicLinks)
        .where(sameAddress(magicLinks.email, person.email))
        .orderBy(asc(magicLinks.createdAt)),
    };
  },

  async erase(tx, person, { now }) {
    await tx.delete(sessions).where(eq(sessions.userId, person.id));
    await tx.delete(magicLinks).where(sameAddress(magicLinks.email, person.email));
    await tx.delete(userRoles).where(eq(userRoles.userId, person.id));
    await tx
      .update(users)
      .set({ email: erasedAccountEmail(person.id), givenName: null, usualName: null, organisationId: null, siret: null, proconnectSub: null, lastSignInAt: null, erasedAt: now, updatedAt: now })
      .where(eq(users.id, person.id));
  },
};
