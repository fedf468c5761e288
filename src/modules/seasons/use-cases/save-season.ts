import type { Database } from "../../../db/client.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { type PhaseDates, validateSeason } from "../domain/phases.ts";
import { isUniqueViolation } from "../../../db/unique-violation.ts";
import { isSlugTaken, writeSeason } from "../repository.ts";

export type SaveSeasonInput = { id?: string | undefined; slug: string; name: string; startsOn: string; endsOn: string; phases: PhaseDates[] };

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Creates or updates a season with all its phases in one transaction: the dates are checked
 * (domain/phases.ts) and the slug must be free, or nothing is stored (InvalidInputError at the field).
 */
export async function saveSeason(db: Database, input: SaveSeasonInput): Promise<string> {
  const errors: Record<string, string> = {};
  const name = input.name.trim();
  const slug = input.slug.trim().toLowerCase();
  if (!name) errors.name = "Indiquez le nom de la saison, par exemple «\u00a0Saison 2024\u00a0».";
  else if (name.length > 100) errors.name = "Ce champ ne peut pas dépasser 100 caractères.";
  if (!slug) errors.slug = "Indiquez l’identifiant de la saison dans son adresse, par exemple 2024.";
  else if (slug.length > 40 || !slugPattern.test(slug)) errors.slug = "L’identifiant ne contient que des lettres minuscules sans accent, des chiffres et des tirets, par exemple 2024.";
  const phases = input.phases.map((phase) => ({ ...phase, name: phase.name.trim() }));
  Object.assign(errors, validateSeason({ startsOn: input.startsOn, endsOn: input.endsOn }, phases));
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
  const taken = new InvalidInputError({ slug: `Une autre saison a déjà l’identifiant «\u00a0${slug}\u00a0».` });
  try {
    return await db.transaction(async (tx) => {
      if (await isSlugTaken(tx, slug, input.id)) throw taken;
      return writeSeason(tx, { slug, name, startsOn: input.startsOn, endsOn: input.endsOn, phases }, input.id);
    });
  } catch (error) {
    // Two saves of the same slug at once: the unique index decides, the message is the same.
    if (isUniqueViolation(error, "one_season_per_slug")) throw taken;
    throw error;
  }
}
