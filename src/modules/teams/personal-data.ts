import { asc, eq, or } from "drizzle-orm";
import { joinRequests, projectNeeds, projects, teamMembers, wishes, wishLists } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/**
 * Wishes, wish lists, join requests (made or decided), team memberships and the needs a member last
 * edited. On erasure wishes, wish lists, the person's join requests and team memberships are deleted
 * (a former member leaves the team: its seat frees; the season's participation, kept by the people
 * module, stays the programme's record); decisions on others' requests and needs edited keep their row
 * without the person (`decided_by`, `updated_by` set to null).
 */
export const teamsPersonalData: PersonalDataContribution = {
  module: "teams",
  sections: {
    wish_lists: {
      title: "Listes de vœux",
      purpose: "Exprimer vos vœux de projets pour l’affectation aux équipes d’une saison.",
      columns: { season_id: "Saison", state: "État", any_project: "N’importe quel projet", keep_previous_project: "Poursuivre sur le projet précédent", submitted_at: "Envoyée le", updated_at: "Modifiée le" },
    },
    wishes: {
      title: "Vœux",
      purpose: "Classer les projets où vous souhaitez contribuer.",
      columns: { season_id: "Saison", rank: "Rang", project: "Projet", motivation: "Motivation" },
    },
    join_requests: {
      title: "Demandes pour rejoindre une équipe",
      purpose: "Rejoindre une équipe après la publication des équipes, ou répondre aux demandes en tant que porteur ou porteuse.",
      columns: { project: "Projet", message: "Message", state: "État", created_at: "Le", decided_at: "Réponse le" },
    },
    team_members: {
      title: "Équipes",
      purpose: "Savoir dans quelle équipe vous êtes chaque saison, et avec quel rôle.",
      columns: { season_id: "Saison", project: "Projet", role: "Rôle", source: "Origine", created_at: "Depuis le" },
    },
    project_needs: {
      title: "Équipes recherchées modifiées",
      purpose: "Garder la trace de qui a modifié en dernier ce qu’une équipe recherche.",
      columns: { project: "Projet", season_id: "Saison", updated_at: "Modifiée le" },
    },
  },

  async export(db, person) {
    return {
      wish_lists: await db
        .select({ user_id: wishLists.userId, season_id: wishLists.seasonId, state: wishLists.state, any_project: wishLists.anyProject, keep_previous_project: wishLists.keepPreviousProject, submitted_at: wishLists.submittedAt, updated_at: wishLists.updatedAt })
        .from(wishLists)
        .where(eq(wishLists.userId, person.id))
        .orderBy(asc(wishLists.updatedAt)),
      wishes: await db
        .select({ user_id: wishes.userId, season_id: wishes.seasonId, rank: wishes.rank, project_id: wishes.projectId, project: projects.title, motivation: wishes.motivation })
        .from(wishes)
        .innerJoin(projects, eq(projects.id, wishes.projectId))
        .where(eq(wishes.userId, person.id))
        .orderBy(asc(wishes.seasonId), asc(wishes.rank)),
      join_requests: await db
        .select({ id: joinRequests.id, project_id: joinRequests.projectId, project: projects.title, user_id: joinRequests.userId, message: joinRequests.message, state: joinRequests.state, decided_by: joinRequests.decidedBy, created_at: joinRequests.createdAt, decided_at: joinRequests.decidedAt })
        .from(joinRequests)
        .innerJoin(projects, eq(projects.id, joinRequests.projectId))
        .where(or(eq(joinRequests.userId, person.id), eq(joinRequests.decidedBy, person.id)))
        .orderBy(asc(joinRequests.createdAt)),
      team_members: await db
        .select({ id: teamMembers.id, season_id: teamMembers.seasonId, project_id: teamMembers.projectId, project: projects.title, role: teamMembers.role, source: teamMembers.source, created_at: teamMembers.createdAt })
        .from(teamMembers)
        .innerJoin(projects, eq(projects.id, teamMembers.projectId))
        .where(eq(teamMembers.userId, person.id))
        .orderBy(asc(teamMembers.createdAt)),
      project_needs: await db
        .select({ project_id: projectNeeds.projectId, project: projects.title, season_id: projectNeeds.seasonId, updated_at: projectNeeds.updatedAt })
        .from(projectNeeds)
        .innerJoin(projects, eq(projects.id, projectNeeds.projectId))
        .where(eq(projectNeeds.updatedBy, person.id))
        .orderBy(asc(projectNeeds.updatedAt)),
    };
  },

  async erase(tx, person) {
    await tx.delete(wishes).where(eq(wishes.userId, person.id));
    await tx.delete(wishLists).where(eq(wishLists.userId, person.id));
    await tx.delete(joinRequests).where(eq(joinRequests.userId, person.id));
    await tx.update(joinRequests).set({ decidedBy: null }).where(eq(joinRequests.decidedBy, person.id));
    await tx.delete(teamMembers).where(eq(teamMembers.userId, person.id));
    await tx.update(projectNeeds).set({ updatedBy: null }).where(eq(projectNeeds.updatedBy, person.id));
  },
};
