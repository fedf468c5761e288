import type { Database } from "../../db/client.ts";
import { userRoles, users } from "../../db/schema/index.ts";
import { type Role, Roles } from "./domain/permissions.ts";

export type DemoAccount = { email: string; givenName: string; usualName: string; organisationKey: string; roles: Role[]; description: string };

export const demoAccounts: DemoAccount[] = [
  { email: "camille.martin@numerique.gouv.fr", givenName: "Camille", usualName: "Martin", organisationKey: "dinum", roles: [Roles.member, Roles.programmeTeam], description: "équipe du programme" },
  { email: "ines.benali@insee.fr", givenName: "Inès", usualName: "Benali", organisationKey: "insee", roles: [Roles.member], description: "membre, data scientist" },
  { email: "thomas.leroy@ign.fr", givenName: "Thomas", usualName: "Leroy", organisationKey: "ign", roles: [Roles.member], description: "membre, géomaticien" },
  { email: "marc.petit@numerique.gouv.fr", givenName: "Marc", usualName: "Petit", organisationKey: "dinum", roles: [Roles.member, Roles.coach], description: "coach" },
  { email: "sophie.durand@interieur.gouv.fr", givenName: "Sophie", usualName: "Durand", organisationKey: "interieur", roles: [Roles.member, Roles.ministryDataAdmin], description: "administratrice ministérielle des données" },
];

/** Creates the demo accounts with their roles; AMD roles are scoped to the account's organisation. */
export async function seedDemoAccounts(db: Database, organisationIds: Map<string, string>): Promise<DemoAccount[]> {
  await db.transaction(async (tx) => {
    for (const account of demoAccounts) {
      const organisationId = organisationIds.get(account.organisationKey) ?? null;
      const [row] = await tx
        .insert(users)
        .values({ email: account.email, givenName: account.givenName, usualName: account.usualName, organisationId })
        .returning({ id: users.id });
      if (!row) throw new Error(`Compte de démonstration non créé : ${account.email}`);
      for (const role of account.roles) {
        await tx.insert(userRoles).values({ userId: row.id, role, organisationId: role === Roles.ministryDataAdmin ? organisationId : null });
      }
    }
  });
  return demoAccounts;
}
