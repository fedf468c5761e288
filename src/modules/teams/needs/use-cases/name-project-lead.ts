import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { profiles, teamMembers, users } from "../../../../db/schema/index.ts";
import { InvalidInputError } from "../../../../shared/domain-error.ts";
import { findTeamOf } from "../../team-repository.ts";

/**
 * The programme team names a lead: a member with a joined profile, by e-mail address, becomes `lead`
 * (source `named`) of the project in that season. A member already in another team is refused; a
 * member of this team becomes its lead.
 */
export function createNameProjectLead(deps: { db: Database }) {
  return async function nameProjectLead(input: { projectId: string; seasonId: string; email: string }): Promise<{ userId: string }> {
    return deps.db.transaction(async (tx) => {
      const [person] = await tx
        .select({ id: users.id, joinedAt: profiles.joinedAt, erasedAt: users.erasedAt })
        .from(users)
        .leftJoin(profiles, eq(profiles.userId, users.id))
        .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
      if (!person || person.erasedAt || !person.joinedAt) throw new InvalidInputError({ leadEmail: "Aucun membre de la communauté n’a cette adresse (son profil doit être complété)." });
      const team = await findTeamOf(tx, person.id, input.seasonId);
      if (team && team.projectId !== input.projectId) throw new InvalidInputError({ leadEmail: "Cette personne est déjà dans l’équipe d’un autre projet cette saison." });
      if (team) {
        await tx
          .update(teamMembers)
          .set({ role: "lead" })
          .where(and(eq(teamMembers.projectId, input.projectId), eq(teamMembers.seasonId, input.seasonId), eq(teamMembers.userId, person.id)));
      } else {
        await tx
          .insert(teamMembers)
          .values({ projectId: input.projectId, seasonId: input.seasonId, userId: person.id, role: "lead", source: "named" })
          .onConflictDoUpdate({ target: [teamMembers.seasonId, teamMembers.projectId, teamMembers.userId], set: { role: "lead" } });
      }
      return { userId: person.id };
    });
  };
}

/** Removes a named lead from the team (they leave the team; the implicit lead applies again when none is left). */
export function createRemoveProjectLead(deps: { db: Database }) {
  return async function removeProjectLead(input: { projectId: string; seasonId: string; userId: string }): Promise<boolean> {
    const removed = await deps.db
      .delete(teamMembers)
      .where(and(eq(teamMembers.projectId, input.projectId), eq(teamMembers.seasonId, input.seasonId), eq(teamMembers.userId, input.userId), eq(teamMembers.role, "lead")))
      .returning({ id: teamMembers.id });
    return removed.length > 0;
  };
}
