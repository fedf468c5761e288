import type { Executor } from "../../db/client.ts";
import { formatCalendarDay } from "../../shared/french-date.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { canSeeProfile, skillLookup } from "../people/api.ts";
import type { TeamSectionModel } from "../projects/api.ts";
import { listSeasons } from "../seasons/api.ts";
import { canManageTeam } from "./team-guard.ts";
import { needLevelLabels, rhythmLabels, roleLabels } from "./team-labels.ts";
import { findProjectNeeds, findTeamOf, isAssignmentPublished, isProjectCoach, isProjectLead, listSeasonIdsOfProject, listTeam, TeamRoles } from "./team-repository.ts";
import { findWishList } from "./wishes/wish-repository.ts";
import { parisDayOf } from "../../shared/french-date.ts";
import { wishesPhaseKey } from "./wishes/wish-window.ts";

type Seer = { id: string; canSeeHiddenProfiles: boolean } | null;
type PublishedTeam = NonNullable<TeamSectionModel["team"]>;

/** « du 8 au 15 février 2027 », « du 28 février au 6 mars 2027 », « du 28 décembre 2026 au 3 janvier 2027 ». */
export function formatDayRange(startsOn: string, endsOn: string): string {
  const end = formatCalendarDay(endsOn);
  const start = formatCalendarDay(startsOn);
  if (startsOn.slice(0, 7) === endsOn.slice(0, 7)) return `du ${start.split(/[\s\u00a0\u202f]/)[0]} au ${end}`;
  if (startsOn.slice(0, 4) === endsOn.slice(0, 4)) return `du ${start.replace(/[\s\u00a0\u202f]\d{4}$/, "")} au ${end}`;
  return `du ${start} au ${end}`;
}

/** A published team of one season: counts and ministries for everyone, names for a signed-in viewer (`seer`). */
async function publishedTeam(db: Executor, projectId: string, seasonId: string, seer: Seer): Promise<Omit<PublishedTeam, "full"> | null> {
  const members = await listTeam(db, projectId, seasonId);
  if (members.length === 0) return null;
  const ministries = [...new Set(members.map((member) => member.ministryName ?? member.organisationName).filter((name): name is string => Boolean(name)))].sort((a, b) => a.localeCompare(b, "fr"));
  const coaches = members.filter((member) => member.role === TeamRoles.coach).length;
  return {
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
}

/**
 * The team section of a project page (passed to the projects module as `teamSection` by the composition
 * root), for the project's latest season: what the team seeks, where the team stands (to be formed after
 * the wishes phase, being formed, or published: names for members, only the count and ministries for
 * anonymous visitors — the page is cached for them), the viewer's actions, and the teams of the project's
 * earlier seasons, most recent first.
 */
export function createTeamSection(deps: { db: Executor }) {
  const { db } = deps;
  return async function teamSection(input: { projectId: string; projectSlug: string; viewer: CurrentUser | null; now: Date }): Promise<TeamSectionModel | null> {
    const seasonIds = await listSeasonIdsOfProject(db, input.projectId);
    const allSeasons = await listSeasons(db);
    const season = seasonIds[0] ? allSeasons.find((candidate) => candidate.id === seasonIds[0]) : undefined;
    if (!season) return null;
    const { viewer } = input;
    const path = `/projets/${input.projectSlug}`;
    const needs = await findProjectNeeds(db, input.projectId, season.id);
    const skillNames = needs ? await skillLookup.findNames(db, needs.skills.map((skill) => skill.skillId)) : new Map<string, string>();
    const published = await isAssignmentPublished(db, season.id);
    const seer: Seer = viewer ? { id: viewer.id, canSeeHiddenProfiles: hasPermission(viewer, "read:hidden-profile:any") } : null;
    let team: TeamSectionModel["team"] = null;
    if (published) {
      const found = await publishedTeam(db, input.projectId, season.id, seer);
      // Full: as many members (coaches left out) as the needs' maximum; the server refuses requests and acceptances above it.
      if (found) team = { ...found, full: needs !== null && found.count >= needs.maxSize };
    }
    const today = parisDayOf(input.now);
    const wishesPhase = season.phases.find((phase) => phase.key === wishesPhaseKey);
    const wishesOpen = wishesPhase && wishesPhase.startsOn <= today && today <= wishesPhase.endsOn ? wishesPhase : undefined;
    // Before publication, where the team stands (the same for every visitor: the anonymous page is cached).
    const formation = published || !wishesPhase ? null : today <= wishesPhase.endsOn ? `L’équipe sera formée après la phase des vœux (${formatDayRange(wishesPhase.startsOn, wishesPhase.endsOn)}).` : "L’équipe est en cours de formation.";
    // A lead of the project this season is fixed in it: no wish, no request.
    const leads = viewer !== null && (await isProjectLead(db, viewer.id, input.projectId, season.id));
    let wish: TeamSectionModel["wish"] = null;
    if (wishesOpen && !published && !leads) {
      if (!viewer) wish = { kind: "sign-in", href: `/connexion?retour=${encodeURIComponent(path)}` };
      else if (hasPermission(viewer, "manage:wish:own")) {
        const kept = (await findWishList(db, viewer.id, season.id))?.wishes.find((row) => row.projectId === input.projectId);
        wish = kept ? { kind: "wished", rank: kept.rank, href: "/voeux" } : { kind: "form", projectId: input.projectId, closesOn: wishesOpen.endsOn };
      }
    }
    const joinHref = published && !team?.full && viewer && hasPermission(viewer, "request:team-join") && !(await findTeamOf(db, viewer.id, season.id)) ? `${path}/rejoindre` : null;
    const manages = await canManageTeam(db, viewer, input.projectId, season.id);
    // A coach of the project reads « Gérer l'équipe »; the needs stay with the lead and the programme team.
    const coaching = !manages && viewer !== null && (await isProjectCoach(db, viewer.id, input.projectId, season.id));
    const manage = manages ? { needsHref: `${path}/equipe-recherchee`, teamHref: `${path}/equipe` } : coaching ? { needsHref: null, teamHref: `${path}/equipe` } : null;
    const pastSeasons: TeamSectionModel["pastSeasons"] = [];
    for (const seasonId of seasonIds.slice(1)) {
      const past = allSeasons.find((candidate) => candidate.id === seasonId);
      if (!past || !(await isAssignmentPublished(db, past.id))) continue;
      const found = await publishedTeam(db, input.projectId, past.id, seer);
      if (found) pastSeasons.push({ seasonName: past.name, ...found });
    }
    return {
      seasonName: season.name,
      formation,
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
      pastSeasons,
    };
  };
}
