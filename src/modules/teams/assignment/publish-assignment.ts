import { InvalidInputError } from "../../../shared/domain-error.ts";
import { recordParticipation } from "../../people/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { addTeamMembers, listAssignmentPeople, lockAssignment, markPublished, type AssignmentPerson } from "./assignment-repository.ts";
import type { DraftPlacement } from "./draft.ts";
import { describePlacement, describeUnplaced } from "./explain.ts";

export type PublishedProject = { id: string; slug: string; title: string };
export type PublishInput = { season: { id: string; slug: string; name: string }; projects: readonly PublishedProject[]; skillNames: ReadonlyMap<string, string>; version: number; publishedBy: string };

export const participationRoles = { lead: "Porteur·euse du projet", contributor: "Contributeur·rice" } as const;

/**
 * Publishes the season's teams from the reviewed draft, once: in one transaction, under the
 * assignment's row lock (a second publication at the same time waits, then finds it published and is
 * refused), it records every placement as a team member and a participation (profiles and the season's
 * figures show them), and enqueues a mail to every member who sent wishes (their team and why, or why
 * none) and to every lead (their team).
 */
export function createPublishAssignment(deps: Pick<TeamsDeps, "db" | "clock" | "mailer" | "publicUrl">) {
  return async (input: PublishInput): Promise<{ teams: number; members: number }> => {
    const now = deps.clock.now();
    const projects = new Map(input.projects.map((project) => [project.id, project]));
    return deps.db.transaction(async (tx) => {
      const record = await lockAssignment(tx, input.season.id, now);
      if (record.publishedAt) throw new InvalidInputError({ publish: "Les équipes de cette saison sont déjà publiées." });
      if (record.version !== input.version) throw new InvalidInputError({ publish: "Le projet d’équipes a changé depuis que vous avez ouvert la page : relisez la version à jour avant de publier." });
      const draft = record.draft;
      if (!draft || draft.placements.length === 0) throw new InvalidInputError({ publish: "Lancez d’abord le calcul des équipes : il n’y a rien à publier." });
      if (!(await markPublished(tx, input.season.id, input.publishedBy, now))) throw new InvalidInputError({ publish: "Les équipes de cette saison sont déjà publiées." });

      // Accounts erased since the run (absent from `people`) and projects no longer in the season are left out.
      const people = await listAssignmentPeople(tx, [...draft.placements.map((placement) => placement.memberId), ...draft.unplaced.map((entry) => entry.memberId)]);
      const placements = draft.placements.filter((placement) => projects.has(placement.projectId) && people.has(placement.memberId));
      const roleOf = (placement: DraftPlacement) => (placement.reason.kind === "fixed" && placement.reason.fixedKind === "lead" ? "lead" : "contributor");
      await addTeamMembers(
        tx,
        placements.map((placement) => ({ seasonId: input.season.id, projectId: placement.projectId, userId: placement.memberId, role: roleOf(placement), now })),
      );
      for (const placement of placements) {
        const project = projects.get(placement.projectId)!;
        await recordParticipation(tx, { userId: placement.memberId, season: input.season.slug, projectSlug: project.slug, projectTitle: project.title, role: participationRoles[roleOf(placement)] });
      }

      const names = { project: (id: string) => projects.get(id)?.title ?? "un projet", skill: (id: string) => input.skillNames.get(id) ?? "une compétence" };
      const teamOf = (projectId: string) => placements.filter((placement) => placement.projectId === projectId);
      for (const placement of placements) {
        const person = people.get(placement.memberId);
        if (!person || roleOf(placement) === "lead") continue;
        const project = projects.get(placement.projectId)!;
        await deps.mailer.enqueue(tx, memberMail(deps.publicUrl, input.season, project, person, whyInMail(placement, names), teamOf(placement.projectId), people));
      }
      for (const entry of draft.unplaced) {
        const person = people.get(entry.memberId);
        if (!person) continue;
        await deps.mailer.enqueue(tx, unplacedMail(deps.publicUrl, input.season, person, entry.reason.kind === "moved_out" ? "l’équipe du programme n’a pas retenu de place pour vous dans les équipes proposées." : describeUnplaced(entry.reason, names).replace(/^non placé·e\u00a0: /, "")));
      }
      for (const project of input.projects) {
        const team = teamOf(project.id);
        for (const lead of team.filter((placement) => roleOf(placement) === "lead")) {
          const person = people.get(lead.memberId);
          if (person) await deps.mailer.enqueue(tx, leadMail(deps.publicUrl, input.season, project, person, team, people));
        }
      }
      return { teams: new Set(placements.map((placement) => placement.projectId)).size, members: placements.length };
    });
  };
}

