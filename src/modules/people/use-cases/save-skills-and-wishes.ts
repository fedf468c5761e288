import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import type { FormResult } from "../../../http/forms.ts";
import { profileSkills, profiles, skills } from "../../../db/schema/index.ts";
import type { Clock } from "../../../shared/clock.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { SkillLevel } from "../domain/profile-choices.ts";
import { type SkillCategory, skillCategories } from "../domain/skill-vocabulary.ts";
import { firstFreeSlug, slugify } from "../domain/slugs.ts";
import { countPendingProposals, findSkillByNameOrSynonym, listSkillsByIds, listTakenSkillSlugs, type Skill } from "../repository.ts";
import { alreadyInVocabularyMessage, noSkillChosenMessage, parseSkillsAndWishes, type ProposalMatch, type SkillsAndWishes, skillsGroupField } from "../schemas.ts";

/**
 * Step 2's form read with the vocabulary: a proposed name the vocabulary already has (name or synonym,
 * accents and case ignored) is refused before the proposal's other fields are checked, naming the skill
 * to choose instead (`existingSkill`, whose row the page then shows).
 */
export async function checkSkillsAndWishes(db: Executor, body: unknown): Promise<FormResult<SkillsAndWishes> & { existingSkill?: Skill | undefined }> {
  const typed = body && typeof body === "object" ? (body as Record<string, unknown>).proposedName : undefined;
  const name = typeof typed === "string" ? typed.trim() : "";
  const existing = name && name.length <= 80 ? await findSkillByNameOrSynonym(db, name) : null;
  const match: ProposalMatch = existing === null ? null : existing.status === "accepted" ? { status: "accepted", name: existing.name, category: existing.category } : { status: "proposed" };
  const form = parseSkillsAndWishes(body, match);
  return existing?.status === "accepted" && !form.ok ? { ...form, existingSkill: existing } : form;
}

export type SaveSkillsAndWishesInput = SkillsAndWishes & { userId: string; mode: "wizard" | "edit" };

/** A member may have this many proposals waiting for the programme team. */
export const maxPendingProposals = 10;

/**
 * Step 2 of joining (and the second section of the edit page): the member's levels replace the
 * previous ones, with what they would like to learn and, optionally, a skill the vocabulary lacks.
 */
export function createSaveSkillsAndWishes({ db, clock }: { db: Database; clock: Clock }) {
  return async function saveSkillsAndWishes(input: SaveSkillsAndWishesInput): Promise<void> {
    await db.transaction(async (tx) => {
      const [profile] = await tx.select({ userId: profiles.userId }).from(profiles).where(eq(profiles.userId, input.userId)).for("update");
      if (!profile) throw new NotFoundError("Commencez par l’étape « Votre organisation et votre métier ».");

      // Only the vocabulary the member was offered counts: other ids (forged or since merged) are ignored.
      const offered = await listSkillsByIds(tx, [...input.levels.keys()]);
      const levels = new Map<string, SkillLevel>();
      for (const skill of offered) {
        const level = input.levels.get(skill.id);
        if (!level) continue;
        if (skill.status === "accepted" || skill.proposedBy === input.userId) levels.set(skill.id, level);
      }
      if (input.proposal) {
        const skillId = await proposeSkill(tx, { ...input.proposal, userId: input.userId });
        levels.set(skillId, input.proposal.level);
      }

      // Levels on skills merged or removed since the page was shown do not count.
      if (levels.size === 0) throw new InvalidInputError({ [skillsGroupField]: noSkillChosenMessage });
      await tx.delete(profileSkills).where(eq(profileSkills.userId, input.userId));
      if (levels.size > 0) await tx.insert(profileSkills).values([...levels].map(([skillId, level]) => ({ userId: input.userId, skillId, level })));
      await tx
        .update(profiles)
        .set({
          learningWishes: input.learningWishes ?? null,
          updatedAt: clock.now(),
          ...(input.mode === "wizard" ? { onboardingStep: sql`greatest(${profiles.onboardingStep}, 3)` } : {}),
        })
        .where(eq(profiles.userId, input.userId));
    });
  };
}

/**
 * A skill the vocabulary lacks becomes a proposal for the programme team. A name already in the
 * vocabulary is refused (the member picks it in the list); a name another member already proposed
 * joins that proposal.
 */
async function proposeSkill(tx: Executor, proposal: { name: string; category: SkillCategory; level: SkillLevel; userId: string }): Promise<string> {
  const existing = await findSkillByNameOrSynonym(tx, proposal.name);
  if (existing?.status === "accepted") throw new InvalidInputError({ proposedName: alreadyInVocabularyMessage(proposal.name, existing) });
  if (existing) return existing.id;
  // The form asked for no category when a pending proposal had this name; it may have gone since.
  if (!skillCategories.some((category) => category.key === proposal.category)) {
    throw new InvalidInputError({ proposedCategory: "Choisissez la catégorie de la compétence que vous proposez." });
  }
  if ((await countPendingProposals(tx, proposal.userId)) >= maxPendingProposals) {
    throw new InvalidInputError({ proposedName: `Vous avez déjà ${maxPendingProposals} propositions en attente : l’équipe du programme doit les examiner avant d’en recevoir d’autres.` });
  }
  const base = slugify(proposal.name) || "competence";
  const taken = await listTakenSkillSlugs(tx, base);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const slug = firstFreeSlug(base, taken);
    const [row] = await tx
      .insert(skills)
      .values({ slug, name: proposal.name, category: proposal.category, status: "proposed", proposedBy: proposal.userId })
      .onConflictDoNothing()
      .returning({ id: skills.id });
    if (row) return row.id;
    taken.add(slug);
  }
  throw new Error(`Aucune adresse libre pour la compétence ${base}`);
}
