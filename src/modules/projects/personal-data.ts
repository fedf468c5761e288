import { asc, eq } from "drizzle-orm";
import { projectSeasons, projects } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/**
 * The season decisions a programme-team member recorded (a project selected or carried over). They are
 * the programme's history: on erasure they stay on the anonymised account (« Ancien membre »).
 */
export const projectsPersonalData: PersonalDataContribution = {
  module: "projects",
  sections: {
    project_seasons: {
      title: "Décisions de saison sur des projets",
      purpose: "Garder la trace de qui a retenu ou poursuivi un projet dans une saison, et pourquoi.",
      columns: { project: "Projet", entry: "Entrée dans la saison", decision_reason: "Motif", decided_at: "Le" },
    },
  },

  async export(db, person) {
    return {
      project_seasons: await db
        .select({ project_id: projectSeasons.projectId, project: projects.title, season_id: projectSeasons.seasonId, entry: projectSeasons.entry, decision_reason: projectSeasons.decisionReason, decided_at: projectSeasons.decidedAt })
        .from(projectSeasons)
        .innerJoin(projects, eq(projects.id, projectSeasons.projectId))
        .where(eq(projectSeasons.decidedBy, person.id))
        .orderBy(asc(projectSeasons.decidedAt)),
    };
  },

  async erase() {},
};
