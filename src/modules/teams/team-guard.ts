import type { Executor } from "../../db/client.ts";
import { ForbiddenError, UnauthenticatedError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { isProjectCoach, isProjectLead } from "./team-repository.ts";

/** The project's lead in that season, or the programme team (`manage:team:any`). */
export async function canManageTeam(db: Executor, user: CurrentUser | null, projectId: string, seasonId: string): Promise<boolean> {
  if (!user) return false;
  if (hasPermission(user, "manage:team:any")) return true;
  return isProjectLead(db, user.id, projectId, seasonId);
}

/** The one resource check of the needs page and of the decisions of « Gérer l'équipe »: throws 401/403 (French) otherwise. */
export async function requireTeamLeadOrProgrammeTeam(db: Executor, user: CurrentUser | null, projectId: string, seasonId: string): Promise<CurrentUser> {
  if (!user) throw new UnauthenticatedError();
  if (!(await canManageTeam(db, user, projectId, seasonId))) throw new ForbiddenError("Seuls le porteur ou la porteuse du projet et l’équipe du programme peuvent gérer l’équipe de ce projet.");
  return user;
}

/**
 * Who may open « Gérer l'équipe »: the lead and the programme team (`manages`: they decide join requests
 * and edit the needs), and the project's coaches in that season, who read it. Throws 401/403 otherwise.
 */
export async function requireTeamViewer(db: Executor, user: CurrentUser | null, projectId: string, seasonId: string): Promise<{ user: CurrentUser; manages: boolean }> {
  if (!user) throw new UnauthenticatedError();
  if (await canManageTeam(db, user, projectId, seasonId)) return { user, manages: true };
  if (await isProjectCoach(db, user.id, projectId, seasonId)) return { user, manages: false };
  throw new ForbiddenError("Seuls le porteur ou la porteuse du projet, ses coachs et l’équipe du programme peuvent voir la gestion de l’équipe de ce projet.");
}
