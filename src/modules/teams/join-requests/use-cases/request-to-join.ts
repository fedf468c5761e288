import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { joinRequests, users } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { displayName } from "../../../identity/api.ts";
import type { Mailer } from "../../../mail/api.ts";
import { findPendingJoinRequestOf, findProjectLeads, findTeamOf, isAssignmentPublished } from "../../team-repository.ts";
import { isUniqueViolation, JoinRefusedError } from "../join-errors.ts";
import { joinRequestedMail } from "../join-mails.ts";

export type RequestToJoinInput = { userId: string; project: { id: string; slug: string; title: string }; seasonId: string; message: string };

/**
 * After the assignment's publication, a member in no team this season and with no pending request asks
 * to join a project; the leads are mailed in the same transaction.
 */
export function createRequestToJoin(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string }) {
  return async function requestToJoin(input: RequestToJoinInput): Promise<{ id: string }> {
    try {
      return await deps.db.transaction(async (tx) => {
        if (!(await isAssignmentPublished(tx, input.seasonId))) throw new JoinRefusedError("not_published", "Les équipes de la saison ne sont pas encore publiées\u00a0: exprimez plutôt vos vœux.");
        if (await findTeamOf(tx, input.userId, input.seasonId)) throw new JoinRefusedError("already_in_team", "Vous faites déjà partie d’une équipe cette saison.");
        if (await findPendingJoinRequestOf(tx, input.userId, input.seasonId)) throw new JoinRefusedError("already_pending", "Vous avez déjà une demande en attente cette saison\u00a0: retirez-la pour en faire une autre.");
        const [created] = await tx
          .insert(joinRequests)
          .values({ seasonId: input.seasonId, projectId: input.project.id, userId: input.userId, message: input.message, createdAt: deps.clock.now() })
          .returning({ id: joinRequests.id });
        const [member] = await tx.select({ email: users.email, givenName: users.givenName, usualName: users.usualName }).from(users).where(eq(users.id, input.userId));
        const leadIds = (await findProjectLeads(tx, input.project.id, input.seasonId)).map((lead) => lead.userId);
        const leads = leadIds.length > 0 ? await tx.select({ email: users.email }).from(users).where(inArray(users.id, leadIds)) : [];
        for (const lead of leads) {
          await deps.mailer.enqueue(tx, joinRequestedMail(lead.email, { memberName: displayName(member!), message: input.message, projectTitle: input.project.title, projectSlug: input.project.slug, publicUrl: deps.publicUrl }));
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
