import type { Executor } from "../../db/client.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { canSeeProfile, skillLookup } from "../people/api.ts";
import type { TeamSectionModel } from "../projects/api.ts";
import { listSeasons } from "../seasons/api.ts";
import { canManageTeam } from "./team-guard.ts";
import { needLevelLabels, rhythmLabels, roleLabels } from "./team-labels.ts";
import { findProjectNeeds, findTeamOf, isAssignmentPublished, isProjectCoach, listSeasonIdsOfProject, listTeam, TeamRoles } from "./team-repository.ts";
import { parisDay, wishesPhaseKey } from "./wishes/wish-window.ts";

/**
 * The team section of a project page (passed to the projects module as `teamSection` by the composition
 * root), for the project's latest season: what the team seeks, the team once published (names for
 * members, only the count and ministries for anonymous visitors: the page is cached for them), and the
 * viewer's actions.
 */
export function createTeamSection(deps: { db: Executor }) {
  const { db } = deps;
  return async function teamSection(input: { projectId: string; projectSlug: string; viewer: CurrentUser | null; now: Date }): Promise<TeamSectionModel | null> {
    const [seasonId] = await listSeasonIdsOfProject(db, input.projectId);
    const season = seasonId ? (await listSeasons(db)).find((candidate) => candidate.id === seasonId) : undefined;
    if (!season) return null;
    const { viewer } = input;
    const path = `/projets/${input.projectSlug}`;
    const needs = await findProjectNeeds(db, input.projectId, season.id);
    const skillNames = needs ? await skillLookup.findNames(db, needs.skills.map((skill) => skill.skillId)) : new Map<string, string>();
    const published = await isAssignmentPublished(db, season.id);
    let team: TeamSectionModel["team"] = null;
    if (published) {
      const members = await listTeam(db, input.projectId, season.id);
      const ministries = [...new Set(members.map((member) => member.ministryName ?? member.organisationName).filter((name): name is string => Boolean(name)))].sort((a, b) => a.localeCompare(b, "fr"));
      const seer = viewer ? { id: viewer.id, canSeeHiddenProfiles: hasPermission(viewer, "read:hidden-profile:any") } : null;
      const coaches = members.filter((member) => member.role === TeamRoles.coach).length;
      team = {
        // Coaches accompany the team and are not counted in its size.
        count: members.length - coaches,
        coaches,
        ministries,
        members: seer
          ? members.map((member) => ({
              name: member.name,
              href: member.profileSlug && canSeeProfile(seer, { userId: member.userId, visibility: member.profileVisibility, joined: member.profileJoined, erased: member.erased }) ? `/annuaire/${member.profileSlug}` : null,
              role: roleLabels[member.role],
              organisation: member.organisationName,
            }))
          : null,
      };
      if (members.length === 0) team = null;
    }
    const today = parisDay(input.now);
    const wishes = season.phases.find((phase) => phase.key === wishesPhaseKey && phase.startsOn <= today && today <= phase.endsOn);
    let wish: TeamSectionModel["wish"] = null;
    if (wishes && !published) {
      if (!viewer) wish = { kind: "sign-in", href: `/connexion?retour=${encodeURIComponent(path)}` };
      else if (hasPermission(viewer, "manage:wish:own")) wish = { kind: "form", projectId: input.projectId, closesOn: wishes.endsOn };
    }
    const joinHref = published && viewer && hasPermission(viewer, "request:team-join") && !(await findTeamOf(db, viewer.id, season.id)) ? `${path}/rejoindre` : null;
    const manages = await canManageTeam(db, viewer, input.projectId, season.id);
    // A coach of the project reads « Gérer l'équipe »; the needs stay with the lead and the programme team.
    const coaching = !manages && viewer !== null && (await isProjectCoach(db, viewer.id, input.projectId, season.id));
    const manage = manages ? { needsHref: `${path}/equipe-recherchee`, teamHref: `${path}/equipe` } : coaching ? { needsHref: null, teamHref: `${path}/equipe` } : null;
    return {
      seasonName: season.name,
      needs: needs
        ? {
            size: needs.minSize === needs.maxSize ? `${needs.maxSize}\u00a0${needs.maxSize > 1 ? "personnes" : "personne"}` : `De ${needs.minSize} à ${needs.maxSize}\u00a0personnes`,
            skills: needs.skills.flatMap((skill) => {
              const name = skillNames.get(skill.skillId);
              return name ? [{ name, level: needLevelLabels[skill.level], required: skill.required }] : [];
            }),
            rhythm: rhythmLabels[needs.rhythm],
            whyJoin: needs.whyJoin,
          }
        : null,
      team,
      wish,
      joinHref,
      manage,
    };
  };
}
