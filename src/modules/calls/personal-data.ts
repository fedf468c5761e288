import { and, asc, eq } from "drizzle-orm";
import { proposalReviews, proposals, proposalSupports, proposalTransitions } from "../../db/schema/index.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/**
 * Proposals written, « Nous aussi » given, reviews and state changes made. On erasure the person’s drafts
 * (never submitted, seen by nobody else) and their « Nous aussi » statements are deleted; submitted
 * proposals, reviews and the transition log stay on the anonymised account (shown as « Ancien membre »):
 * they are the record of the call’s decisions.
 */
export const callsPersonalData: PersonalDataContribution = {
  module: "calls",
  sections: {
    proposals: {
      title: "Propositions à l’appel à projets",
      purpose: "Proposer des projets à l’appel à projets et suivre leur qualification.",
      columns: { title: "Titre", state: "État", submitted_at: "Déposée le", updated_at: "Modifiée le" },
    },
    proposal_supports: {
      title: "Soutiens «\u00a0Nous aussi\u00a0»",
      purpose: "Montrer aux relecteurs que votre organisation partage le besoin d’une proposition.",
      columns: { proposal_id: "Proposition", statement: "Votre phrase", created_at: "Le" },
    },
    proposal_reviews: {
      title: "Qualifications de propositions",
      purpose: "Qualifier les propositions sur les trois critères du programme.",
      columns: { proposal_id: "Proposition", common_interest: "Intérêt commun", immediate_need: "Besoin immédiat", openness: "Ouverture", comment: "Commentaire", private_note: "Note privée", updated_at: "Modifiée le" },
    },
    proposal_transitions: {
      title: "Changements d’état de propositions",
      purpose: "Garder la trace de qui a déposé, qualifié ou décidé, et quand.",
      columns: { proposal_id: "Proposition", from_state: "De", to_state: "Vers", message: "Message", conflict_declared: "Conflit d’intérêts déclaré", created_at: "Le" },
    },
  },

  async export(db, person) {
    return {
      proposals: await db
        .select({ id: proposals.id, title: proposals.title, state: proposals.state, problem: proposals.problem, submitted_at: proposals.submittedAt, updated_at: proposals.updatedAt })
        .from(proposals)
        .where(eq(proposals.authorId, person.id))
        .orderBy(asc(proposals.createdAt)),
      proposal_supports: await db
        .select({ id: proposalSupports.id, proposal_id: proposalSupports.proposalId, statement: proposalSupports.statement, created_at: proposalSupports.createdAt })
        .from(proposalSupports)
        .where(eq(proposalSupports.userId, person.id))
        .orderBy(asc(proposalSupports.createdAt)),
      proposal_reviews: await db
        .select({
          id: proposalReviews.id,
          proposal_id: proposalReviews.proposalId,
          common_interest: proposalReviews.commonInterest,
          immediate_need: proposalReviews.immediateNeed,
          openness: proposalReviews.openness,
          comment: proposalReviews.comment,
          private_note: proposalReviews.privateNote,
          updated_at: proposalReviews.updatedAt,
        })
        .from(proposalReviews)
        .where(eq(proposalReviews.reviewerId, person.id))
        .orderBy(asc(proposalReviews.createdAt)),
      proposal_transitions: await db
        .select({ id: proposalTransitions.id, proposal_id: proposalTransitions.proposalId, from_state: proposalTransitions.fromState, to_state: proposalTransitions.toState, message: proposalTransitions.message, conflict_declared: proposalTransitions.conflictDeclared, created_at: proposalTransitions.createdAt })
        .from(proposalTransitions)
        .where(eq(proposalTransitions.actorId, person.id))
        .orderBy(asc(proposalTransitions.createdAt)),
    };
  },

  async erase(tx, person) {
    await tx.delete(proposalSupports).where(eq(proposalSupports.userId, person.id));
    await tx.delete(proposals).where(and(eq(proposals.authorId, person.id), eq(proposals.state, "draft")));
  },
};
