import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { joinRequests, userRoles, users } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { displayName } from "../../../identity/api.ts";
import type { Mailer } from "../../../mail/api.ts";
import { countTeamMembers, findPendingJoinRequestOf, findProjectLeads, findProjectNeeds, findTeamOf, isAssignmentPublished } from "../../team-repository.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import { JoinRefusedError } from "../join-errors.ts";
import { joinRequestedMail } from "../join-mails.ts";

/** « L'équipe est complète (5 personnes au plus) : … » — a request or an acceptance above the needs' maximum size. */
export function teamFullMessage(maxSize: number): string {
  return `L’équipe est complète (${maxSize}\u00a0personnes au plus)\u00a0: elle n’accepte plus de demandes.`;
}

export type RequestToJoinInput = { userId: string; project: { id: string; slug: string; title: string }; seasonId: string; message: string };

/**
 * After the assignment's publication, a member in no team this season and with no pending request asks
 * to join a project whose team is not full; the leads are mailed in the same transaction — or, for a
 * project without a lead, the programme team's accounts (they decide on « Gérer l'équipe » too).
 */
export function createRequestToJoin(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string }) {
  return async function requestToJoin(input: RequestToJoinInput): Promise<{ id: string }> {
    try {
      return await deps.db.transaction(async (tx) => {
        if (!(await isAssignmentPublished(tx, input.seasonId))) throw new JoinRefusedError("not_published", "Les équipes de la saison ne sont pas encore publiées\u00a0: exprimez plutôt vos vœux.");
        if (await findTeamOf(tx, input.userId, input.seasonId)) throw new JoinRefusedError("already_in_team", "Vous faites déjà partie d’une équipe cette saison.");
        if (await findPendingJoinRequestOf(tx, input.userId, input.seasonId)) throw new JoinRefusedError("already_pending", "Vous avez déjà une demande en attente cette saison\u00a0: retirez-la pour en faire une autre.");
        const needs = await findProjectNeeds(tx, input.project.id, input.seasonId);
        if (needs && (await countTeamMembers(tx, input.project.id, input.seasonId)) >= needs.maxSize) throw new JoinRefusedError("team_full", teamFullMessage(needs.maxSize));
        const [created] = await tx
          .insert(joinRequests)
          .values({ seasonId: input.seasonId, projectId: input.project.id, userId: input.userId, message: input.message, createdAt: deps.clock.now() })
          .returning({ id: joinRequests.id });
        const [member] = await tx.select({ email: users.email, givenName: users.givenName, usualName: users.usualName }).from(users).where(eq(users.id, input.userId));
        const leadIds = (await findProjectLeads(tx, input.project.id, input.seasonId)).map((lead) => lead.userId);
        const recipients =
          leadIds.length > 0
            ? await tx.select({ email: users.email }).from(users).where(inArray(users.id, leadIds))
            : await tx
                .selectDistinct({ email: users.email })
                .from(userRoles)
                .innerJoin(users, eq(users.id, userRoles.userId))
                .where(and(eq(userRoles.role, "programme_team"), isNull(users.erasedAt)));
        for (const recipient of recipients) {
          await deps.mailer.enqueue(tx, joinRequestedMail(recipient.email, { memberName: displayName(member!), message: input.message, projectTitle: input.project.title, projectSlug: input.project.slug, publicUrl: deps.publicUrl }));
        }
        return { id: created!.id };
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_pending_request_per_person_per_season")) throw new JoinRefusedError("already_pending", "Vous avez déjà une demande en attente cette saison\u00a0: retirez-la pour en faire une autre.");
      throw error;
    }
  };
}

/** The member withdraws their pending request. */
export function createWithdrawJoinRequest(deps: { db: Database; clock: Clock }) {
  return async function withdrawJoinRequest(input: { userId: string; seasonId: string }): Promise<boolean> {
    const pending = await findPendingJoinRequestOf(deps.db, input.userId, input.seasonId);
    if (!pending) return false;
    const updated = await deps.db
      .update(joinRequests)
      .set({ state: "withdrawn", decidedAt: deps.clock.now() })
      .where(eq(joinRequests.id, pending.id))
      .returning({ id: joinRequests.id });
    return updated.length > 0;
  };
}
