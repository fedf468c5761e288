import { asc, eq, or } from "drizzle-orm";
import { projectReuses, projects, workspaceFramings, workspaceLinks, workspaceLogEntries, workspaceMilestones, workspaceRestitutions } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/**
 * What the person wrote or was named in, in project workspaces: framing versions written or reviewed,
 * milestones owned or added, log entries, links and files added, reuses declared, restitutions edited.
 * On erasure the team's work stays (it is the project's record) without the person: every reference to
 * them is set to null, and the workspace shows « Ancien membre ».
 */
export const workspacePersonalData: PersonalDataContribution = {
  module: "workspace",
  sections: {
    workspace_framings: {
      title: "Fiches de cadrage",
      purpose: "Garder l’historique des versions de la fiche de cadrage d’un projet, avec leur auteur ou autrice et leur relecture.",
      columns: { project: "Projet", season_id: "Saison", version: "Version", created_at: "Écrite le", reviewed_at: "Relue le", review_note: "Note de relecture" },
    },
    workspace_milestones: {
      title: "Jalons",
      purpose: "Suivre les jalons d’un projet et qui en est responsable.",
      columns: { project: "Projet", season_id: "Saison", title: "Jalon", due_on: "Échéance", state: "État" },
    },
    workspace_log_entries: {
      title: "Journal de bord",
      purpose: "Garder la trace des ateliers d’un projet et de sa météo.",
      columns: { project: "Projet", season_id: "Saison", happened_on: "Date", done: "Ce que nous avons fait", weather: "Météo", created_at: "Écrite le" },
    },
    workspace_links: {
      title: "Liens et fichiers",
      purpose: "Partager les ressources d’un projet avec son équipe.",
      columns: { project: "Projet", season_id: "Saison", kind: "Type", label: "Libellé", url: "Adresse", created_at: "Ajouté le" },
    },
    project_reuses: {
      title: "Réutilisations déclarées",
      purpose: "Montrer qu’une administration utilise un projet.",
      columns: { project: "Projet", purpose: "Pour quoi faire", since: "Depuis le", created_at: "Déclarée le" },
    },
    workspace_restitutions: {
      title: "Restitutions",
      purpose: "Présenter le résultat d’un projet à la fin de la saison.",
      columns: { project: "Projet", season_id: "Saison", updated_at: "Modifiée le" },
    },
  },

  async export(db, person) {
    return {
      workspace_framings: await db
        .select({ project_id: workspaceFramings.projectId, project: projects.title, season_id: workspaceFramings.seasonId, version: workspaceFramings.version, author_id: workspaceFramings.authorId, reviewed_by: workspaceFramings.reviewedBy, created_at: workspaceFramings.createdAt, reviewed_at: workspaceFramings.reviewedAt, review_note: workspaceFramings.reviewNote })
        .from(workspaceFramings)
        .innerJoin(projects, eq(projects.id, workspaceFramings.projectId))
        .where(or(eq(workspaceFramings.authorId, person.id), eq(workspaceFramings.reviewedBy, person.id)))
        .orderBy(asc(workspaceFramings.createdAt)),
      workspace_milestones: await db
        .select({ id: workspaceMilestones.id, project: projects.title, season_id: workspaceMilestones.seasonId, title: workspaceMilestones.title, due_on: workspaceMilestones.dueOn, state: workspaceMilestones.state, owner_id: workspaceMilestones.ownerId, created_by: workspaceMilestones.createdBy })
        .from(workspaceMilestones)
        .innerJoin(projects, eq(projects.id, workspaceMilestones.projectId))
        .where(or(eq(workspaceMilestones.ownerId, person.id), eq(workspaceMilestones.createdBy, person.id)))
        .orderBy(asc(workspaceMilestones.createdAt)),
      workspace_log_entries: await db
        .select({ id: workspaceLogEntries.id, project: projects.title, season_id: workspaceLogEntries.seasonId, happened_on: workspaceLogEntries.happenedOn, done: workspaceLogEntries.done, weather: workspaceLogEntries.weather, author_id: workspaceLogEntries.authorId, created_at: workspaceLogEntries.createdAt })
        .from(workspaceLogEntries)
        .innerJoin(projects, eq(projects.id, workspaceLogEntries.projectId))
        .where(eq(workspaceLogEntries.authorId, person.id))
        .orderBy(asc(workspaceLogEntries.createdAt)),
      workspace_links: await db
        .select({ id: workspaceLinks.id, project: projects.title, season_id: workspaceLinks.seasonId, kind: workspaceLinks.kind, label: workspaceLinks.label, url: workspaceLinks.url, created_by: workspaceLinks.createdBy, created_at: workspaceLinks.createdAt })
        .from(workspaceLinks)
        .innerJoin(projects, eq(projects.id, workspaceLinks.projectId))
        .where(eq(workspaceLinks.createdBy, person.id))
        .orderBy(asc(workspaceLinks.createdAt)),
      project_reuses: await db
        .select({ id: projectReuses.id, project: projects.title, purpose: projectReuses.purpose, since: projectReuses.since, declared_by: projectReuses.declaredBy, created_at: projectReuses.createdAt })
        .from(projectReuses)
        .innerJoin(projects, eq(projects.id, projectReuses.projectId))
        .where(eq(projectReuses.declaredBy, person.id))
        .orderBy(asc(projectReuses.createdAt)),
      workspace_restitutions: await db
        .select({ project_id: workspaceRestitutions.projectId, project: projects.title, season_id: workspaceRestitutions.seasonId, updated_by: workspaceRestitutions.updatedBy, updated_at: workspaceRestitutions.updatedAt })
        .from(workspaceRestitutions)
        .innerJoin(projects, eq(projects.id, workspaceRestitutions.projectId))
        .where(eq(workspaceRestitutions.updatedBy, person.id))
        .orderBy(asc(workspaceRestitutions.updatedAt)),
    };
  },

  async erase(tx, person) {
    await tx.update(workspaceFramings).set({ authorId: null }).where(eq(workspaceFramings.authorId, person.id));
    await tx.update(workspaceFramings).set({ reviewedBy: null }).where(eq(workspaceFramings.reviewedBy, person.id));
    await tx.update(workspaceMilestones).set({ ownerId: null }).where(eq(workspaceMilestones.ownerId, person.id));
    await tx.update(workspaceMilestones).set({ createdBy: null }).where(eq(workspaceMilestones.createdBy, person.id));
    await tx.update(workspaceLogEntries).set({ authorId: null }).where(eq(workspaceLogEntries.authorId, person.id));
    await tx.update(workspaceLinks).set({ createdBy: null }).where(eq(workspaceLinks.createdBy, person.id));
    await tx.update(projectReuses).set({ declaredBy: null }).where(eq(projectReuses.declaredBy, person.id));
    await tx.update(workspaceRestitutions).set({ updatedBy: null }).where(eq(workspaceRestitutions.updatedBy, person.id));
  },
};
