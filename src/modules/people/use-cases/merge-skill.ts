import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { skills } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { findSkillById } from "../repository.ts";
import { splitSynonyms } from "../schemas.ts";

/**
 * A member's proposal that duplicates a skill of the vocabulary is merged into it, in one transaction:
 * members keep the higher of their two levels, the proposed name becomes a synonym of the skill, and
 * the proposal disappears.
 */
export function createMergeSkill({ db }: { db: Database }) {
  return async function mergeSkill(input: { skillId: string; targetId: string }): Promise<{ targetName: string; sourceName: string }> {
    return db.transaction(async (tx) => {
      const source = await findSkillById(tx, input.skillId);
      if (!source || source.status !== "proposed") throw new NotFoundError("Cette proposition n’existe plus\u00a0: elle a peut-être déjà été acceptée ou fusionnée.");
      const target = await findSkillById(tx, input.targetId);
      if (!target || target.status !== "accepted" || target.id === source.id) {
        throw new InvalidInputError({ targetId: "Choisissez une compétence de la liste avec laquelle fusionner." });
      }
      const synonyms = splitSynonyms([...target.synonyms, source.name, ...source.synonyms].join("\n")).filter((synonym) => synonym.toLowerCase() !== target.name.toLowerCase());
      await tx.update(skills).set({ synonyms }).where(eq(skills.id, target.id));
      await tx.execute(sql`
        insert into profile_skills (user_id, skill_id, level)
        select user_id, ${target.id}, level from profile_skills where skill_id = ${source.id}
        on conflict (user_id, skill_id) do update set level = greatest(profile_skills.level, excluded.level)`);
      await tx.delete(skills).where(eq(skills.id, source.id));
      return { targetName: target.name, sourceName: source.name };
    });
  };
}
