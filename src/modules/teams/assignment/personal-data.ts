import { asc, eq } from "drizzle-orm";
import { assignmentLocks, projects, seasons, teamAssignments } from "../../../db/schema/index.ts";
import type { PersonalDataContribution } from "../../privacy/api.ts";

/**
 * The programme team's locks on a member in an unpublished assignment. On erasure they go; the person's
 * place in a draft then shows « Ancien membre » and publication leaves erased accounts out. Publications of a
 * season's teams by a programme-team member are the programme's history: they stay on the anonymised account.
 */
export const assignmentPersonalData: PersonalDataContribution = {
  module: "teams (assignment)",
  sections: {
    assignment_locks: {
      title: "Verrouillages dans une proposition d’équipes",
      purpose: "Garder une personne dans un projet quand l’équipe du programme recalcule les équipes d’une saison.",
      columns: { season: "Saison", project: "Projet", created_at: "Le" },
    },
    team_assignments: {
      title: "Équipes de saison publiées",
      purpose: "Garder la trace de qui a publié les équipes d’une saison.",
      columns: { season: "Saison", published_at: "Publiées le" },
    },
  },

  async export(db, person) {
    return {
      assignment_locks: await db
        .select({ season_id: assignmentLocks.seasonId, user_id: assignmentLocks.userId, season: seasons.name, project: projects.title, created_at: assignmentLocks.createdAt })
        .from(assignmentLocks)
        .innerJoin(seasons, eq(seasons.id, assignmentLocks.seasonId))
        .innerJoin(projects, eq(projects.id, assignmentLocks.projectId))
        .where(eq(assignmentLocks.userId, person.id))
        .orderBy(asc(assignmentLocks.createdAt)),
      team_assignments: await db
        .select({ season_id: teamAssignments.seasonId, season: seasons.name, published_at: teamAssignments.publishedAt })
        .from(teamAssignments)
        .innerJoin(seasons, eq(seasons.id, teamAssignments.seasonId))
        .where(eq(teamAssignments.publishedBy, person.id))
        .orderBy(asc(teamAssignments.publishedAt)),
    };
  },

  async erase(tx, person) {
    await tx.delete(assignmentLocks).where(eq(assignmentLocks.userId, person.id));
  },
};
