import type { TeamsDeps } from "../../deps.ts";
import { addMonths, parisMonthOf } from "../domain/months.ts";
import { createOptOutToken, hashOptOutToken } from "../domain/opt-out-token.ts";
import { computePairing, monthsBeforeMeetingAgain } from "../domain/pairing.ts";
import { findRound, insertPair, insertRound, listActiveParticipants, listLeftOutBefore, listMeetingsSince, listSkillNames, setUnpaired } from "../repository.ts";
import { cafePairingMail } from "../views/cafe-mail.ts";

/**
 * `ran`: the round ran now; `already_run`: it had run this month (nothing changes); `too_few`: fewer than
 * two people take part, nothing is recorded and the next check tries again.
 */
export type CafeRoundOutcome = { month: string; status: "ran" | "already_run" | "too_few"; participants: number; groups: number; unpaired: number };

/**
 * Runs the « café 10 % » round of the month of `clock.now()` in Paris, once: the round's row is inserted
 * first (`on conflict do nothing` on the month), so a second run — another process, a second click —
 * inserts nothing and stops. In the same transaction: the pairs (ADR 0032) and one mail to each person.
 */
export function createRunCafeRound(deps: Pick<TeamsDeps, "db" | "clock" | "mailer" | "publicUrl">) {
  return async (): Promise<CafeRoundOutcome> => {
    const now = deps.clock.now();
    const month = parisMonthOf(now);
    const notRun = (status: "already_run" | "too_few", participants: number): CafeRoundOutcome => ({ month, status, participants, groups: 0, unpaired: 0 });
    if (await findRound(deps.db, month)) return notRun("already_run", 0);
    return deps.db.transaction(async (tx) => {
      const people = await listActiveParticipants(tx);
      if (people.length < 2) return notRun("too_few", people.length);
      const roundId = await insertRound(tx, month, now);
      if (!roundId) return notRun("already_run", people.length);
      const leftOut = await listLeftOutBefore(tx, month);
      const history = await listMeetingsSince(tx, addMonths(month, -monthsBeforeMeetingAgain));
      const pairing = await computePairing({
        month,
        candidates: people.map((person) => ({ id: person.userId, ministryId: person.ministryId, leftOutLastRound: leftOut.has(person.userId) })),
        history,
      });
      const byId = new Map(people.map((person) => [person.userId, person]));
      const skills = await listSkillNames(tx, pairing.groups.flat());
      for (const group of pairing.groups) {
        const members = group.map((userId) => ({ person: byId.get(userId)!, token: createOptOutToken() }));
        await insertPair(
          tx,
          roundId,
          members.map(({ person, token }) => ({ userId: person.userId, ministryId: person.ministryId, optOutTokenHash: hashOptOutToken(token) })),
        );
        for (const { person, token } of members) {
          const partners = members.filter((member) => member.person.userId !== person.userId).map((member) => member.person);
          await deps.mailer.enqueue(tx, cafePairingMail({ month, to: person, partners, skills, optOutToken: token, publicUrl: deps.publicUrl }));
        }
      }
      await setUnpaired(tx, roundId, pairing.unpaired);
      return { month, status: "ran", participants: people.length, groups: pairing.groups.length, unpaired: pairing.unpaired.length };
    });
  };
}
