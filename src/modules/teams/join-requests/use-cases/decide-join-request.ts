import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../../db/client.ts";
import { joinRequests, teamMembers, users } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { NotFoundError } from "../../../../shared/domain-error.ts";
import type { Mailer } from "../../../mail/api.ts";
import { recordParticipation } from "../../../people/api.ts";
import { countTeamMembers, findProjectNeeds, findTeamOf } from "../../team-repository.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import { JoinRefusedError } from "../join-errors.ts";
import { joinDecidedMail } from "../join-mails.ts";

export type DecideJoinRequestInput = {
  requestId: string;
  decision: "accept" | "decline";
  decidedBy: string;
  project: { id: string; slug: string; title: string };
  season: { id: string; slug: string };
};

const alreadyInTeam = "Cette personne a rejoint une autre équipe entre-temps\u00a0: sa demande ne peut plus être acceptée.";

/**
 * The lead (or the programme team) accepts or declines a pending request. Accepting takes the team's
 * lock (a transaction-scoped advisory lock on the project and season) before counting, so two accepts
 * racing for the last seat cannot both pass the maximum size; the member must still be in no team (the
 * unique index `one_team_per_person_per_season` is the last guard). The member is mailed either way.
 */
export function createDecideJoinRequest(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string }) {
  return async function decideJoinRequest(input: DecideJoinRequestInput): Promise<void> {
    try {
      await deps.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`team:${input.project.id}:${input.season.id}`}))`);
        const [request] = await tx
          .select()
          .from(joinRequests)
          .where(and(eq(joinRequests.id, input.requestId), eq(joinRequests.projectId, input.project.id), eq(joinRequests.seasonId, input.season.id)))
          .for("update");
        if (!request) throw new NotFoundError("Cette demande n’existe pas.");
        if (request.state !== "pending") throw new JoinRefusedError("already_decided", "Cette demande a déjà reçu une réponse ou a été retirée.");
        const now = deps.clock.now();
        if (input.decision === "accept") {
          const needs = await findProjectNeeds(tx, input.project.id, input.season.id);
          const size = await countTeamMembers(tx, input.project.id, input.season.id);
          if (needs && size >= needs.maxSize) throw new JoinRefusedError("team_full", `L’équipe est complète (${needs.maxSize}\u00a0personnes au plus)\u00a0: la demande ne peut pas être acceptée.`);
          if (await findTeamOf(tx, request.userId, input.season.id)) throw new JoinRefusedError("already_in_team", alreadyInTeam);
          await tx.insert(teamMembers).values({ seasonId: input.season.id, projectId: input.project.id, userId: request.userId, role: "contributor", source: "join_request", createdAt: now });
          await recordParticipation(tx, { userId: request.userId, season: input.season.slug, projectSlug: input.project.slug, projectTitle: input.project.title, role: "Contributeur·rice" });
        }
        await tx
          .update(joinRequests)
          .set({ state: input.decision === "accept" ? "accepted" : "declined", decidedBy: input.decidedBy, decidedAt: now })
          .where(eq(joinRequests.id, request.id));
        const [member] = await tx.select({ email: users.email }).from(users).where(eq(users.id, request.userId));
        if (member) await deps.mailer.enqueue(tx, joinDecidedMail(member.email, { accepted: input.decision === "accept", projectTitle: input.project.title, projectSlug: input.project.slug, publicUrl: deps.publicUrl }));
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_team_per_person_per_season")) throw new JoinRefusedError("already_in_team", alreadyInTeam);
      throw error;
    }
  };
}
