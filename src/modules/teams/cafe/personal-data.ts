import { asc, eq, sql } from "drizzle-orm";
import { cafePairMembers, cafeParticipants, cafeRounds, organisations } from "../../../db/schema/index.ts";
import type { PersonalDataContribution } from "../../privacy/api.ts";
import { listPairingsOf } from "./repository.ts";

/**
 * « Café 10 % »: the person's participation and the people they met. On erasure both go (the participation
 * row, the person's places in pairs, their name in a round's « left out » list); the pair stays with its
 * size, so the other person's history shows « Ancien membre » in their place. The opt-out token hashes are
 * secrets and never exported.
 */
export const cafePersonalData: PersonalDataContribution = {
  module: "teams (café 10 %)",
  sections: {
    cafe_participants: {
      title: "Participation au café 10\u00a0%",
      purpose: "Vous proposer chaque mois une rencontre avec un membre d’un autre ministère, tant que vous participez.",
      columns: { opted_in_at: "Inscription le", opted_out_at: "Désinscription le" },
      correction: { label: "Participer ou non au café 10\u00a0%", href: "/cafe" },
    },
    cafe_pair_members: {
      title: "Rencontres du café 10\u00a0%",
      purpose: "Les personnes que le café 10\u00a0% vous a fait rencontrer, et votre ministère ce mois-là\u00a0: pour ne pas vous faire rencontrer deux fois la même personne dans l’année.",
      columns: { month: "Mois", ministry: "Votre ministère", partners: "Rencontré·es" },
    },
  },

  async export(db, person) {
    const pairings = new Map((await listPairingsOf(db, person.id)).map((pairing) => [pairing.month, pairing.partners.map((partner) => partner.name).join(", ")]));
    const places = await db
      .select({ pair_id: cafePairMembers.pairId, user_id: cafePairMembers.userId, month: cafeRounds.month, ministry: organisations.name })
      .from(cafePairMembers)
      .innerJoin(cafeRounds, eq(cafeRounds.id, cafePairMembers.roundId))
      .leftJoin(organisations, eq(organisations.id, cafePairMembers.ministryId))
      .where(eq(cafePairMembers.userId, person.id))
      .orderBy(asc(cafeRounds.month));
    return {
      cafe_participants: await db
        .select({ user_id: cafeParticipants.userId, opted_in_at: cafeParticipants.optedInAt, opted_out_at: cafeParticipants.optedOutAt })
        .from(cafeParticipants)
        .where(eq(cafeParticipants.userId, person.id)),
      cafe_pair_members: places.map((place) => ({ ...place, partners: pairings.get(place.month) ?? "" })),
    };
  },

  async erase(tx, person) {
    await tx.delete(cafeParticipants).where(eq(cafeParticipants.userId, person.id));
    await tx.delete(cafePairMembers).where(eq(cafePairMembers.userId, person.id));
    await tx
      .update(cafeRounds)
      .set({ unpairedUserIds: sql`array_remove(${cafeRounds.unpairedUserIds}, ${person.id}::uuid)` })
      .where(sql`${person.id}::uuid = any(${cafeRounds.unpairedUserIds})`);
  },
};
