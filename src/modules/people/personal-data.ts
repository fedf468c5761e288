import { asc, eq, sql } from "drizzle-orm";
import { participations, profiles, profileSkills, skills } from "../../db/schema/index.ts";
import type { PersonalDataContribution, PersonalDataTables } from "../privacy/api.ts";
import { availabilities, jobFamilies, profileVisibilityLabels, skillLevelLabels } from "./domain/profile-choices.ts";

/** The profile's edit page (people routes), once the person has a profile. */
function profileEditPath(tables: PersonalDataTables): string | null {
  const slug = tables.profiles?.[0]?.slug;
  return typeof slug === "string" ? `/annuaire/${slug}/modifier` : null;
}

const levelLabels = Object.fromEntries(Object.entries(skillLevelLabels).map(([level, label]) => [level, label]));

/**
 * The profile, its skills, the seasons and projects taken part in, the skills proposed. On erasure the
 * profile and its skills are deleted (the directory's search document goes with the row); participations
 * and proposed skills stay on the anonymised account (a project's history keeps « Ancien membre »).
 * Other members' profiles naming the person as their manager (by address) lose the manager's name and address.
 */
export const peoplePersonalData: PersonalDataContribution = {
  module: "people",
  sections: {
    profiles: {
      title: "Profil",
      purpose: "Vous présenter aux autres membres dans l’annuaire «\u00a0Trouver un expert\u00a0», ou à la seule équipe du programme selon votre choix.",
      columns: {
        slug: "Adresse du profil",
        unlisted_organisation: "Organisation absente de la liste",
        job_family: "Métier",
        bio: "Présentation",
        learning_wishes: "Envies d’apprendre",
        availability: "Disponibilité",
        forge_url: "Forge (GitHub, GitLab…)",
        tchap_id: "Identifiant Tchap",
        manager_name: "Manager",
        manager_email: "Adresse du manager",
        visibility: "Visibilité",
        charter_accepted_at: "Charte acceptée le",
        joined_at: "Inscription terminée le",
        updated_at: "Modifié le",
      },
      valueLabels: {
        job_family: jobFamilies,
        availability: availabilities,
        visibility: profileVisibilityLabels,
      },
      correction: { label: "Corriger mon profil", href: profileEditPath },
    },
    profile_skills: {
      title: "Compétences",
      purpose: "Trouver les bonnes personnes pour un projet ou une question.",
      columns: { skill_name: "Compétence", level: "Niveau" },
      valueLabels: { level: levelLabels },
      correction: { label: "Corriger mes compétences", href: profileEditPath },
    },
    participations: {
      title: "Participations",
      purpose: "Les saisons et projets auxquels vous avez pris part\u00a0: l’histoire du programme.",
      columns: { season: "Saison", project_title: "Projet", role: "Rôle", created_at: "Enregistrée le" },
    },
    skills: {
      title: "Compétences proposées",
      purpose: "Les compétences que vous avez proposé d’ajouter au vocabulaire commun.",
      columns: { name: "Compétence", category: "Catégorie", status: "État", created_at: "Proposée le" },
      valueLabels: { status: { accepted: "Acceptée", proposed: "En attente de l’équipe du programme" } },
    },
  },

  async export(db, person) {
    return {
      profiles: await db
        .select({
          user_id: profiles.userId,
          slug: profiles.slug,
          unlisted_organisation: profiles.unlistedOrganisation,
          job_family: profiles.jobFamily,
          bio: profiles.bio,
          learning_wishes: profiles.learningWishes,
          availability: profiles.availability,
          forge_url: profiles.forgeUrl,
          tchap_id: profiles.tchapId,
          manager_name: profiles.managerName,
          manager_email: profiles.managerEmail,
          visibility: profiles.visibility,
          charter_accepted_at: profiles.charterAcceptedAt,
          onboarding_step: profiles.onboardingStep,
          joined_at: profiles.joinedAt,
          created_at: profiles.createdAt,
          updated_at: profiles.updatedAt,
        })
        .from(profiles)
        .where(eq(profiles.userId, person.id)),
      profile_skills: await db
        .select({ user_id: profileSkills.userId, skill_id: profileSkills.skillId, skill_name: skills.name, level: profileSkills.level })
        .from(profileSkills)
        .innerJoin(skills, eq(skills.id, profileSkills.skillId))
        .where(eq(profileSkills.userId, person.id))
        .orderBy(sql`${profileSkills.level} desc`, asc(skills.name)),
      participations: await db
        .select({
          id: participations.id,
          user_id: participations.userId,
          season: participations.season,
          project_slug: participations.projectSlug,
          project_title: participations.projectTitle,
          role: participations.role,
          created_at: participations.createdAt,
        })
        .from(participations)
        .where(eq(participations.userId, person.id))
        .orderBy(asc(participations.season), asc(participations.createdAt)),
      skills: await db
        .select({ id: skills.id, slug: skills.slug, name: skills.name, category: skills.category, status: skills.status, proposed_by: skills.proposedBy, created_at: skills.createdAt })
        .from(skills)
        .where(eq(skills.proposedBy, person.id))
        .orderBy(asc(skills.createdAt)),
    };
  },

  async erase(tx, person, { now }) {
    await tx.delete(profileSkills).where(eq(profileSkills.userId, person.id));
    await tx.delete(profiles).where(eq(profiles.userId, person.id));
    await tx
      .update(profiles)
      .set({ managerName: null, managerEmail: null, updatedAt: now })
      .where(sql`lower(${profiles.managerEmail}) = ${person.email.toLowerCase()}`);
  },
};
