import { InvalidInputError } from "../../../shared/domain-error.ts";
import { listProjectsOfSeason } from "../../projects/api.ts";
import { listSeasons } from "../../seasons/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { countDraftWishLists, listNeedsOfSeason, listProjectLeadsOfSeason, listSubmittedWishLists } from "../team-repository.ts";
import { findAssignment, listAssignmentPeople, listCoaches, listLocks, listTeamPlaces, lockAssignment, saveDraft } from "./assignment-repository.ts";
import { buildInstance, type RunData } from "./build-instance.ts";
import { type StoredDraft, teamChanges } from "./draft.ts";
import { type AssignmentInstance, defaultAssignmentRules } from "./instance.ts";
import { solveAssignment } from "./solve-assignment.ts";

/** Everything a run reads, also what the review page shows beside the draft. */
export async function loadRunData(db: TeamsDeps["db"], seasonId: string): Promise<RunData & { draftWishListCount: number }> {
  const [projects, needs, wishLists, locks, record, draftWishListCount, coaches] = await Promise.all([
    listProjectsOfSeason(db, seasonId),
    listNeedsOfSeason(db, seasonId),
    listSubmittedWishLists(db, seasonId),
    listLocks(db, seasonId),
    findAssignment(db, seasonId),
    countDraftWishLists(db, seasonId),
    listCoaches(db, seasonId),
  ]);
  const needsOf = new Map(needs.map((need) => [need.projectId, need]));
  const leads: RunData["leads"] = [];
  const inSeason = new Set(projects.map((project) => project.id));
  for (const lead of await listProjectLeadsOfSeason(db, seasonId)) if (inSeason.has(lead.projectId)) leads.push({ userId: lead.userId, projectId: lead.projectId });

  // Last season: the season that started just before this one.
  const seasons = await listSeasons(db);
  const index = seasons.findIndex((season) => season.id === seasonId);
  const previous = index >= 0 ? seasons[index + 1] : undefined;
  const continuing = new Set(projects.map((project) => project.id));
  const previousTeams = new Map<string, string>();
  if (previous) for (const place of await listTeamPlaces(db, previous.id)) if (continuing.has(place.projectId)) previousTeams.set(place.userId, place.projectId);

  const people = await listAssignmentPeople(db, [...wishLists.map((list) => list.userId), ...leads.map((lead) => lead.userId), ...locks.map((lock) => lock.userId)]);
  return {
    projects: projects.map((project) => {
      const need = needsOf.get(project.id);
      return { id: project.id, needs: need ? { minSize: need.minSize, maxSize: need.maxSize, skills: need.skills } : null };
    }),
    wishLists,
    people,
    leads,
    locks,
    coaches,
    previousTeams,
    rules: record?.rules ?? defaultAssignmentRules,
    draftWishListCount,
  };
}

/**
 * Runs the assignment of a season: reads the projects' needs, the sent wishes, leads, locks and last
 * season's teams, solves exactly (locks kept), and stores the result as the draft the programme team
 * reviews. Refused once the season's teams are published.
 */
export function createComputeAssignment(deps: Pick<TeamsDeps, "db" | "clock">) {
  return async (seasonId: string): Promise<StoredDraft> => {
    const data = await loadRunData(deps.db, seasonId);
    if (data.projects.length === 0) throw new InvalidInputError({ run: "Cette saison n’a encore aucun projet : les équipes se forment une fois les projets retenus." });
    const instance: AssignmentInstance = buildInstance(data);
    const result = await solveAssignment(instance);
    const draft: StoredDraft = {
      placements: result.placements,
      unplaced: result.unplaced,
      relaxed: result.relaxed,
      provenOptimal: result.provenOptimal,
      status: result.status,
      objective: result.objective,
      rankCounts: result.rankCounts,
      anyProjectCount: result.anyProjectCount,
      solveMilliseconds: result.solveMilliseconds,
      wishListCount: data.wishLists.length,
      draftWishListCount: data.draftWishListCount,
      rules: data.rules,
    };
    await deps.db.transaction(async (tx) => {
      const record = await lockAssignment(tx, seasonId, deps.clock.now());
      if (record.publishedAt) throw new InvalidInputError({ run: "Les équipes de cette saison sont déjà publiées : elles ne se recalculent plus." });
      draft.changes = teamChanges(record.draft, draft);
      await saveDraft(tx, seasonId, draft, deps.clock.now(), true);
    });
    return draft;
  };
}
