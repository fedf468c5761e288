import { InvalidInputError } from "../../../shared/domain-error.ts";
import type { TeamsDeps } from "../deps.ts";
import { listSubmittedWishLists } from "../team-repository.ts";
import { type AssignmentRecord, listLocks, lockAssignment, removeLock, saveDraft, saveRules, setLock } from "./assignment-repository.ts";
import { moveInDraft } from "./draft.ts";
import type { AssignmentRules } from "./instance.ts";

type Deps = Pick<TeamsDeps, "db" | "clock">;
type Executor = Parameters<Parameters<TeamsDeps["db"]["transaction"]>[0]>[0];

/** The version the page showed must still be the stored one: two people reviewing at once do not undo each other's changes. */
function requireUnchanged(record: AssignmentRecord, version: number): void {
  if (record.publishedAt) throw new InvalidInputError({ draft: "Les équipes de cette saison sont déjà publiées : elles ne se modifient plus ici." });
  if (record.version !== version) throw new InvalidInputError({ draft: "Le projet d’équipes a changé depuis que vous avez ouvert la page : voici la version à jour, refaites votre modification si elle est encore utile." });
}

async function withAssignment<T>(deps: Deps, seasonId: string, version: number, change: (tx: Executor, record: AssignmentRecord) => Promise<T>): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const record = await lockAssignment(tx, seasonId, deps.clock.now());
    requireUnchanged(record, version);
    return change(tx, record);
  });
}

/** Saves the season's rules (they apply at the next run). */
export function createSaveAssignmentRules(deps: Deps) {
  return (input: { seasonId: string; version: number; rules: AssignmentRules }) =>
    withAssignment(deps, input.seasonId, input.version, (tx) => saveRules(tx, input.seasonId, input.rules, deps.clock.now()));
}

/** Moves a member of the draft to another project, or out of every team (`projectId` null). */
export function createMoveMember(deps: Deps) {
  return (input: { seasonId: string; version: number; memberId: string; projectId: string | null; projectIds: readonly string[]; movedBy: string }) =>
    withAssignment(deps, input.seasonId, input.version, async (tx, record) => {
      if (!record.draft) throw new InvalidInputError({ draft: "Lancez d’abord le calcul des équipes." });
      const known = record.draft.placements.some((placement) => placement.memberId === input.memberId) || record.draft.unplaced.some((entry) => entry.memberId === input.memberId);
      if (!known) throw new InvalidInputError({ memberId: "Cette personne ne fait pas partie du projet d’équipes." });
      if (input.projectId !== null && !input.projectIds.includes(input.projectId)) throw new InvalidInputError({ projectId: "Choisissez un projet de la saison." });
      const wishes = (await listSubmittedWishLists(tx, input.seasonId)).find((list) => list.userId === input.memberId);
      const rank = input.projectId && wishes ? wishes.projectIds.indexOf(input.projectId) + 1 || null : null;
      await saveDraft(tx, input.seasonId, moveInDraft(record.draft, input.memberId, input.projectId, rank), deps.clock.now(), false);
      // A locked member stays locked, where they now are (or loses the lock when moved out of every team).
      if ((await listLocks(tx, input.seasonId)).some((lock) => lock.userId === input.memberId)) {
        if (input.projectId) await setLock(tx, { seasonId: input.seasonId, userId: input.memberId, projectId: input.projectId, lockedBy: input.movedBy, now: deps.clock.now() });
        else await removeLock(tx, input.seasonId, input.memberId);
      }
      return rank;
    });
}

/** Locks a member where the draft places them: every new run keeps them there. */
export function createLockMember(deps: Deps) {
  return (input: { seasonId: string; version: number; memberId: string; lockedBy: string }) =>
    withAssignment(deps, input.seasonId, input.version, async (tx, record) => {
      const placement = record.draft?.placements.find((candidate) => candidate.memberId === input.memberId);
      if (!placement) throw new InvalidInputError({ memberId: "Placez d’abord cette personne dans un projet pour l’y verrouiller." });
      await setLock(tx, { seasonId: input.seasonId, userId: input.memberId, projectId: placement.projectId, lockedBy: input.lockedBy, now: deps.clock.now() });
      await saveDraft(tx, input.seasonId, record.draft!, deps.clock.now(), false);
    });
}

/** Unlocks a member: the next run may place them elsewhere. */
export function createUnlockMember(deps: Deps) {
  return (input: { seasonId: string; version: number; memberId: string }) =>
    withAssignment(deps, input.seasonId, input.version, async (tx, record) => {
      await removeLock(tx, input.seasonId, input.memberId);
      if (record.draft) await saveDraft(tx, input.seasonId, record.draft, deps.clock.now(), false);
    });
}
