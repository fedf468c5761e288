import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { teamMembers, users } from "../../db/schema/index.ts";
import { ForbiddenError, UnauthenticatedError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission, Roles } from "../identity/api.ts";
import { organisationLookup } from "../organisations/api.ts";

/**
 * Who may do what in a project's workspace for one season (issue 15, ADR 0034):
 * - the programme team reads and keeps every workspace (`manage:workspace:any`);
 * - the season's team (lead and contributors) reads and keeps it; once the season is over it stays
 *   readable to them (« former team members keep read access to the seasons they were in »);
 * - the project's coaches of that season read it and review the framing;
 * - an AMD reads it when their organisation's ministry is the ministry of one of the team's members.
 * Everyone else: 403 (401 when signed out).
 */
export type WorkspaceRole = "programme_team" | "member" | "former_member" | "coach" | "amd";
export type WorkspaceAccess = { role: WorkspaceRole; canEdit: boolean; canReview: boolean };

export type WorkspaceFacts = {
  /** The viewer's role in that season's team, if any. */
  teamRole: "lead" | "contributor" | "coach" | null;
  /** The season is over (its end date passed, Paris time). */
  seasonOver: boolean;
  /** The viewer holds an AMD role whose ministry is one of the team's ministries. */
  amdOfInvolvedMinistry: boolean;
};

/** The rule itself, pure: null when the viewer may not read the workspace. */
export function decideWorkspaceAccess(user: CurrentUser, facts: WorkspaceFacts): WorkspaceAccess | null {
  if (hasPermission(user, "manage:workspace:any")) return { role: "programme_team", canEdit: true, canReview: true };
  if (facts.teamRole === "lead" || facts.teamRole === "contributor") {
    return facts.seasonOver ? { role: "former_member", canEdit: false, canReview: false } : { role: "member", canEdit: true, canReview: false };
  }
  if (facts.teamRole === "coach") return { role: "coach", canEdit: false, canReview: true };
  if (facts.amdOfInvolvedMinistry) return { role: "amd", canEdit: false, canReview: false };
  return null;
}

export type WorkspaceScope = { projectId: string; seasonId: string; seasonEndsOn: string };

/** Reads the facts of `decideWorkspaceAccess` from the database. */
export async function findWorkspaceAccess(db: Executor, user: CurrentUser, scope: WorkspaceScope, today: string): Promise<WorkspaceAccess | null> {
  if (hasPermission(user, "manage:workspace:any")) return decideWorkspaceAccess(user, { teamRole: null, seasonOver: false, amdOfInvolvedMinistry: false });
  const team = await db
    .select({ userId: teamMembers.userId, role: teamMembers.role, organisationId: users.organisationId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.projectId, scope.projectId), eq(teamMembers.seasonId, scope.seasonId)));
  const mine = team.filter((member) => member.userId === user.id).map((member) => member.role);
  const teamRole = mine.includes("lead") ? "lead" : mine.includes("contributor") ? "contributor" : mine.includes("coach") ? "coach" : null;
  const amdScopes = user.roles.filter((grant) => grant.role === Roles.ministryDataAdmin && grant.organisationId).map((grant) => grant.organisationId!);
  let amdOfInvolvedMinistry = false;
  if (amdScopes.length > 0) {
    const ministries = new Map((await organisationLookup.listHierarchy(db)).map((organisation) => [organisation.id, organisation.ministryId ?? organisation.id]));
    const involved = new Set(team.filter((member) => member.role !== "coach" && member.organisationId).map((member) => ministries.get(member.organisationId!)));
    amdOfInvolvedMinistry = amdScopes.some((scopeId) => involved.has(ministries.get(scopeId) ?? scopeId));
  }
  return decideWorkspaceAccess(user, { teamRole, seasonOver: scope.seasonEndsOn < today, amdOfInvolvedMinistry });
}

/** The one resource check of every workspace route: the access, or 401/403 with a French message. */
export async function requireWorkspaceAccess(db: Executor, user: CurrentUser | null, scope: WorkspaceScope, today: string, need: "read" | "edit" | "review" = "read"): Promise<WorkspaceAccess> {
  if (!user) throw new UnauthenticatedError();
  const access = await findWorkspaceAccess(db, user, scope, today);
  if (!access) throw new ForbiddenError("L’espace de ce projet est réservé à son équipe, à ses coachs, aux AMD des ministères concernés et à l’équipe du programme.");
  if (need === "edit" && !access.canEdit) throw new ForbiddenError("Seule l’équipe du projet (pendant la saison) et l’équipe du programme peuvent modifier cet espace.");
  if (need === "review" && !access.canReview) throw new ForbiddenError("Seuls les coachs du projet et l’équipe du programme peuvent relire la fiche de cadrage.");
  return access;
}

/** The projects whose workspace an AMD may read in a season: those with a team member of their ministry. */
export async function projectIdsInvolvingMinistries(db: Executor, seasonId: string, ministryIds: string[]): Promise<Set<string>> {
  if (ministryIds.length === 0) return new Set();
  const ministries = new Map((await organisationLookup.listHierarchy(db)).map((organisation) => [organisation.id, organisation.ministryId ?? organisation.id]));
  const wanted = new Set(ministryIds.map((id) => ministries.get(id) ?? id));
  const rows = await db
    .select({ projectId: teamMembers.projectId, organisationId: users.organisationId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.seasonId, seasonId), inArray(teamMembers.role, ["lead", "contributor"])));
  return new Set(rows.filter((row) => row.organisationId && wanted.has(ministries.get(row.organisationId)!)).map((row) => row.projectId));
}

/** The projects whose team (lead, contributor or coach) the person is in, in a season. */
export async function projectIdsOfPerson(db: Executor, seasonId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ projectId: teamMembers.projectId }).from(teamMembers).where(and(eq(teamMembers.seasonId, seasonId), eq(teamMembers.userId, userId)));
  return rows.map((row) => row.projectId);
}
