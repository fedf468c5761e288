import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { skills } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { firstFreeSlug, slugify } from "../domain/slugs.ts";
import { findSkillById, listTakenSkillSlugs } from "../repository.ts";
import type { SkillEdit } from "../schemas.ts";

export type UpdateSkillInput = SkillEdit & { skillId: string; accept: boolean };

/**
 * The programme team edits a skill of the vocabulary (name, category, synonyms) and, for a member's
 * proposal, may accept it at once. An accepted skill keeps its address; a proposal accepted under
 * another name gets the address of that name.
 */
export function createUpdateSkill({ db }: { db: Database }) {
  return async function updateSkill(input: UpdateSkillInput): Promise<{ slug: string; accepted: boolean }> {
    return db.transaction(async (tx) => {
      const skill = await findSkillById(tx, input.skillId);
      if (!skill) throw new NotFoundError("Cette compétence n’existe pas ou a été fusionnée.");
      const [homonym] = await tx
        .select({ name: skills.name })
        .from(skills)
        .where(and(ne(skills.id, skill.id), sql`immutable_unaccent(lower(${skills.name})) = immutable_unaccent(lower(${input.name}))`));
      if (homonym) throw new InvalidInputError({ name: `Une autre compétence s’appelle déjà « ${homonym.name} » : fusionnez plutôt les deux.` });

      const accepting = input.accept && skill.status === "proposed";
      let slug = skill.slug;
      if (accepting && slugify(input.name) !== skill.slug) {
        const base = slugify(input.name) || "competence";
        const taken = await listTakenSkillSlugs(tx, base);
        taken.delete(skill.slug);
        slug = firstFreeSlug(base, taken);
      }
      const synonyms = input.synonyms.filter((synonym) => synonym.toLowerCase() !== input.name.toLowerCase());
      await tx
        .update(skills)
        .set({ name: input.name, category: input.category, synonyms, slug, ...(accepting ? { status: "accepted" } : {}) })
        .where(eq(skills.id, skill.id));
      return { slug, accepted: accepting || skill.status === "accepted" };
    });
  };
}
