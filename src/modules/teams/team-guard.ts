import type { Executor } from "../../db/client.ts";
import { ForbiddenError, UnauthenticatedError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { isProjectLead } from "./team-repository.ts";

/** The project's lead in that season, or the programme team (`manage:team:any`). */
export async function canManageTeam(db: Executor, user: CurrentUser | null, projectId: string, seasonId: string): Promise<boolean> {
  if (!user) return false;
  if (hasPermission(user, "manage:team:any")) return true;
  return isProjectLead(db, user.id, projectId, seasonId);
}

/** The one resource check of the needs and « Gérer l'équipe » pages: throws 401/403 (French) otherwise. */
export async function requireTeamLeadOrProgrammeTeam(db: Executor, user: CurrentUser | null, projectId: string, seasonId: string): Promise<CurrentUser> {
  if (!user) throw new UnauthenticatedError();
  if (!(await canManageTeam(db, user, projectId, seasonId))) throw new ForbiddenError("Seuls le porteur ou la porteuse du projet et l’équipe du programme peuvent gérer l’équipe de ce projet.");
  return user;
}
