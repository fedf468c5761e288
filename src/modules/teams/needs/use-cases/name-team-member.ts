import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { profiles, teamMembers, userRoles, users } from "../../../../db/schema/index.ts";
import { InvalidInputError } from "../../../../shared/domain-error.ts";
import { Roles } from "../../../identity/api.ts";
import type { Mailer } from "../../../mail/api.ts";
import { findTeamOf, TeamRoles } from "../../team-repository.ts";
import { coachNamedMail } from "../coach-mails.ts";

/** The roles the programme team names on « Équipe recherchée »; contributors come from the assignment and join requests. */
export type NamedRole = typeof TeamRoles.lead | typeof TeamRoles.coach;

/** The form field each role's address is typed in (errors are reported there). */
export const namedRoleFields: Record<NamedRole, string> = { lead: "leadEmail", coach: "coachEmail" };

export type NameTeamMemberInput = {
  project: { id: string; title: string; slug: string };
  season: { id: string; name: string };
  email: string;
};

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Person = { id: string; email: string };

/**
 * What differs between naming a lead and naming a coach, once the person is found:
 * - a lead is one team's member (one team per person per season); a member of this team becomes its lead;
 * - a coach holds the identity role `coach`, may coach several projects of a season, is not counted in
 *   the team's size, and is mailed in the same transaction.
 */
const place: Record<NamedRole, (tx: Tx, person: Person, input: NameTeamMemberInput, deps: { mailer: Mailer; publicUrl: string }) => Promise<void>> = {
  async lead(tx, person, input) {
    const team = await findTeamOf(tx, person.id, input.season.id);
    if (team && team.projectId !== input.project.id) throw new InvalidInputError({ leadEmail: "Cette personne est déjà dans l’équipe d’un autre projet cette saison." });
    await tx
      .insert(teamMembers)
      .values({ projectId: input.project.id, seasonId: input.season.id, userId: person.id, role: TeamRoles.lead, source: "named" })
      .onConflictDoUpdate({ target: [teamMembers.seasonId, teamMembers.projectId, teamMembers.userId], set: { role: TeamRoles.lead } });
  },
  async coach(tx, person, input, deps) {
    const [grant] = await tx
      .select({ id: userRoles.id })
      .from(userRoles)
      .where(and(eq(userRoles.userId, person.id), eq(userRoles.role, Roles.coach)));
    if (!grant) throw new InvalidInputError({ coachEmail: "Cette personne n’a pas le rôle de coach du programme." });
    const [existing] = await tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.projectId, input.project.id), eq(teamMembers.seasonId, input.season.id), eq(teamMembers.userId, person.id)));
    if (existing) throw new InvalidInputError({ coachEmail: existing.role === TeamRoles.coach ? "Cette personne est déjà coach de ce projet." : "Cette personne fait déjà partie de l’équipe de ce projet." });
    await tx.insert(teamMembers).values({ projectId: input.project.id, seasonId: input.season.id, userId: person.id, role: TeamRoles.coach, source: "named" });
    await deps.mailer.enqueue(tx, coachNamedMail(person.email, { projectTitle: input.project.title, projectSlug: input.project.slug, seasonName: input.season.name, publicUrl: deps.publicUrl }));
  },
};

/**
 * The programme team names a lead or a coach of a project in a season: a member with a joined profile,
 * found by e-mail address, gets a `team_members` row with that role (source `named`). Refusals are
 * `InvalidInputError`s at the role's field (`namedRoleFields`).
 */
export function createNameTeamMember(deps: { db: Database; mailer: Mailer; publicUrl: string }, role: NamedRole) {
  const field = namedRoleFields[role];
  return async function nameTeamMember(input: NameTeamMemberInput): Promise<{ userId: string }> {
    return deps.db.transaction(async (tx) => {
      const [person] = await tx
        .select({ id: users.id, email: users.email, joinedAt: profiles.joinedAt, erasedAt: users.erasedAt })
        .from(users)
        .leftJoin(profiles, eq(profiles.userId, users.id))
        .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
      if (!person || person.erasedAt || !person.joinedAt) throw new InvalidInputError({ [field]: "Aucun membre de la communauté n’a cette adresse (son profil doit être complété)." });
      await place[role](tx, person, input, deps);
      return { userId: person.id };
    });
  };
}

/** Removes a named lead or coach from the team (a lead leaves the team; the implicit lead applies again when none is left). */
export function createRemoveTeamMember(deps: { db: Database }, role: NamedRole) {
  return async function removeTeamMember(input: { projectId: string; seasonId: string; userId: string }): Promise<boolean> {
    const removed = await deps.db
      .delete(teamMembers)
      .where(and(eq(teamMembers.projectId, input.projectId), eq(teamMembers.seasonId, input.seasonId), eq(teamMembers.userId, input.userId), eq(teamMembers.role, role)))
      .returning({ id: teamMembers.id });
    return removed.length > 0;
  };
}