/** Why this project, said to the member: the solver's explanation, or what the programme team or the member decided. */
function whyInMail(placement: DraftPlacement, names: { project(id: string): string; skill(id: string): string }): string {
  if (placement.moved || (placement.reason.kind === "fixed" && placement.reason.fixedKind === "lock")) return "l’équipe du programme vous a placé·e dans ce projet.";
  if (placement.reason.kind === "fixed" && placement.reason.fixedKind === "priority") return "vous poursuivez votre projet de la saison précédente, comme vous l’avez demandé.";
  return `${describePlacement(placement.reason, names)}.`;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function teamLines(team: readonly DraftPlacement[], people: ReadonlyMap<string, AssignmentPerson>): string[] {
  return team.map((placement) => {
    const person = people.get(placement.memberId);
    if (!person) return "- Ancien membre";
    const role = placement.reason.kind === "fixed" && placement.reason.fixedKind === "lead" ? "porteur·euse du projet" : "contributeur·rice";
    return `- ${person.name}${person.organisationName ? ` (${person.organisationName})` : ""}, ${role} — ${person.email}`;
  });
}

function memberMail(publicUrl: string, season: PublishInput["season"], project: PublishedProject, person: AssignmentPerson, why: string, team: readonly DraftPlacement[], people: ReadonlyMap<string, AssignmentPerson>) {
  return {
    to: person.email,
    subject: `Votre équipe de la ${season.name.toLowerCase()} : ${project.title}`.replace(" : ", "\u00a0: "),
    text: [
      "Bonjour,",
      "",
      `Les équipes de la ${season.name.toLowerCase()} du Programme 10\u00a0% sont publiées. Vous rejoignez l’équipe du projet «\u00a0${project.title}\u00a0».`,
      `Pourquoi ce projet\u00a0: ${why}`,
      "",
      "Votre équipe\u00a0:",
      ...teamLines(team, people),
      "",
      `La page du projet\u00a0: ${publicUrl}/projets/${project.slug}`,
      "",
      "Bonne saison\u00a0!",
      "L’équipe du Programme 10\u00a0%",
    ].join("\n"),
  };
}

function unplacedMail(publicUrl: string, season: PublishInput["season"], person: AssignmentPerson, why: string) {
  return {
    to: person.email,
    subject: `Les équipes de la ${season.name.toLowerCase()} sont publiées`,
    text: [
      "Bonjour,",
      "",
      `Les équipes de la ${season.name.toLowerCase()} du Programme 10\u00a0% sont publiées. Nous n’avons pas pu vous placer dans une équipe cette fois-ci.`,
      `${capitalised(why)}${why.endsWith(".") ? "" : "."}`,
      "",
      `Vous pouvez encore demander à rejoindre un projet depuis sa page\u00a0: ${publicUrl}/saisons/${season.slug}`,
      "",
      "L’équipe du Programme 10\u00a0%",
    ].join("\n"),
  };
}

function leadMail(publicUrl: string, season: PublishInput["season"], project: PublishedProject, person: AssignmentPerson, team: readonly DraftPlacement[], people: ReadonlyMap<string, AssignmentPerson>) {
  return {
    to: person.email,
    subject: `L’équipe de votre projet «\u00a0${project.title}\u00a0» est formée`,
    text: [
      "Bonjour,",
      "",
      `Les équipes de la ${season.name.toLowerCase()} du Programme 10\u00a0% sont publiées. Voici l’équipe de votre projet «\u00a0${project.title}\u00a0» (${team.length}\u00a0${team.length > 1 ? "personnes" : "personne"})\u00a0:`,
      ...teamLines(team, people),
      "",
      `Gérer l’équipe et les demandes pour la rejoindre\u00a0: ${publicUrl}/projets/${project.slug}/equipe`,
      "",
      "Bonne saison\u00a0!",
      "L’équipe du Programme 10\u00a0%",
    ].join("\n"),
  };
}
