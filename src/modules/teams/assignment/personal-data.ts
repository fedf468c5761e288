import { asc, eq } from "drizzle-orm";
import { assignmentLocks, projects, seasons } from "../../../db/schema/index.ts";
import type { PersonalDataContribution } from "../../privacy/api.ts";

/**
 * The programme team's locks on a member in an unpublished assignment. On erasure they go; the person's
 * place in a draft then shows « Ancien membre » and publication leaves erased accounts out.
 */
export const assignmentPersonalData: PersonalDataContribution = {
  module: "teams (assignment)",
  sections: {
    assignment_locks: {
      title: "Verrouillages dans une proposition d’équipes",
      purpose: "Garder une personne dans un projet quand l’équipe du programme recalcule les équipes d’une saison.",
      columns: { season: "Saison", project: "Projet", created_at: "Le" },
    },
  },

  async export(db, person) {
    return {
      assignment_locks: await db
        .select({ season: seasons.name, project: projects.title, created_at: assignmentLocks.createdAt })
        .from(assignmentLocks)
        .innerJoin(seasons, eq(seasons.id, assignmentLocks.seasonId))
        .innerJoin(projects, eq(projects.id, assignmentLocks.projectId))
        .where(eq(assignmentLocks.userId, person.id))
        .orderBy(asc(assignmentLocks.createdAt)),
    };
  },

  async erase(tx, person) {
    await tx.delete(assignmentLocks).where(eq(assignmentLocks.userId, person.id));
  },
};
